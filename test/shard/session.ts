/**
 * Sessions for the shard tests and the national benchmark: `count` candidates with real PDF
 * and DOCX dossiers of a few pages, and the frictions a national run meets — copies between
 * candidates (whole and partial, received earlier, later and in the same second), a missing
 * dossier, a file listed but absent, a late one, an unreadable one — so that sharded and
 * unsharded runs are compared on every kind of result, similarity findings included.
 */
import { cp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { paragraph } from '../fixtures/dossier/prose.ts';
import { corruptPdf } from '../fixtures/demo/generate.ts';
import { miniSession, planSections, type MiniSubmission } from '../checks/mini-session.ts';

/** Public code of the i-th generated candidate (0-based). */
const codeOf = (i: number): string => `C${String(i + 1).padStart(4, '0')}`;

/** Receipt time of the i-th dossier: one minute apart, the 9th of each ten in the same second as the 8th. */
const receivedAt = (i: number): string => {
  const minute = i % 10 === 9 ? i - 1 : i;
  const at = new Date(Date.UTC(2023, 7, 20, 8, 0) + minute * 60_000);
  return at.toISOString().replace('.000Z', '+00:00');
};

/** The submission of the i-th candidate, or none. */
function submission(i: number): MiniSubmission | undefined {
  const candidate = codeOf(i);
  const pdf = `submissions/${candidate}.pdf`;
  if (i % 50 === 7) return undefined;
  if (i % 50 === 13) return { candidate, file: pdf, receivedAt: receivedAt(i) };
  if (i % 50 === 21)
    return {
      candidate,
      file: pdf,
      receivedAt: '2023-08-25T12:00:01+02:00',
      spec: { pages: 4, sections: planSections, seed: i + 1 },
    };
  if (i % 50 === 29)
    return { candidate, file: pdf, receivedAt: receivedAt(i), bytes: corruptPdf() };
  // Copies: the 2nd of each ten is the 1st's dossier; the 6th takes a chapter from the 2nd of
  // its ten; the 10th, received in the same second as the 9th, is the 9th's dossier.
  const seed = i % 10 === 1 ? i : i % 10 === 9 ? i : i + 1;
  const borrowed = i % 10 === 5 ? i - 4 : undefined;
  const sections = planSections.map((s, n) =>
    borrowed !== undefined && n === 2
      ? { ...s, prose: (key: number) => paragraph(borrowed, key) }
      : s,
  );
  const spec = { pages: 3 + (i % 3), sections, seed };
  const file = i % 25 === 3 ? `submissions/${candidate}.docx` : pdf;
  return { candidate, file, receivedAt: receivedAt(i), spec };
}

/** Writes a generated session of `count` candidates in a new temporary folder. */
export async function generatedSession(count: number): Promise<string> {
  const codes = Array.from({ length: count }, (_, i) => codeOf(i));
  const submissions = codes.map((_, i) => submission(i)).filter((s) => s !== undefined);
  return miniSession(codes, submissions, {
    pages: { min: 3, max: 4 },
    similarity: { review: 0.1, reject: 0.25, minWords: 15, corpus: 'corpus' },
  });
}

/** A copy of the demo session's input files (no results, no cache) in `dir`. */
export async function demoCopy(dir: string): Promise<string> {
  const demo = new URL('../../content/demo-2023/', import.meta.url);
  await cp(demo, dir, {
    recursive: true,
    filter: (source) =>
      !/[\\/](results|\.cache|convocations)([\\/]|$)/.test(source.slice(demo.pathname.length - 1)),
  });
  return dir;
}

/** Every file under `dir/results`, by name, as text. */
export async function resultsOf(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(join(dir, 'results'))).sort();
  const out: Record<string, string> = {};
  for (const name of names) out[name] = await readFile(join(dir, 'results', name), 'utf8');
  return out;
}

/** Removes the results of a session, so that the next run writes them all. */
export const clearResults = (dir: string): Promise<void> =>
  rm(join(dir, 'results'), { recursive: true, force: true });

/**
 * A copy of the tool's code in `dir`, for the processes of one test: shards refuse to merge
 * when the code that built them differs, and in a working tree being edited the live code may
 * change between two processes. Returns the copy's `bin.js`.
 */
export async function frozenTool(dir: string): Promise<string> {
  const root = new URL('../../', import.meta.url);
  for (const part of ['pipeline', 'schemas', 'package.json'])
    await cp(new URL(part, root), join(dir, part), { recursive: true });
  await symlink(new URL('node_modules', root), join(dir, 'node_modules'));
  return join(dir, 'pipeline', 'bin.js');
}
