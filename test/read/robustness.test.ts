import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Document, ReadError } from '../../schemas/document.ts';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';

interface Entry {
  file: string;
  kind: string;
  intent: 'broken' | 'enc' | 'nonconf' | null;
}

const root = '../shared/robustness/';
const { files } = JSON.parse(readFileSync(`${root}manifest.json`, 'utf8')) as { files: Entry[] };
const TIMEOUT_MS = 15_000;

/** Reads every file with `concurrency` readers at once; returns results in manifest order. */
async function readAll(
  concurrency: number,
): Promise<{ entry: Entry; result: Document | ReadError; ms: number }[]> {
  const results: { entry: Entry; result: Document | ReadError; ms: number }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const entry = files[next++] as Entry;
      const start = performance.now();
      // Rendering 83 DOCX with LibreOffice would take minutes: this test is about robustness.
      const result = await readDossier(root + entry.file, {
        libreoffice: false,
        timeoutMs: TIMEOUT_MS,
      });
      results.push({ entry, result, ms: performance.now() - start });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

// Known traps (README): qpdf/shared-unnamed-field.pdf (exponential form walk in poppler),
// qpdf/issue-146.pdf (deeply nested arrays), POI encrypted OLE2 and .doc under .docx names.
describe('reading the 200 hostile files of ../shared/robustness', () => {
  it('ends every file in a valid Document or a catalogued error, within the time limit', async () => {
    expect(files).toHaveLength(200);
    const results = await readAll(2);
    expect(results).toHaveLength(200);
    for (const { entry, result, ms } of results) {
      const valid = isReadError(result)
        ? ReadError.safeParse(result).success
        : Document.safeParse(result).success;
      expect(valid, entry.file).toBe(true);
      expect(ms, entry.file).toBeLessThan(TIMEOUT_MS + 5_000);
      if (isReadError(result)) {
        expect(result.error.code, entry.file).toMatch(/^READ_[A-Z_]+$/);
        expect(result.error.code, entry.file).not.toBe('READ_CRASHED');
      }
    }
    const byFile = new Map(results.map(({ entry, result }) => [entry.file, result]));
    const code = (file: string): string | undefined => {
      const result = byFile.get(file);
      return result && isReadError(result) ? result.error.code : undefined;
    };
    // Every valid unusual file (no intent) is read.
    const unread = results.filter(
      ({ entry, result }) => entry.intent === null && entry.kind === 'pdf' && isReadError(result),
    );
    expect(unread.map(({ entry }) => entry.file)).toEqual([]);
    expect(byFile.get('qpdf/shared-unnamed-field.pdf')).toBeDefined();
    expect(code('qpdf/issue-146.pdf')).not.toBe('READ_CRASHED');
    const encrypted = results.filter(
      ({ result }) => isReadError(result) && /ENCRYPTED/.test(result.error.code),
    );
    expect(encrypted.length).toBeGreaterThanOrEqual(5);
  }, 150_000);
});
