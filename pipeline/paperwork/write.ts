/**
 * Writing `<session>/paperwork/`: every planned PDF that changed, and the removal of the PDFs
 * no defence needs any more (a candidate taken off the schedule). A PDF a juror has already
 * filled in is never overwritten or removed without `force`: it is kept, with a warning.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Errors } from '../errors.ts';
import { writeIfChanged } from '../files/atomic.ts';
import type { CollectProblem } from './collect.ts';
import { renderMinutes } from './minutes.ts';
import { MINUTES_DIR, SHEETS_DIR, type PaperModel } from './plan.ts';
import { isFilled, readPaperFields } from './read.ts';
import { renderSheet } from './sheet.ts';

/** Where the paperwork goes, relative to the session folder. */
export const PAPERWORK_DIR = 'paperwork';

/** What happened to one file, relative to `paperwork/`. */
export interface PaperFile {
  readonly file: string;
  readonly kind: PaperModel['kind'];
  readonly status: 'written' | 'unchanged' | 'removed' | 'kept';
}

async function filled(path: string): Promise<boolean> {
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return false;
  const read = await readPaperFields(bytes);
  return read.ok && isFilled(read.fields);
}

/** Renders one model. */
export function renderPaper(model: PaperModel): Promise<Uint8Array> {
  return model.kind === 'evaluation' ? renderSheet(model) : renderMinutes(model);
}

/** Writes the papers under `<dir>/paperwork/`; returns every file and what became of it. */
export async function writePapers(
  dir: string,
  papers: readonly PaperModel[],
  options: { readonly force?: boolean } = {},
): Promise<{ files: PaperFile[]; problems: CollectProblem[] }> {
  const root = join(dir, PAPERWORK_DIR);
  const files: PaperFile[] = [];
  const problems: CollectProblem[] = [];
  const keep = (file: string, action: string) => {
    const def = Errors.PaperworkFilledKept;
    const shown = join(PAPERWORK_DIR, file);
    problems.push({
      file: shown,
      code: def.code,
      level: 'warning',
      message: def.message(shown, action),
      fix: def.hint(shown, action),
    });
  };
  for (const model of papers) {
    const path = join(root, model.file);
    const bytes = await renderPaper(model);
    const previous = await readFile(path).catch(() => undefined);
    if (previous?.equals(bytes)) {
      files.push({ file: model.file, kind: model.kind, status: 'unchanged' });
    } else if (previous && !options.force && (await filled(path))) {
      keep(model.file, 'replaced');
      files.push({ file: model.file, kind: model.kind, status: 'kept' });
    } else {
      await writeIfChanged(path, bytes);
      files.push({ file: model.file, kind: model.kind, status: 'written' });
    }
  }
  const planned = new Set(papers.map((p) => p.file));
  for (const [folder, kind] of [
    [SHEETS_DIR, 'evaluation'],
    [MINUTES_DIR, 'minutes'],
  ] as const) {
    const names = await readdir(join(root, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.pdf')).sort()) {
      const file = `${folder}/${name}`;
      if (planned.has(file)) continue;
      if (!options.force && (await filled(join(root, file)))) {
        keep(file, 'removed (no defence needs it any more)');
        files.push({ file, kind, status: 'kept' });
      } else {
        await rm(join(root, file), { force: true });
        files.push({ file, kind, status: 'removed' });
      }
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems };
}
