/**
 * `runOutcomes(dir)`: reads outcomes.yaml and tutoring.yaml beside a valid session, decides
 * every candidate's outcome and writes the documents under `reports/outcomes/` (git-ignored,
 * never published): `index.html` (overview), `tutoring.html` (who lacks tutor meetings) and
 * `attestations/<code>.html` (total and partial outcomes only).
 *
 * Files are read through `loadSession`, so an outcomes.yaml or tutoring.yaml that breaks its
 * schema, or names an unknown candidate, block or tutor (`outcomeRules`), stops the run before
 * anything is written, with the same file:line:column message as `recevable validate`. What
 * remains is returned as problems: warnings (a tutor that differs from candidates.yaml), and
 * the same cross-file errors should a caller's loader not run the rule (the entry is skipped).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TutoringFile } from '../../schemas/tutoring.ts';
import { Errors, recevableError } from '../errors.ts';
import { loadSession } from '../session/load.ts';
import { renderAttestation } from './attestation.ts';
import { checkOutcomes, checkTutoring } from './crosscheck.ts';
import { decideOutcome, type OutcomeDecision } from './decide.ts';
import { placeFindings, type OutcomeProblem } from './problems.ts';
import { renderOverview, renderTutoring } from './staff.ts';
import { renderTopics } from './topics.ts';
import { readResult } from '../results/read.ts';
import type { Finding } from '../../schemas/result.ts';
import { tutoringCutoffs, tutoringStatuses, type TutoringStatus } from './tutoring.ts';
import { writeIfChanged } from '../files/atomic.ts';
import { syncHtmlFolder } from './write.ts';

/** Where the documents go, relative to the session folder. */
export const REPORTS_DIR = join('reports', 'outcomes');

/** What a run decided and wrote. */
export interface OutcomesRun {
  /** One decision per candidate of candidates.yaml, sorted by code; empty if outcomes.yaml is invalid. */
  readonly outcomes: OutcomeDecision[];
  /** Tutoring of every candidate, sorted by code; undefined when it could not be computed. */
  readonly tutoring?: TutoringStatus[];
  /** Cross-file problems of outcomes.yaml and tutoring.yaml, in file order. */
  readonly problems: OutcomeProblem[];
  /** Files written or kept, relative to the session folder, sorted. */
  readonly files: string[];
}

const byCode = (a: { candidate: string }, b: { candidate: string }) =>
  a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0;

/**
 * Decides and writes. Throws a RecevableError when the session's input files are invalid
 * (`loadSession`, the same checks as `recevable validate`) or there is no outcomes.yaml.
 */
export async function runOutcomes(dir: string): Promise<OutcomesRun> {
  const loaded = await loadSession(dir, { with: ['outcomes', 'tutoring'] });
  const { session, candidates } = loaded;
  const file = loaded.outcomes;
  if (!file) throw recevableError(Errors.OutcomesFileMissing, dir);
  const reports = join(loaded.dir, REPORTS_DIR);
  const findings = checkOutcomes(file, candidates, session);
  if (loaded.tutoring) findings.push(...checkTutoring(loaded.tutoring, candidates));
  const problems = await placeFindings(loaded.dir, findings);

  const entries = new Map(file.outcomes.map((o) => [o.candidate, o]));
  const outcomes = candidates.candidates
    .map((c) => decideOutcome(c, entries.get(c.code), session, file))
    .sort(byCode);
  const attestations = new Map<string, string>();
  for (const outcome of outcomes) {
    const candidate = candidates.candidates.find((c) => c.code === outcome.candidate);
    const document = candidate && renderAttestation(outcome, candidate, session, file.appealDays);
    if (document) attestations.set(`${outcome.candidate}.html`, document);
  }
  const names = await syncHtmlFolder(join(reports, 'attestations'), attestations);
  const files = names.map((n) => join(REPORTS_DIR, 'attestations', n));

  let tutoring: TutoringStatus[] | undefined;
  const cutoffs = tutoringCutoffs(session);
  if (cutoffs) {
    const recorded = loaded.tutoring !== undefined;
    const tutoringFile = loaded.tutoring ?? TutoringFile.parse({});
    tutoring = tutoringStatuses(candidates, tutoringFile, cutoffs);
    const page = renderTutoring(
      session,
      candidates,
      tutoring,
      cutoffs,
      tutoringFile.required,
      recorded,
    );
    await writeIfChanged(join(reports, 'tutoring.html'), page);
    files.push(join(REPORTS_DIR, 'tutoring.html'));
  } else {
    // A stale page would count meetings against a deadline that no longer exists.
    await rm(join(reports, 'tutoring.html'), { force: true });
    const deadline = session.rules.deadline;
    const def = Errors.OutcomesNoDeadline;
    const message = def.message(deadline);
    const fix = def.hint(deadline);
    problems.push({
      file: 'session.yaml',
      line: 1,
      column: 1,
      code: def.code,
      level: 'error',
      message,
      fix,
    });
  }

  // The topic/tutor table, with each candidate's eligibility finding from results/.
  const eligibility = new Map<string, Finding>();
  for (const c of candidates.candidates) {
    const found = (await readResult(join(loaded.dir, 'results'), c.code))?.result.checks[
      'eligibility'
    ];
    if (found) eligibility.set(c.code, found);
  }
  await writeIfChanged(
    join(reports, 'topics.html'),
    renderTopics(session, candidates, eligibility),
  );
  files.push(join(REPORTS_DIR, 'topics.html'));

  await writeIfChanged(
    join(reports, 'index.html'),
    renderOverview(session, candidates, outcomes, problems),
  );
  files.push(join(REPORTS_DIR, 'index.html'));
  return { outcomes, ...(tutoring ? { tutoring } : {}), problems, files: files.sort() };
}
