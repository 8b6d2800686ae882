/**
 * `runOutcomes(dir)`: reads outcomes.yaml and tutoring.yaml beside a valid session, decides
 * every candidate's outcome and writes the documents under `reports/outcomes/` (git-ignored,
 * never published): `index.html` (overview), `tutoring.html` (who lacks tutor meetings) and
 * `attestations/<code>.html` (total and partial outcomes only).
 *
 * An invalid outcomes.yaml decides nothing and leaves the attestations folder as it was; an
 * invalid tutoring.yaml still lets outcomes be decided. Problems are returned, never thrown.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OutcomesFile } from '../../schemas/outcomes.ts';
import { TutoringFile } from '../../schemas/tutoring.ts';
import { Errors, recevableError } from '../errors.ts';
import { loadSession } from '../session/load.ts';
import { renderAttestation } from './attestation.ts';
import { checkOutcomes, checkTutoring } from './crosscheck.ts';
import { decideOutcome, type OutcomeDecision } from './decide.ts';
import { problemOf, readSessionYaml, type Problem } from './read.ts';
import { renderOverview, renderTutoring } from './staff.ts';
import { tutoringCutoffs, tutoringStatuses, type TutoringStatus } from './tutoring.ts';
import { syncHtmlFolder, writeAtomic } from './write.ts';

/** Where the documents go, relative to the session folder. */
export const REPORTS_DIR = join('reports', 'outcomes');

/** What a run decided and wrote. */
export interface OutcomesRun {
  /** False when outcomes.yaml is invalid: nothing was decided. */
  readonly decided: boolean;
  /** One decision per candidate of candidates.yaml, sorted by code; empty if outcomes.yaml is invalid. */
  readonly outcomes: OutcomeDecision[];
  /** Tutoring of every candidate, sorted by code; undefined when it could not be computed. */
  readonly tutoring?: TutoringStatus[];
  /** Problems of outcomes.yaml and tutoring.yaml, errors first within each file. */
  readonly problems: Problem[];
  /** Files written or kept, relative to the session folder, sorted. */
  readonly files: string[];
}

const byCode = (a: { candidate: string }, b: { candidate: string }) =>
  a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0;

/** Decides and writes; throws only when the session itself cannot be loaded or has no outcomes.yaml. */
export async function runOutcomes(dir: string): Promise<OutcomesRun> {
  const loaded = await loadSession(dir);
  const { session, candidates } = loaded;
  const outcomesRead = await readSessionYaml(loaded.dir, 'outcomes.yaml', OutcomesFile);
  if (outcomesRead.status === 'absent') throw recevableError(Errors.OutcomesFileMissing, dir);
  const tutoringRead = await readSessionYaml(loaded.dir, 'tutoring.yaml', TutoringFile);
  const problems: Problem[] = [];
  const files: string[] = [];
  const reports = join(loaded.dir, REPORTS_DIR);

  let outcomes: OutcomeDecision[] = [];
  if (outcomesRead.status === 'invalid') {
    problems.push(...outcomesRead.problems);
  } else {
    const file = outcomesRead.data;
    problems.push(...checkOutcomes(file, candidates, outcomesRead.locate));
    const entries = new Map(file.outcomes.map((o) => [o.candidate, o]));
    outcomes = candidates.candidates
      .map((c) => decideOutcome(c, entries.get(c.code), session, file))
      .sort(byCode);
    const attestations = new Map<string, string>();
    for (const outcome of outcomes) {
      const candidate = candidates.candidates.find((c) => c.code === outcome.candidate);
      const document = candidate && renderAttestation(outcome, candidate, session, file.appealDays);
      if (document) attestations.set(`${outcome.candidate}.html`, document);
    }
    const names = await syncHtmlFolder(join(reports, 'attestations'), attestations);
    files.push(...names.map((n) => join(REPORTS_DIR, 'attestations', n)));
  }

  let tutoring: TutoringStatus[] | undefined;
  const cutoffs = tutoringCutoffs(session);
  if (tutoringRead.status === 'invalid' || !cutoffs) {
    // A stale page would show meetings from a file that no longer reads.
    await rm(join(reports, 'tutoring.html'), { force: true });
  }
  if (tutoringRead.status === 'invalid') {
    problems.push(...tutoringRead.problems);
  } else if (!cutoffs) {
    const at = {};
    problems.push(
      problemOf(Errors.OutcomesNoDeadline, 'error', 'session.yaml', at, session.rules.deadline),
    );
  } else {
    const file = tutoringRead.status === 'ok' ? tutoringRead.data : TutoringFile.parse({});
    if (tutoringRead.status === 'ok')
      problems.push(...checkTutoring(file, candidates, tutoringRead.locate));
    tutoring = tutoringStatuses(candidates, file, cutoffs);
    const recorded = tutoringRead.status === 'ok';
    const page = renderTutoring(session, candidates, tutoring, cutoffs, file.required, recorded);
    await writeAtomic(join(reports, 'tutoring.html'), page);
    files.push(join(REPORTS_DIR, 'tutoring.html'));
  }

  await writeAtomic(
    join(reports, 'index.html'),
    renderOverview(session, candidates, outcomes, problems),
  );
  files.push(join(REPORTS_DIR, 'index.html'));
  return {
    decided: outcomesRead.status === 'ok',
    outcomes,
    ...(tutoring ? { tutoring } : {}),
    problems,
    files: files.sort(),
  };
}
