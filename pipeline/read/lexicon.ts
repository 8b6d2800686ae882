/**
 * The French word list (`an-array-of-french-words`: ~336 000 lower-case inflected forms), loaded
 * once per reader process, on first use: about 40 MB of heap.
 */
import { createRequire } from 'node:module';

/** The ligatures a font draws as one glyph, longest first. */
export const LIGATURES = ['ffi', 'ffl', 'ff', 'fi', 'fl'] as const;

/** A known word that is a form with a ligature's letters inserted at `at`. */
export interface Insertion {
  word: string;
  at: number;
  ligature: string;
}

export interface Lexicon {
  /** True for a known word (lower case, accents kept). */
  has(word: string): boolean;
  /** True for a known word once accents are set aside (`COMPETENCES`): `key` is its `looseKey`. */
  hasLooseKey(key: string): boolean;
  /** The letters of the longest known word: no longer piece of text can be a word. */
  readonly longest: number;
  /** The known words that are `form` (lower case, not itself a word) with a ligature inserted. */
  insertions(form: string): readonly Insertion[];
}

const BASE: Record<string, string> = {};
for (const [base, marked] of Object.entries({
  a: 'àâä',
  c: 'ç',
  e: 'éèêë',
  i: 'îï',
  o: 'ôö',
  u: 'ùûü',
  y: 'ÿ',
}))
  for (const c of marked) BASE[c] = base;

/** The word without its accents (lower case). */
export const looseKey = (word: string): string =>
  word.replace(/[àâäçéèêëîïôöùûüÿ]/g, (c) => BASE[c] ?? c);

const require = createRequire(import.meta.url);
let loaded: Lexicon | undefined;

/** The lexicon of this process, loaded on first call. */
export function lexicon(): Lexicon {
  if (loaded) return loaded;
  const words = require('an-array-of-french-words') as string[];
  const known = new Set(words);
  const forms = new Map<string, Insertion[]>();
  for (const word of words) {
    for (const ligature of LIGATURES) {
      for (let at = word.indexOf(ligature); at >= 0; at = word.indexOf(ligature, at + 1)) {
        const form = word.slice(0, at) + word.slice(at + ligature.length);
        if (known.has(form)) continue;
        const list = forms.get(form);
        if (list) list.push({ word, at, ligature });
        else forms.set(form, [{ word, at, ligature }]);
      }
    }
  }
  let loose: Set<string> | undefined;
  let longest = 0;
  for (const word of words) if (word.length > longest) longest = word.length;
  loaded = {
    longest,
    has: (word) => known.has(word),
    hasLooseKey: (key) => {
      loose ??= new Set(words.map(looseKey));
      return loose.has(key);
    },
    insertions: (form) => forms.get(form) ?? [],
  };
  return loaded;
}
