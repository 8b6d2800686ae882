import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionEntry } from '../../pipeline/checks/types.ts';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { loadSession } from '../../pipeline/session/load.ts';
import { checkSimilarity } from '../../pipeline/similarity/check.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';
import { paragraph } from '../fixtures/dossier/prose.ts';

const dir = mkdtempSync(join(tmpdir(), 'recevable-planted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPLACEMENTS = ['notamment', 'également', 'globalement', 'concrètement', 'rapidement'];

/** One word in every 8 to 12 replaced by another French word, or dropped (seeded). */
function lightlyEdited(text: string, seed: number): string {
  const words = text.split(' ');
  const out: string[] = [];
  let next = 8 + (seed % 5);
  words.forEach((word, i) => {
    if (i < next) out.push(word);
    else {
      if ((i + seed) % 2 === 0) out.push(REPLACEMENTS[(i * 3 + seed) % REPLACEMENTS.length]!);
      next = i + 8 + ((i * 5 + seed) % 5);
    }
  });
  return out.join(' ');
}

const SECTIONS = ['Introduction', 'Environnement professionnel', 'Valorisation des compétences'];

describe('planted, lightly edited French passages in generated dossiers', () => {
  it('finds the share that was planted, within a few points', async () => {
    for (const f of ['session.yaml', 'candidates.yaml', 'juries.yaml', 'submissions.yaml'])
      cpSync(join('content/demo-2023', f), join(dir, f));
    const loaded = await loadSession(dir);
    // C101 is the source; C102 copies 12 of its paragraphs, lightly edited, into its own text.
    const source = Array.from({ length: 12 }, (_, k) => paragraph(101, 500 + k));
    const planted = source.map((p, k) => lightlyEdited(p, k));
    const own = (k: number) => paragraph(102, 900 + k);
    const sectionsOf = (paragraphs: string[][]) =>
      SECTIONS.map((title, i) => ({ title, paragraphs: paragraphs[i] ?? [] }));
    const files = {
      C101: await makePdf({
        pages: 6,
        seed: 101,
        sections: sectionsOf([source.slice(0, 4), source.slice(4, 8), source.slice(8)]),
      }),
      C102: await makePdf({
        pages: 8,
        seed: 102,
        sections: sectionsOf([
          [own(1), ...planted.slice(0, 4), own(2)],
          [own(3), own(4), ...planted.slice(4, 8)],
          [...planted.slice(8), own(5), own(6), own(7)],
        ]),
      }),
    };
    const entries: SessionEntry[] = [];
    for (const [code, bytes] of Object.entries(files)) {
      const file = join(dir, `${code}.pdf`);
      writeFileSync(file, bytes);
      const document = await readDossier(file, { libreoffice: false });
      if (isReadError(document)) throw new Error(document.error.message);
      entries.push({
        candidate: code,
        document,
        submission: {
          candidate: code,
          file: `submissions/${code}.pdf`,
          receivedAt: code === 'C101' ? '2023-08-20T10:00' : '2023-08-24T10:00',
        },
      });
    }
    const findings = await checkSimilarity(entries, loaded);
    const c102 = findings.get('C102')!;
    const ownWords = c102.evidence['ownWords'] as number;
    const plantedShare = tokenize(planted.join(' ')).count / ownWords;
    expect(plantedShare).toBeGreaterThan(0.1);
    expect(Math.abs((c102.evidence['share'] as number) - plantedShare)).toBeLessThan(0.04);
    expect(c102.evidence['passages']).toBeLessThanOrEqual(6);
    expect(c102.status).not.toBe('pass');
  }, 90_000);
});
