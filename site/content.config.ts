/** Collections of the public site, read from the session folder chosen by RECEVABLE_SESSION. */
import { defineCollection } from 'astro:content';
import { Session } from '../schemas/session.ts';
import { loaders } from './data/loaders.ts';
import {
  PublicCandidate,
  PublicPage,
  PublicResult,
  PublicSchedule,
  Publication,
} from './data/public.ts';

export const collections = {
  session: defineCollection({ loader: loaders.session, schema: Session }),
  publication: defineCollection({ loader: loaders.publication, schema: Publication }),
  candidates: defineCollection({ loader: loaders.candidates, schema: PublicCandidate }),
  results: defineCollection({ loader: loaders.results, schema: PublicResult }),
  schedule: defineCollection({ loader: loaders.schedule, schema: PublicSchedule }),
  pages: defineCollection({ loader: loaders.pages, schema: PublicPage }),
};
