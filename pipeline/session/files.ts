/**
 * The registry of a session folder's YAML files: which file, which schema, whether it must
 * exist, and who writes it. `validateSession` checks every entry and `loadSession` loads the
 * `input` entries, so a new content file is one more line here.
 */
import type { z } from 'zod';
import { CandidatesFile } from '../../schemas/candidates.ts';
import { JuriesFile } from '../../schemas/juries.ts';
import { OutcomesFile } from '../../schemas/outcomes.ts';
import { PageFrontMatter } from '../../schemas/page.ts';
import { Result, ResultsSummary } from '../../schemas/result.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { Session } from '../../schemas/session.ts';
import { SubmissionsFile } from '../../schemas/submissions.ts';
import { TutoringFile } from '../../schemas/tutoring.ts';

/** One kind of file of a session folder. */
export interface SessionFileEntry<K extends string = string, S extends z.ZodType = z.ZodType> {
  /** Name of the data in `LoadedSession` and in cross-file rules, e.g. `candidates`. */
  readonly key: K;
  /**
   * Path relative to the session folder. A `*` stands for any name in that folder, e.g.
   * `results/*.yaml`; an exact path listed earlier takes precedence over a pattern.
   */
  readonly file: string;
  /** The schema the parsed YAML must satisfy. */
  readonly schema: S;
  /** A required file that is missing is a problem; an optional one is simply absent. */
  readonly required: boolean;
  /** `input`: staff write it and `loadSession` returns it; `output`: the pipeline writes it. */
  readonly role: 'input' | 'output';
  /** `markdown`: a Markdown page whose front matter is the YAML checked; default `yaml`. */
  readonly format?: 'yaml' | 'markdown';
}

const entry = <const E extends SessionFileEntry>(e: E): E => e;

/** Every file `recevable validate` checks, in the order problems are reported. */
export const sessionFiles = [
  entry({ key: 'session', file: 'session.yaml', schema: Session, required: true, role: 'input' }),
  entry({
    key: 'candidates',
    file: 'candidates.yaml',
    schema: CandidatesFile,
    required: true,
    role: 'input',
  }),
  entry({ key: 'juries', file: 'juries.yaml', schema: JuriesFile, required: true, role: 'input' }),
  entry({
    key: 'submissions',
    file: 'submissions.yaml',
    schema: SubmissionsFile,
    required: true,
    role: 'input',
  }),
  entry({
    key: 'outcomes',
    file: 'outcomes.yaml',
    schema: OutcomesFile,
    required: false,
    role: 'input',
  }),
  entry({
    key: 'tutoring',
    file: 'tutoring.yaml',
    schema: TutoringFile,
    required: false,
    role: 'input',
  }),
  entry({
    key: 'pages',
    file: 'pages/*.md',
    schema: PageFrontMatter,
    required: false,
    role: 'input',
    format: 'markdown',
  }),
  entry({
    key: 'schedule',
    file: 'schedule.yaml',
    schema: Schedule,
    required: false,
    role: 'output',
  }),
  entry({
    key: 'summary',
    file: 'results/summary.yaml',
    schema: ResultsSummary,
    required: false,
    role: 'output',
  }),
  entry({
    key: 'results',
    file: 'results/*.yaml',
    schema: Result,
    required: false,
    role: 'output',
  }),
] as const;

type Entries = (typeof sessionFiles)[number];
type InputEntries = Extract<Entries, { role: 'input' }>;

/** A Markdown page of the session, front matter validated. */
export interface SessionPage {
  /** Path relative to the session folder, e.g. `pages/reglement.md`. */
  readonly file: string;
  readonly data: PageFrontMatter;
  /** The Markdown after the front matter. */
  readonly body: string;
  /** 1-based line of the file where `body` starts. */
  readonly bodyLine: number;
}

type MarkdownEntries = Extract<InputEntries, { format: 'markdown' }>;

/**
 * The data of every `input` file, by key: required files always, optional ones when present;
 * Markdown pages as a list, when read (`validateSession` reads them, `loadSession` does not).
 */
export type SessionData = {
  readonly [E in Exclude<InputEntries, MarkdownEntries> as E['key']]: E['required'] extends true
    ? z.output<E['schema']>
    : z.output<E['schema']> | undefined;
} & { readonly [E in MarkdownEntries as E['key']]?: readonly SessionPage[] };

/** The keys of the registry. */
export type SessionFileKey = Entries['key'];

/** True when the entry names many files (`results/*.yaml`). */
export function isPattern(e: SessionFileEntry): boolean {
  return e.file.includes('*');
}

/** The validated data of the files of `key`. */
export type DataOf<K extends SessionFileKey> = z.output<Extract<Entries, { key: K }>['schema']>;
