/**
 * Letter-spaced titles ("I N T R O D U C T I O N"): the text layer has a space between every
 * letter and the wider gap between words is lost, so the words are found again with the French
 * word list.
 */
import { lexicon, looseKey, type Lexicon } from './lexicon.ts';

/** A token of a letter-spaced run: one character, or a few that kerning kept together (VA, AVA, L’). */
const PART = /^(?:[\p{L}\p{N}'’-]|\p{L}[\p{L}'’]|\p{Lu}{3})$/u;
const SHORT_WORDS = new Set(['a', 'à', 'y']);
/** The little words of titles: among readings of as many words, the one made of them wins. */
const GLUE = new Set([
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ou',
  'par',
  'pour',
  'sur',
  'un',
  'une',
]);
/** Each unknown letter costs more than a word, so known words win where they fit. */
const UNKNOWN = 1.5;

interface Piece {
  text: string;
  known: boolean;
}

/** The fewest known words (and unknown stretches) that spell `letters`. */
function segment(letters: string, words: Lexicon): Piece[] {
  const n = letters.length;
  const lower = letters.toLowerCase();
  // looseKey replaces one letter by one letter: a slice of it is the key of the same slice.
  const loose = looseKey(lower);
  const best: { cost: number; from: number; known: boolean }[] = [
    { cost: 0, from: 0, known: true },
  ];
  for (let end = 1; end <= n; end++) {
    // An unknown stretch costs the same split or whole, and no word is longer than the
    // longest known one: only the last `longest` letters can end in a word.
    const first = Math.max(0, end - Math.max(words.longest, 1));
    const before = best[first]!;
    best[end] = { cost: before.cost + UNKNOWN * (end - first), from: first, known: false };
    for (let start = first; start < end; start++) {
      const piece = lower.slice(start, end);
      const glue = GLUE.has(piece);
      const word =
        glue ||
        /^(?:\d+|['’-])$/.test(piece) ||
        ((piece.length >= 3 || SHORT_WORDS.has(piece)) &&
          words.hasLooseKey(loose.slice(start, end)));
      const price = glue ? 0.9 : word ? 1 : UNKNOWN * piece.length;
      const cost = best[start]!.cost + price;
      if (cost < best[end]!.cost) best[end] = { cost, from: start, known: word };
    }
  }
  const pieces: Piece[] = [];
  for (let end = n; end > 0; end = best[end]!.from) {
    const { from, known } = best[end]!;
    const last = pieces[0];
    // Adjacent unknown stretches are one stretch.
    if (!known && last && !last.known) last.text = letters.slice(from, end) + last.text;
    else pieces.unshift({ text: letters.slice(from, end), known });
  }
  return pieces;
}

function join(pieces: Piece[]): string {
  let out = '';
  for (const { text } of pieces) {
    const glued = /^['’-]$/.test(text) || /['’-]$/.test(out);
    out += out && !glued ? ` ${text}` : text;
  }
  return out;
}

/**
 * Joins each letter-spaced run (four tokens or more, nearly all single characters) into its
 * words when known words spell at least half of its letters; a line that is nothing but a run
 * of five letters or more is one word; anything else ("A B C D" in a sentence, a list of
 * variables) is left as it is.
 */
export function joinLetterSpaced(text: string, words: () => Lexicon = lexicon): string {
  if (!/(?:^|\s)\S \S \S \S(?:\s|$)/u.test(text)) return text;
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let end = i;
    while (end < tokens.length && PART.test(tokens[end]!)) end++;
    const run = tokens.slice(i, end);
    const singles = run.filter((t) => t.length === 1).length;
    if (run.length >= 4 && singles >= run.length * 0.75 && run.join(' ').length <= 160) {
      out.push(joinRun(run.join(''), run.length === tokens.length, words) ?? run.join(' '));
      i = end;
    } else {
      out.push(...(run.length > 0 ? run : [tokens[i]!]));
      i = run.length > 0 ? end : i + 1;
    }
  }
  return out.join(' ');
}

function joinRun(letters: string, wholeLine: boolean, words: () => Lexicon): string | undefined {
  const pieces = segment(letters, words());
  const known = pieces.filter((p) => p.known && /\p{L}{2}/u.test(p.text));
  const share = known.reduce((n, p) => n + p.text.length, 0) / letters.length;
  if (share >= 0.5) return join(pieces);
  return wholeLine && /(?:\p{L}.*){5}/u.test(letters) ? letters : undefined;
}
