/**
 * The error catalogue: every error the pipeline reports to a person. A `code` never changes
 * once released (staff scripts and tests match on it); `message` says what happened and
 * `hint` what to do. Checks do not throw: they return findings. Errors are for broken input.
 *
 * Each feature keeps its entries in its own section below, in alphabetical order.
 */

/** One entry of the catalogue. */
export interface ErrorDef<A extends unknown[]> {
  /** Stable machine code, SCREAMING_SNAKE_CASE. */
  readonly code: string;
  /** What happened, naming the file when there is one. */
  readonly message: (...args: A) => string;
  /** What to do about it. */
  readonly hint: (...args: A) => string;
}

const define = <A extends unknown[]>(def: ErrorDef<A>): ErrorDef<A> => def;

/** An error a person can act on: stable code, message, hint. Never shown with a stack trace. */
export class RecevableError extends Error {
  readonly code: string;
  readonly hint: string;
  constructor(code: string, message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RecevableError';
    this.code = code;
    this.hint = hint;
  }
  toJSON(): { code: string; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Builds the error of a catalogue entry. */
export function recevableError<A extends unknown[]>(def: ErrorDef<A>, ...args: A): RecevableError {
  return new RecevableError(def.code, def.message(...args), def.hint(...args));
}

export const Errors = {
  // ── command line ──────────────────────────────────────────────────────────
  UnknownCommand: define({
    code: 'USAGE_UNKNOWN_COMMAND',
    message: (name: string) => `Unknown command "${name}".`,
    hint: () => 'Run `recevable --help` to list the commands.',
  }),
  BadArguments: define({
    code: 'USAGE_BAD_ARGUMENTS',
    message: (command: string, reason: string) => `${command}: ${reason}`,
    hint: (command: string) => `Run \`recevable ${command} --help\` for its usage.`,
  }),
  NotADirectory: define({
    code: 'USAGE_NOT_A_SESSION',
    message: (dir: string) => `${dir} is not a session folder (no session.yaml in it).`,
    hint: () => 'Pass the folder that holds session.yaml, e.g. content/demo-2023.',
  }),

  // ── session content (validate) ────────────────────────────────────────────

  // ── reading dossiers ──────────────────────────────────────────────────────

  // ── admissibility checks ──────────────────────────────────────────────────

  // ── similarity and corpus ─────────────────────────────────────────────────

  // ── order of passage and convocations ─────────────────────────────────────

  // ── outcomes ──────────────────────────────────────────────────────────────
  OutcomesFileInvalid: define({
    code: 'OUTCOMES_FILE_INVALID',
    message: (file: string, detail: string, _fix: string) => `${file}: ${detail}`,
    hint: (_file: string, _detail: string, fix: string) => fix,
  }),
  OutcomesFileMissing: define({
    code: 'OUTCOMES_FILE_MISSING',
    message: (dir: string) => `${dir} has no outcomes.yaml: there are no results to decide on.`,
    hint: () =>
      'Create outcomes.yaml with the block and final exam results; content/demo-2023/outcomes.yaml is an example.',
  }),
  OutcomesInvalid: define({
    code: 'OUTCOMES_INVALID',
    message: (file: string, count: number) =>
      `${file} has ${count} problem${count === 1 ? '' : 's'}; no outcome was decided.`,
    hint: (file: string) => `Fix ${file} at the places listed above, then run the command again.`,
  }),
  OutcomesNoDeadline: define({
    code: 'OUTCOMES_NO_DEADLINE',
    message: (deadline: string) =>
      `rules.deadline "${deadline}" names no key date: tutor meetings cannot be counted.`,
    hint: () => 'Point rules.deadline in session.yaml to the key date of the dossier deadline.',
  }),
  OutcomesTutorMismatch: define({
    code: 'OUTCOMES_TUTOR_MISMATCH',
    message: (candidate: string, tutor: string, listed: string) =>
      `tutoring.yaml gives ${candidate} the tutor ${tutor}, candidates.yaml ${listed}.`,
    hint: (candidate: string) =>
      `Use the same tutor for ${candidate} in tutoring.yaml and candidates.yaml.`,
  }),
  OutcomesUnknownCandidate: define({
    code: 'OUTCOMES_UNKNOWN_CANDIDATE',
    message: (file: string, candidate: string) =>
      `${file} has an entry for ${candidate}, who is not in candidates.yaml; it was ignored.`,
    hint: (_file: string, candidate: string) =>
      `Correct the code ${candidate} (a typo leaves the real candidate without results) or add the candidate to candidates.yaml.`,
  }),
  OutcomesUnknownTutor: define({
    code: 'OUTCOMES_UNKNOWN_TUTOR',
    message: (candidate: string, tutor: string) =>
      `tutoring.yaml gives ${candidate} the tutor ${tutor}, who is not in the tutors of candidates.yaml.`,
    hint: (_candidate: string, tutor: string) =>
      `Correct the tutor id or add ${tutor} to \`tutors\` in candidates.yaml.`,
  }),

  // ── public site ───────────────────────────────────────────────────────────
  SiteDataInvalid: define({
    code: 'SITE_DATA_INVALID',
    message: (file: string, problem: string) => `${file}: ${problem}`,
    hint: (file: string) =>
      `Fix ${file} (run \`recevable validate\` on the session folder for line and column), then build again.`,
  }),
  SiteDataMissing: define({
    code: 'SITE_DATA_MISSING',
    message: (file: string) => `${file} cannot be read.`,
    hint: () =>
      'Point RECEVABLE_SESSION (or buildSite({ sessionDir })) at a folder holding session.yaml, candidates.yaml and juries.yaml.',
  }),
  SiteBuildFailed: define({
    code: 'SITE_BUILD_FAILED',
    message: (reason: string) => `The site could not be built: ${reason}`,
    hint: () => 'Read the reason above; run `npx astro build` for Astro’s full report.',
  }),
} as const;
