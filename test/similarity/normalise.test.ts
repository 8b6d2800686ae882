import { describe, expect, it } from 'vitest';
import { hashWord, normaliseWord, tokenize } from '../../pipeline/similarity/normalise.ts';

const words = (text: string): string[] => {
  const t = tokenize(text);
  return [...t.starts].map((s, i) => text.slice(s, t.ends[i]));
};

describe('normalisation', () => {
  it('folds case, accents, ligatures and digits', () => {
    expect(normaliseWord('Élève')).toBe('eleve');
    expect(normaliseWord('ŒUVRE')).toBe('oeuvre');
    expect(normaliseWord('ex\u00C6quo')).toBe('exaequo');
    expect(normaliseWord('2023')).toBe('0');
    expect(normaliseWord('B4')).toBe('b0');
  });

  it('drops elided articles with straight or curly apostrophes', () => {
    const a = tokenize("l'entreprise d'accueil qu'il");
    const b = tokenize('L’ENTREPRISE D’ACCUEIL QU’IL');
    expect([...a.hashes]).toEqual([...b.hashes]);
    expect(a.count).toBe(3);
  });

  it('keeps English contractions as words', () => {
    expect(words("it's the students' work")).toEqual(['it', 's', 'the', 'students', 'work']);
  });

  it('joins a word hyphenated at the end of a line and keeps its offsets', () => {
    const text = 'le déve-\nloppement continu';
    const t = tokenize(text);
    expect(t.count).toBe(3);
    expect(t.hashes[1]).toBe(hashWord('developpement'));
    expect(text.slice(t.starts[1], t.ends[1])).toBe('déve-\nloppement');
  });

  it('treats NBSP and NNBSP as spaces and keeps original offsets', () => {
    const text = 'taux\u00A0: 20\u202F%  fin';
    expect(words(text)).toEqual(['taux', '20', 'fin']);
  });

  it('returns no token for empty, blank or punctuation-only text', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' \n\t\u00A0').count).toBe(0);
    expect(tokenize('… — « » !?').count).toBe(0);
  });

  it('reads binary junk without throwing', () => {
    const junk = String.fromCharCode(
      ...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65_000),
    );
    expect(tokenize(junk).count).toBeGreaterThan(0);
  });
});

describe('characters meant to hide a copy', () => {
  it('folds Cyrillic and Greek look-alikes to the Latin letters they imitate', () => {
    expect(normaliseWord('pаrtiе')).toBe('partie'); // Cyrillic а, е
    expect(normaliseWord('ΡRΟJΕT')).toBe('projet'); // Greek Ρ, Ο, Ε
    expect(normaliseWord('сοnfiguration')).toBe('configuration'); // Cyrillic с, Greek ο
    expect(normaliseWord('ｓｅｒｖｅｕｒ')).toBe('serveur'); // full-width
  });

  it('drops invisible characters inside words and ignores them between words', () => {
    expect(words('pla\u200Bgi\u200Dat  \u200B  re\u2060la\uFEFFtif')).toEqual([
      'pla\u200Bgi\u200Dat',
      're\u2060la\uFEFFtif',
    ]);
    const a = tokenize('la mi\u200Bgra\u200Ction du ser\u200Cveur');
    const b = tokenize('la migration du serveur');
    expect([...a.hashes]).toEqual([...b.hashes]);
  });
});
