/**
 * `recevable paperwork`: the jury's written duties as fillable PDFs, and reading them back.
 *
 * - `writePaperwork(dir)`: one *fiche individuelle d'évaluation* per scheduled defence and one
 *   *procès-verbal* per jury and day under `<dir>/paperwork/` (staff only: it holds names);
 *   the same inputs give byte-identical PDFs, and only what changed is rewritten.
 * - `collectPaperwork(dir, files)`: filled sheets and PVs → the final-exam part of
 *   outcomes.yaml, which `recevable outcomes` decides from. Problems name the file and the
 *   field; the files that are fine are collected all the same.
 */
import { join } from 'node:path';
import { Errors, recevableError } from '../errors.ts';
import { readSchedule } from '../schedule/files.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { locate } from '../session/locate.ts';
import { readYamlFile } from '../session/read.ts';
import { collectPapers, type Collected, type CollectProblem } from './collect.ts';
import { recordOutcomes, type OutcomeChange } from './outcomes-yaml.ts';
import { planPaperwork, type PaperModel } from './plan.ts';
import { PAPERWORK_DIR, writePapers, type PaperFile } from './write.ts';

export type { CollectProblem } from './collect.ts';

/** What `writePaperwork` did. */
export interface PaperworkRun {
  /** Every file of `paperwork/`, relative to it, sorted, and what became of it. */
  readonly files: PaperFile[];
  /** Warnings: filled files kept, defences that could not be printed. */
  readonly problems: CollectProblem[];
}

/** What `collectPaperwork` did. */
export interface CollectRun {
  /** One entry per candidate recorded, by code, with what changed in outcomes.yaml. */
  readonly collected: (Collected & { readonly change: OutcomeChange })[];
  /** Every problem, in the order of the files given. */
  readonly problems: CollectProblem[];
  /** outcomes.yaml was written (something changed). */
  readonly written: boolean;
}

/** The grid's block ids all name blocks of session.yaml; throws a RecevableError naming the line. */
async function checkGrid(loaded: LoadedSession): Promise<void> {
  const { session } = loaded;
  if (!session.evaluation)
    throw recevableError(Errors.PaperworkNoGrid, join(loaded.dir, 'session.yaml'));
  const known = session.blocks.map((b) => b.id);
  for (const [i, criterion] of session.evaluation.grid.entries()) {
    const j = criterion.blocks.findIndex((b) => !known.includes(b));
    const block = criterion.blocks[j];
    if (block === undefined) continue;
    const parsed = (await readYamlFile(join(loaded.dir, 'session.yaml'), 'session.yaml')).parsed;
    const at = parsed
      ? locate(parsed.doc, parsed.lines, ['evaluation', 'grid', i, 'blocks', j])
      : { line: 1, column: 1 };
    const where = `${join(loaded.dir, 'session.yaml')}:${at.line}:${at.column}`;
    throw recevableError(Errors.PaperworkGridBlock, where, block, known.join(', '));
  }
}

/** The papers the session's schedule needs, and the defences that cannot be printed. */
export async function planSessionPaperwork(
  dir: string,
): Promise<{ loaded: LoadedSession; papers: PaperModel[]; problems: CollectProblem[] }> {
  const loaded = await loadSession(dir);
  await checkGrid(loaded);
  const schedule = await readSchedule(loaded.dir);
  if (!schedule) throw recevableError(Errors.PaperworkNoSchedule, dir);
  const { papers, skipped } = planPaperwork(
    loaded.session,
    loaded.candidates,
    loaded.juries,
    schedule,
  );
  const problems = skipped.map((s): CollectProblem => {
    const def = Errors.PaperworkSkippedSlot;
    return {
      file: 'schedule.yaml',
      candidate: s.candidate,
      code: def.code,
      level: 'warning',
      message: def.message(s.candidate, s.reason),
      fix: def.hint(s.candidate, s.reason),
    };
  });
  return { loaded, papers, problems };
}

/** Writes `<dir>/paperwork/`. Throws a RecevableError when the session cannot be printed. */
export async function writePaperwork(
  dir: string,
  options: { readonly force?: boolean } = {},
): Promise<PaperworkRun> {
  const { loaded, papers, problems } = await planSessionPaperwork(dir);
  const written = await writePapers(loaded.dir, papers, options);
  return { files: written.files, problems: [...problems, ...written.problems] };
}

/** Reads the filled `files` and records what they say in `<dir>/outcomes.yaml`. */
export async function collectPaperwork(dir: string, files: readonly string[]): Promise<CollectRun> {
  const loaded = await loadSession(dir, { with: ['outcomes'] });
  const { collected, problems } = await collectPapers(loaded.session, loaded.candidates, files);
  const { changes, written } = await recordOutcomes(loaded.dir, collected);
  return {
    collected: collected.map((c) => ({ ...c, change: changes.get(c.candidate) ?? 'unchanged' })),
    problems,
    written,
  };
}

/** Folder of the paperwork of a session folder. */
export const paperworkDir = (dir: string): string => join(dir, PAPERWORK_DIR);
