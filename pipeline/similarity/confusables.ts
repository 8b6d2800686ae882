/**
 * Characters used to hide a copy from a checker while the text still reads the same: letters of
 * other scripts that look like Latin ones (Cyrillic « а », Greek « ο »), and characters that
 * show nothing (zero-width spaces and joiners, word joiners, direction marks, variation
 * selectors). The comparison folds the first to Latin and drops the second; the manipulation
 * check counts both. A subset of Unicode's confusables (UTS #39) for the Latin alphabet.
 */

/** Look-alikes of Latin letters in the Cyrillic, Greek and Armenian scripts, by case. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic, lower case
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  // Cyrillic, upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Greek, lower case
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  // Greek, upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  // Armenian
  օ: 'o',
  ս: 'u',
  ց: 'g',
};

/** Characters that occupy no space and show nothing, inside or between words. */
export const INVISIBLE =
  // The class lists joiners and variation selectors on purpose, each matched on its own.
  // eslint-disable-next-line no-misleading-character-class
  /[\u200B-\u200F\u2060-\u2064\u206A-\u206F\uFEFF\u034F\u180E\u202A-\u202E\u2066-\u2069\uFE00-\uFE0F]/u;
// eslint-disable-next-line no-misleading-character-class -- the same class, made global
export const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

const LOOK_ALIKE_CLASS = `[${Object.keys(LOOK_ALIKES).join('')}]`;
const LOOK_ALIKE_ALL = new RegExp(LOOK_ALIKE_CLASS, 'gu');
const LOOK_ALIKE = new RegExp(LOOK_ALIKE_CLASS, 'u');

/** `word` with look-alike letters replaced by their Latin letter and invisible characters removed. */
export function foldTricks(word: string): string {
  return word.replace(INVISIBLE_ALL, '').replace(LOOK_ALIKE_ALL, (c) => LOOK_ALIKES[c] ?? c);
}

/**
 * Whether a word is written with look-alikes of Latin letters: at least one, and no letter of
 * another script that has no Latin look-alike (« pаrtie » with a Cyrillic а, « раѕ » all in
 * Cyrillic), so that genuine Greek or Russian words (« λόγος », « дом ») are not counted.
 */
export function usesLookAlikes(word: string): boolean {
  if (!LOOK_ALIKE.test(word)) return false;
  for (const c of word.replace(INVISIBLE_ALL, ''))
    if (/\p{L}/u.test(c) && !/\p{Script=Latin}/u.test(c) && LOOK_ALIKES[c] === undefined)
      return false;
  return true;
}
