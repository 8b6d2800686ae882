import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../pipeline/similarity/analyse.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { prepare, type Prepared } from '../../pipeline/similarity/prepare.ts';
import { readSourceText, type SourceText } from '../../pipeline/similarity/text-source.ts';
import { random } from './prose.ts';

// Real reports, read from the shared folder (never copied into the project).
const REPORTS = new URL('../../../shared/corpus/reports/', import.meta.url).pathname;

let own: SourceText;
let source: SourceText;
let sourceDoc: Prepared;
beforeAll(async () => {
  own = await readSourceText(`${REPORTS}fabienmcl-m2-miage-memoire.pdf`);
  source = await readSourceText(`${REPORTS}mhor-edu-esgi-5al-memoire.pdf`);
  sourceDoc = prepare('source', source.text, source.layout);
}, 60_000);

/** One word in every 8 to 12 replaced by a French word or dropped (seeded). */
function lightlyEdited(words: string[], seed: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  let gap = 8 + Math.floor(next() * 5);
  for (const word of words) {
    if (--gap > 0) out.push(word);
    else {
      gap = 8 + Math.floor(next() * 5);
      if (next() < 0.5) out.push('notamment');
    }
  }
  return out;
}
const cyrillic = (text: string): string =>
  text.replace(/[aeo]/g, (c) => ({ a: 'а', e: 'е', o: 'о' })[c as 'a' | 'e' | 'o']);
const zeroWidth = (text: string): string =>
  text.replace(/\p{L}{5,}/gu, (w) => `${w.slice(0, 2)}\u200B${w.slice(2)}`);

/** The report with a quarter of its length taken from the source (after `transform`) in its middle. */
function dossier(transform: (words: string[]) => string): { result: Analysis; planted: number } {
  const words = own.text.split(/(?<=\s)/);
  const copied = source.text.split(/(?<=\s)/).slice(3000);
  const taken = copied.slice(0, Math.floor(words.length / 3));
  const copy = transform(taken.map((w) => w.trim()).filter(Boolean));
  const text = `${words.slice(0, 2500).join('')}\n\n${copy}\n\n${words.slice(2500).join('')}`;
  const result = analyse(prepare('dossier', text, {}), [
    { ref: { id: 'source', kind: 'corpus' }, doc: sourceDoc },
  ]);
  return { result, planted: tokenize(copy).count / result.ownWords };
}

describe('copies of a real report into another', () => {
  it('finds a lightly edited copy within a few points of what was planted', () => {
    const { result, planted } = dossier((w) => lightlyEdited(w, 5).join(' '));
    expect(planted).toBeGreaterThan(0.2);
    expect(Math.abs(result.share - planted)).toBeLessThan(0.05);
  });

  it('finds copies written with look-alike letters or zero-width characters', () => {
    for (const trick of [cyrillic, zeroWidth]) {
      const { result, planted } = dossier((w) => trick(w.join(' ')));
      expect(Math.abs(result.share - planted)).toBeLessThan(0.05);
    }
  });

  it('passes the copy when it is quoted, and the clean report', () => {
    expect(dossier((w) => `« ${w.slice(0, 600).join(' ')} »`).result.share).toBe(0);
    const clean = analyse(prepare('own', own.text, own.layout), [
      { ref: { id: 'source', kind: 'corpus' }, doc: sourceDoc },
    ]);
    expect(clean.share).toBe(0);
  });
});
