/**
 * Decisions already taken, one record per candidate under `content/<session>/.cache/decisions/`
 * (git-ignored): the keys of what the result was decided from and the SHA-256 of the result
 * file written. A result whose keys are unchanged and whose file still holds those bytes is
 * kept instead of decided again, so a run that was killed resumes where it stopped. A missing
 * or damaged record is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Result } from '../../schemas/result.ts';
import { writeIfChanged } from '../files/atomic.ts';
import { readResult } from './read.ts';

/** What a result was decided from. */
const Decision = z.strictObject({
  /** Key of the candidate's own inputs: submission, dossier bytes, session settings, code. */
  own: z.string(),
  /** Key of every dossier and input of the session-level checks, when they took part. */
  session: z.string().optional(),
  /** Whether the dossier was readable, so took part in the session-level checks. */
  readable: z.boolean(),
  /** SHA-256 of the result file's bytes. */
  result: z.string(),
});
type Decision = z.infer<typeof Decision>;

/** A result file kept from an earlier run, with the record it was decided under. */
export interface Kept {
  readonly decision: Decision;
  readonly result: Result;
}

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export const sha256Text = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The decision records of a session. */
export class Decisions {
  readonly #dir: string;
  readonly #results: string;

  constructor(sessionDir: string, resultsDir: string) {
    this.#dir = join(sessionDir, '.cache', 'decisions');
    this.#results = resultsDir;
  }

  /** The result of `candidate` decided under `own`, when its file is still what was written. */
  async kept(candidate: string, own: string): Promise<Kept | undefined> {
    const record = await readFile(join(this.#dir, `${candidate}.json`), 'utf8').catch(() => '');
    let decision: Decision;
    try {
      decision = Decision.parse(JSON.parse(record));
    } catch {
      return undefined;
    }
    if (decision.own !== own) return undefined;
    const found = await readResult(this.#results, candidate);
    if (!found || sha256Text(found.text) !== decision.result) return undefined;
    return { decision, result: found.result };
  }

  /** Records a decision once its result file is written; a failure only costs a re-decision. */
  async record(candidate: string, decision: Decision): Promise<void> {
    await writeIfChanged(join(this.#dir, `${candidate}.json`), JSON.stringify(decision)).catch(
      () => false,
    );
  }
}
