/** Builders shared by the check tests: the demo session's rules and hand-made Documents. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Document, Heading } from '../../schemas/document.ts';
import { Session } from '../../schemas/session.ts';
import type { Submission } from '../../schemas/submissions.ts';

/** The demo session (rules: 50–60 pages, the five-section plan, deadline 2023-08-25 12:00 Paris). */
export const session: Session = Session.parse(
  parse(readFileSync(new URL('../../content/demo-2023/session.yaml', import.meta.url), 'utf8')),
);

/** A submission of C001 received at `receivedAt`. */
export const submission = (receivedAt = '2023-08-24T18:00:00+02:00'): Submission => ({
  candidate: 'C001',
  file: 'submissions/C001.pdf',
  receivedAt,
});

/** Headings at level 1 from `[text, page]` pairs. */
export const headings = (...list: [string, number][]): Heading[] =>
  list.map(([text, page]) => ({ level: 1, text, page, source: 'outline' }));

/** A readable PDF Document of `count` pages with the five required sections unless given. */
export function doc(overrides: Partial<Document> = {}): Document {
  const count = overrides.pages?.count ?? 55;
  return {
    format: 'pdf',
    pages: { count, method: 'pdf', exact: true },
    textLayer: 'full',
    scannedPages: [],
    headings: headings(
      ['Sommaire', 2],
      ['I. Introduction', 3],
      ['II. Environnement professionnel', 10],
      ['III. Valorisation des compétences', 20],
      ['IV. Conclusion', 50],
    ),
    text: 'Texte du dossier.',
    pageOffsets: Array.from({ length: count }, (_, i) => i * 10),
    words: 12000,
    warnings: [],
    meta: {},
    ...overrides,
  };
}
