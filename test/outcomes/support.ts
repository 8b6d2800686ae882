/** Shared fixtures of the outcomes tests: the demo session, a candidate. */
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Candidate } from '../../schemas/candidates.ts';
import { CandidateOutcome } from '../../schemas/outcomes.ts';
import { Session } from '../../schemas/session.ts';

/** The demo session folder of the repository. */
export const DEMO = new URL('../../content/demo-2023/', import.meta.url).pathname;

/** The demo session.yaml, parsed and validated. */
export async function demoSession(): Promise<Session> {
  return Session.parse(parse(await readFile(join(DEMO, 'session.yaml'), 'utf8')));
}

/** A candidate; B4 unless told otherwise. */
export function candidate(fields: Partial<Candidate> = {}): Candidate {
  return Candidate.parse({
    code: 'C001',
    name: 'Camille Exemplet',
    email: 'camille@example.org',
    specialisation: 'B4',
    ...fields,
  });
}

/** An outcome entry, every block of a B4 candidate and both exam parts validated by default. */
export function outcome(fields: Record<string, unknown> = {}): CandidateOutcome {
  return CandidateOutcome.parse({
    candidate: 'C001',
    blocks: { B1: 'validated', B2: 'validated', B3: 'validated', B4: 'validated' },
    finalExam: { dossier: 'validated', oral: 'validated' },
    ...fields,
  });
}

/**
 * A copy of the demo session's YAML files (not the dossiers, caches or reports) in a
 * temporary folder, safe to overwrite.
 */
export async function demoCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-outcomes-'));
  for (const name of await readdir(DEMO)) {
    if (name.endsWith('.yaml')) await cp(join(DEMO, name), join(dir, name));
  }
  return dir;
}
