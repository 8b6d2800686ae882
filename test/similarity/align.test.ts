import { describe, expect, it } from 'vitest';
import { align } from '../../pipeline/similarity/align.ts';
import { fingerprint, kgramHashes, winnow } from '../../pipeline/similarity/fingerprint.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { prepare } from '../../pipeline/similarity/prepare.ts';
import { prose } from './prose.ts';

const plain = (id: string, text: string) => prepare(id, text, {}, { exclusions: false });

describe('winnowing', () => {
  it('shares a fingerprint for every common run of 15 words', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const run = prose(1000 + seed, 15);
      const a = tokenize(`${prose(seed, 200)} ${run} ${prose(seed + 50, 200)}`);
      const b = tokenize(`${prose(seed + 100, 300)} ${run} ${prose(seed + 150, 100)}`);
      const fa = new Set(fingerprint(a).hashes);
      expect([...fingerprint(b).hashes].some((h) => fa.has(h))).toBe(true);
    }
  });

  it('keeps one fingerprint in each window and handles short inputs', () => {
    const grams = kgramHashes(tokenize(prose(3, 100)), 8);
    const { positions } = winnow(grams, 8);
    for (let i = 1; i < positions.length; i++)
      expect((positions[i] ?? 0) - (positions[i - 1] ?? 0)).toBeLessThanOrEqual(8);
    expect(winnow(kgramHashes(tokenize('trois mots seulement'), 8), 8).hashes.length).toBe(0);
    expect(winnow(kgramHashes(tokenize(prose(4, 9)), 8), 8).hashes.length).toBe(1);
  });
});

describe('passage alignment', () => {
  it('finds a planted verbatim passage with exact character offsets in both texts', () => {
    const copied = prose(42, 60);
    const before = prose(1, 300);
    const a = `${before} ${copied} ${prose(2, 300)}`;
    const b = `${prose(3, 500)}\n${copied}\n${prose(4, 100)}`;
    const [p, ...rest] = align(plain('a', a), plain('b', b));
    expect(rest).toEqual([]);
    expect(p?.aFrom).toBe(before.length + 1);
    expect(a.slice(p?.aFrom, p?.aTo)).toBe(copied.slice(0, -1));
    expect(b.slice(p?.bFrom, p?.bTo)).toBe(copied.slice(0, -1));
  });

  it('finds a lightly edited passage as one passage across the edits', () => {
    const source = prose(7, 120).split(' ');
    const edited = source.map((w, i) => (i % 20 === 10 ? 'modifié' : w));
    // Inserted right after an edited word: every unedited run stays at least 15 words long.
    edited.splice(51, 0, 'vraiment');
    const a = `${prose(8, 200)} ${edited.join(' ')} ${prose(9, 200)}`;
    const b = `${prose(10, 100)} ${source.join(' ')} ${prose(11, 100)}`;
    const passages = align(plain('a', a), plain('b', b));
    expect(passages).toHaveLength(1);
    const p = passages[0];
    expect(p && p.aEnd - p.aStart).toBeGreaterThanOrEqual(100);
    expect(p && p.matched).toBeLessThan(p ? p.aEnd - p.aStart : 0);
  });

  it('matches despite accents, case, elisions and line-end hyphenation', () => {
    const a =
      "L'équipe a réalisé la migration de l'infrastructure vers le cloud afin d'améliorer la disponibilité des services pour les utilisateurs de l'entreprise.";
    const b =
      'l’equipe a realise la migra-\ntion de l’INFRASTRUCTURE vers le cloud afin d’ameliorer la disponibilite des services pour les utilisateurs de l’entreprise';
    expect(align(plain('a', a), plain('b', b))).toHaveLength(1);
  });

  it('ignores runs shorter than the minimum passage length', () => {
    const run = prose(5, 12);
    const a = `${prose(12, 100)} ${run} ${prose(13, 100)}`;
    const b = `${prose(14, 100)} ${run} ${prose(15, 100)}`;
    expect(align(plain('a', a), plain('b', b))).toEqual([]);
  });

  it('reports pages from the page offsets', () => {
    const copied = prose(21, 40);
    const page1 = `${prose(22, 200)}\n`;
    const a = `${page1}${copied}`;
    const [p] = align(
      prepare('a', a, { pageOffsets: [0, page1.length] }, { exclusions: false }),
      plain('b', copied),
    );
    expect(p?.aPage).toBe(2);
    expect(p?.bPage).toBe(1);
  });

  it('survives empty and huge repeated texts', () => {
    expect(align(plain('a', ''), plain('b', prose(1, 50)))).toEqual([]);
    const repeated = 'le projet avance bien '.repeat(50_000);
    const started = performance.now();
    const passages = align(plain('a', repeated), plain('b', repeated));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(passages.length).toBeGreaterThan(0);
  });
});

describe('lightly edited passages', () => {
  /** A copy of `words` words of a source with one word in every 8 to 12 changed, dropped or added. */
  function edit(source: string[], seed: number): string[] {
    const out: string[] = [];
    let next = 8 + (seed % 5);
    for (const [i, word] of source.entries()) {
      if (i < next) {
        out.push(word);
        continue;
      }
      const op = (i + seed) % 3;
      if (op === 0) out.push('remplacé');
      else if (op === 2) out.push(word, 'ajouté');
      next = i + 8 + ((i * 7 + seed) % 5);
    }
    return out;
  }

  it('finds a copy with one word in every 8 to 12 edited as one passage spanning the copy', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const source = prose(300 + seed, 400).split(' ');
      const copy = edit(source, seed).join(' ');
      const before = prose(400 + seed, 300);
      const a = `${before} ${copy} ${prose(500 + seed, 300)}`;
      const b = `${prose(600 + seed, 200)} ${source.join(' ')} ${prose(700 + seed, 200)}`;
      const passages = align(plain('a', a), plain('b', b));
      expect(passages).toHaveLength(1);
      const p = passages[0]!;
      // Within a few words of the planted copy on both sides.
      expect(Math.abs(p.aFrom - (before.length + 1))).toBeLessThan(40);
      expect(Math.abs(p.aTo - (before.length + 1 + copy.length))).toBeLessThan(40);
      expect(p.matched).toBeLessThan(p.aEnd - p.aStart);
    }
  });

  it('does not carry a passage on into the unrelated text around it', () => {
    const copied = prose(31, 200);
    const a = `${prose(32, 2000)} ${copied} ${prose(33, 2000)}`;
    const b = `${prose(34, 2000)} ${copied} ${prose(35, 2000)}`;
    const [p, ...rest] = align(plain('a', a), plain('b', b));
    expect(rest).toEqual([]);
    expect(p && p.aEnd - p.aStart).toBeLessThanOrEqual(205);
  });

  it('finds nothing between unrelated texts of the same vocabulary', () => {
    expect(align(plain('a', prose(41, 5000)), plain('b', prose(42, 5000)))).toEqual([]);
  });
});
