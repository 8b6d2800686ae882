/** The site's collections as typed values, for pages and endpoints. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Session } from '../../schemas/session.ts';
import type {
  PublicCandidate,
  PublicPage,
  PublicResult,
  PublicSchedule,
  Publication,
} from './public.ts';

/** Everything a page may show, read from the content layer. */
export interface SiteContent {
  readonly session: Session;
  /** By code, in the order of candidates.yaml. */
  readonly candidates: ReadonlyMap<string, PublicCandidate>;
  /** By candidate code; `undefined` before the checks ran (no results/ folder). */
  readonly results: ReadonlyMap<string, PublicResult> | undefined;
  /** `undefined` before the order of passage is published. */
  readonly schedule: PublicSchedule | undefined;
  /** The school's pages, in the order of their links. */
  readonly pages: readonly PublicPage[];
}

interface Entry<T> {
  readonly data: T;
}

async function entries<T>(name: string): Promise<T[]> {
  const list = (await getCollection(name)) as unknown as Entry<T>[];
  return list.map((e) => e.data);
}

/** Reads the collections (in memory after the content sync). */
export async function siteContent(): Promise<SiteContent> {
  const [sessions, [published], candidates] = await Promise.all([
    entries<Session>('session'),
    entries<Publication>('publication'),
    entries<PublicCandidate>('candidates'),
  ]);
  const session = sessions[0];
  if (!session || !published)
    throw new Error('The session collections are empty: the session loader did not run.');
  // Empty collections are only read when published: Astro warns on every read of an empty one.
  const [results, schedules, pages] = await Promise.all([
    published.results ? entries<PublicResult>('results') : [],
    published.schedule ? entries<PublicSchedule>('schedule') : [],
    published.pages ? entries<PublicPage>('pages') : [],
  ]);
  return {
    session,
    candidates: new Map(candidates.map((c) => [c.code, c])),
    results: published.results ? new Map(results.map((r) => [r.candidate, r])) : undefined,
    schedule: schedules[0],
    pages: pages.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'fr')),
  };
}

/** The school's pages as entries to render; none without a `pages/` folder. */
export async function pageEntries(): Promise<CollectionEntry<'pages'>[]> {
  const [published] = await entries<Publication>('publication');
  return published?.pages ? ((await getCollection('pages')) as CollectionEntry<'pages'>[]) : [];
}
