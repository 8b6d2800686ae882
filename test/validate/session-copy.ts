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
