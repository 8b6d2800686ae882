/** Copies the demo session's core files into a fresh temporary folder, some rewritten. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const demoDir = new URL('../../content/demo-2023/', import.meta.url).pathname;

const CORE_FILES = ['session.yaml', 'candidates.yaml', 'juries.yaml', 'submissions.yaml'];
const made: string[] = [];

/**
 * A copy of the demo where each `edits[file]` is the new content, or a function of the old.
 * Call `removeCopies()` in `afterAll`.
 */
export function demoCopy(edits: Record<string, string | ((text: string) => string)> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'recevable-validate-'));
  made.push(dir);
  // Only the four files staff write first: what other commands add to the demo (results,
  // outcomes…) must not change what these tests see.
  for (const file of CORE_FILES) cpSync(join(demoDir, file), join(dir, file));
  // The corpus index that rules.similarity.corpus names is an input too (validate checks it).
  cpSync(join(demoDir, 'corpus'), join(dir, 'corpus'), { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    const next = typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8'));
    writeFileSync(path, next);
  }
  return dir;
}

/** Replaces `from` by `to` in a text, failing loudly when `from` is absent (a stale test). */
export function replace(from: string, to: string): (text: string) => string {
  return (text) => {
    if (!text.includes(from)) throw new Error(`fixture edit: "${from}" not found`);
    return text.replace(from, to);
  };
}

export function removeCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A problem as tests compare it: its file, then the text at its line and column instead of
 * the numbers, so that a test states *what* a problem points at and survives edits to the
 * demo. Files that cannot be read as text keep `line:column`.
 */
export function shown(
  dir: string,
  p: { file: string; line: number; column: number; code: string; message: string },
): string {
  let place = `${p.line}:${p.column}`;
  try {
    const text = readFileSync(join(dir, p.file), 'utf8').replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/)[p.line - 1] ?? '';
    place = `«${line.slice(p.column - 1, p.column - 1 + 24)}»`;
  } catch {
    // missing file or a directory: the numbers say enough
  }
  return `${p.file}:${place} ${p.code} ${p.message}`;
}

/**
 * `file:line:column` of the first `needle` in a file of `dir` (after `after`, when given):
 * tests state where a problem must be without depending on the demo's line numbers.
 */
export function locator(dir: string): (file: string, needle: string, after?: string) => string {
  return (file, needle, after) => {
    const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    const from = after === undefined ? 0 : text.indexOf(after);
    const offset = from < 0 ? -1 : text.indexOf(needle, from);
    if (offset < 0) throw new Error(`locator: "${needle}" not found in ${file}`);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `${file}:${line}:${offset - before.lastIndexOf('\n')}`;
  };
}
