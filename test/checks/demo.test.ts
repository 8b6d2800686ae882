import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSession } from '../../pipeline/checks/index.ts';
import { demoCases } from '../fixtures/demo/cases.ts';
import { generateDemo } from '../fixtures/demo/generate.ts';

const DEMO = new URL('../../content/demo-2023/', import.meta.url).pathname;

describe('the demo session', () => {
  it('is what the generator writes, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recevable-demo-'));
    const some = demoCases.filter((c) => ['C004', 'C015', 'C016'].includes(c.code));
    await generateDemo(dir, some);
    for (const file of [
      'submissions/C004.pdf',
      'submissions/C015.pdf',
      'submissions/C016-v2.pdf',
      'templates/modele-dossier.txt',
    ]) {
      expect(
        Buffer.compare(await readFile(join(dir, file)), await readFile(join(DEMO, file))),
        file,
      ).toBe(0);
    }
  }, 60_000);

  it('gives each covered case its expected status', async () => {
    // One case per status and per submission situation; the DOCX cases need LibreOffice.
    const codes = ['C001', 'C004', 'C009', 'C010', 'C014', 'C015', 'C016', 'C017', 'C019', 'C022'];
    const { results } = await checkSession(DEMO, { only: codes, write: false, libreoffice: false });
    const expected = demoCases
      .filter((c) => codes.includes(c.code))
      .map((c) => [c.code, c.expected]);
    expect(results.map((r) => [r.candidate, r.status])).toEqual(expected);
    const c009 = results.find((r) => r.candidate === 'C009')!;
    expect(c009.checks['plan']?.evidence['outOfOrder']).toEqual(['competences']);
  }, 120_000);
});
