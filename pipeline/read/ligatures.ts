/**
 * Ligatures in a PDF's text layer. pdf.js gives what the fonts' ToUnicode maps say, and a broken
 * map loses the letters of a ligature glyph (ﬀ ﬁ ﬂ ﬃ ﬄ): as a control character in their place
 * ("di\u001brents" in TeX's OT1 encoding), or as nothing at all ("eectué", "e ectué"). Letters
 * are put back only where the French word list leaves one reading.
 */
import { lexicon, type Lexicon } from './lexicon.ts';
import type { Line } from './pdf-load.ts';

const FOLD: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** Ligature code points U+FB00–FB06 as their letters; œ and æ are French letters and stay. */
export const foldLigatures = (text: string): string =>
  text.replace(/[\ufb00-\ufb06]/g, (c) => FOLD[c] ?? c);

/** Code points a ligature glyph comes out as when its map is broken: controls, U+FFFD, private use. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const MARK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/u;
const TOKEN = new RegExp(`(?:\\p{L}|${MARK.source})+`, 'gu');
/** Every mark of a text (global: for match and replace only, which reset it). */
const MARKS = new RegExp(MARK.source, 'gu');
/** What a mark may stand for: the ligatures of TeX, Word (Calibri) and OpenType fonts. */
const MARK_LIGATURES = [
  'ff',
  'fi',
  'fl',
  'ffi',
  'ffl',
  'ft',
  'st',
  'tt',
  'ti',
  'tf',
  'fj',
  'fb',
  'fh',
  'fk',
  'th',
];

/** What was repaired, for tests and measurements. */
export interface LigatureRepairs {
  /** U+FB00–FB06 code points folded. */
  folded: number;
  /** Marks read as a ligature, with the number of distinct words that showed it. */
  marks: { mark: string; ligature: string; words: number }[];
  /** Words whose ligature had vanished, as read and as repaired. */
  words: { from: string; to: string; page: number }[];
}

/**
 * A mark that stands for a ligature stands for it everywhere in the document: the ligature that
 * makes known words of half the distinct words the mark is in, two of them with the mark inside.
 */
function readMarks(texts: string[], known: (lower: string) => boolean): Map<string, string> {
  const tokens = new Map<string, Set<string>>();
  for (const text of texts) {
    if (!MARK.test(text)) continue;
    for (const [token] of text.matchAll(TOKEN)) {
      const marks = new Set(token.match(MARKS));
      if (marks.size !== 1 || !/\p{L}/u.test(token)) continue;
      const mark = [...marks][0]!;
      tokens.set(mark, (tokens.get(mark) ?? new Set()).add(token));
    }
  }
  const read = new Map<string, string>();
  for (const [mark, set] of tokens) {
    const inside = new RegExp(`\\p{L}${mark}\\p{L}`, 'u');
    const scores = MARK_LIGATURES.map((ligature) => {
      const made = [...set].filter((t) => known(t.replaceAll(mark, ligature).toLowerCase()));
      // Quotes and bullets sit at the edge of words; a ligature mostly inside them.
      return { ligature, score: made.filter((t) => inside.test(t)).length >= 2 ? made.length : 0 };
    }).sort((a, b) => b.score - a.score);
    const [best, second] = scores;
    if (best && best.score >= 2 && best.score * 2 >= set.size && best.score > (second?.score ?? 0))
      read.set(mark, best.ligature);
  }
  return read;
}

/** Replaces each mark next to a letter by its ligature, in capitals between capitals. */
export function applyMarks(text: string, marks: ReadonlyMap<string, string>): string {
  if (marks.size === 0 || !MARK.test(text)) return text;
  return text.replace(MARKS, (mark, at: number) => {
    const ligature = marks.get(mark);
    const before = text[at - 1] ?? '';
    const after = text[at + 1] ?? '';
    if (!ligature || !/\p{L}/u.test(before + after)) return mark;
    const upper = /^\p{Lu}*$/u.test(`${before}${after}`.replace(/[^\p{L}]/gu, ''));
    return upper ? ligature.toUpperCase() : ligature;
  });
}

const FIRST = /^\p{Lu}?\p{Ll}+$/u;
const REST = /^\p{Ll}+$/u;
const HAS_LIGATURE = /ff|fi|fl/;
const LETTERS = /\p{L}+/gu;

interface Edit {
  start: number;
  end: number;
  from: string;
  to: string;
}

/** The one known word `form` becomes with a ligature inserted (at `at` when given). */
function insertion(words: Lexicon, form: string, at?: number): string | undefined {
  let found: string | undefined;
  for (const i of words.insertions(form)) {
    if (at !== undefined && i.at !== at) continue;
    if (found !== undefined && found !== i.word) return undefined;
    found = i.word;
  }
  return found;
}

const capitalised = (from: string, to: string): string =>
  /^\p{Lu}/u.test(from) ? (to[0] ?? '').toUpperCase() + to.slice(1) : to;

/**
 * Words that lost a ligature without trace: an unknown word, alone or with its neighbour across
 * the gap the glyph left, that one inserted ligature makes a known word. Two known words are
 * never welded and a known word is never changed.
 */
/** What a token is to `vanished`: not one to repair, a known word with a ligature, unknown. */
const SKIP = 0;
const INTACT = 1;
const UNKNOWN_WORD = 2;

/** Whether each UTF-16 unit is a letter (\p{L}): 0 not classed yet, 1 a letter, 2 not. */
const LETTER_UNITS = new Uint8Array(0x10000);
const ONE_LETTER = /^\p{L}$/u;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The runs of letters of `text` (what /\p{L}+/gu matches) and where each starts. A line
 * is a few dozen words and a dossier a hundred thousand: a scan of char codes, each classed
 * once, takes a third of the time of the regular expression.
 */
function letterRuns(text: string): { tokens: string[]; starts: number[] } {
  const tokens: string[] = [];
  const starts: number[] = [];
  if (SURROGATE.test(text)) {
    for (const m of text.matchAll(LETTERS)) {
      tokens.push(m[0]);
      starts.push(m.index);
    }
    return { tokens, starts };
  }
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    let letter = false;
    if (i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 128) letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      else {
        let known = LETTER_UNITS[c]!;
        if (known === 0) LETTER_UNITS[c] = known = ONE_LETTER.test(text[i]!) ? 1 : 2;
        letter = known === 1;
      }
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(text.slice(start, i));
      starts.push(start);
      start = -1;
    }
  }
  return { tokens, starts };
}

function vanished(
  text: string,
  words: Lexicon,
  kind: (token: string) => number,
): { edits: Edit[]; intact: number } {
  const { tokens, starts } = letterRuns(text);
  let intact = 0;
  let unknown = false;
  for (const t of tokens) {
    const what = kind(t);
    if (what === INTACT) intact++;
    else if (what === UNKNOWN_WORD) unknown = true;
  }
  // Most lines hold no unknown word: they are only counted.
  if (!unknown) return { edits: [], intact };
  // Two tokens across one space: the gap a vanished glyph leaves.
  const gap = (a: number, b: number): boolean =>
    starts[b] === starts[a]! + tokens[a]!.length + 1 && text[starts[b] - 1] === ' ';
  const edits: Edit[] = [];
  let free = 0; // first token not taken by an edit
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const at = starts[i]!;
    if (kind(t) !== UNKNOWN_WORD) continue;
    const lower = t.toLowerCase();
    // "l’", "d’", "qu’": an elision, not a fragment of a word.
    if (/['’]/.test(text[at + t.length] ?? '')) continue;
    const prev = i > free ? tokens[i - 1] : undefined;
    const next = tokens[i + 1];
    let edit: Edit | undefined;
    if (prev !== undefined && gap(i - 1, i) && REST.test(t) && FIRST.test(prev)) {
      const to = insertion(words, prev.toLowerCase() + lower, prev.length);
      if (to) edit = { start: starts[i - 1]!, end: at + t.length, from: `${prev} ${t}`, to };
    }
    if (!edit && next !== undefined && gap(i, i + 1) && REST.test(next)) {
      const to = insertion(words, lower + next, t.length);
      if (to) edit = { start: at, end: starts[i + 1]! + next.length, from: `${t} ${next}`, to };
    }
    if (!edit && t.length >= 3) {
      const to = insertion(words, lower);
      if (to) edit = { start: at, end: at + t.length, from: t, to };
    }
    if (!edit) continue;
    edits.push({ ...edit, to: capitalised(edit.from, edit.to) });
    if (edit.end > at + t.length) i++;
    free = i + 1;
  }
  return { edits, intact };
}

const splice = (text: string, edits: Edit[]): string =>
  edits.reduceRight((out, e) => out.slice(0, e.start) + e.to + out.slice(e.end), text);

/**
 * Repairs the lines of every page in place. Vanished ligatures are repaired in the lines of one
 * size and weight only when their repairs outnumber that style's words with intact ligatures:
 * a font that loses a ligature loses it everywhere, and a lone unknown word is more likely a
 * typo or a name than a lost glyph.
 */
export function repairLigatures(pages: Line[][]): {
  repairs: LigatureRepairs;
  marks: ReadonlyMap<string, string>;
} {
  const repairs: LigatureRepairs = { folded: 0, marks: [], words: [] };
  const lines = pages.flatMap((page, p) => page.map((line) => ({ line, page: p + 1 })));
  for (const { line } of lines) {
    const folded = foldLigatures(line.text);
    if (folded !== line.text) repairs.folded += line.text.match(/[\ufb00-\ufb06]/g)?.length ?? 0;
    line.text = folded;
  }
  const words = lexicon();
  // A document says the same words again and again: each is looked up in the word list once.
  const seen = new Map<string, boolean>();
  const known = (lower: string): boolean => {
    let is = seen.get(lower);
    if (is === undefined) seen.set(lower, (is = words.has(lower)));
    return is;
  };
  const marks = readMarks(
    lines.map(({ line }) => line.text),
    known,
  );
  // Only the lines with a mark hold a token with one.
  const marked = marks.size > 0 ? lines.filter(({ line }) => MARK.test(line.text)) : [];
  const tokens = [...new Set(marked.flatMap(({ line }) => line.text.match(TOKEN) ?? []))];
  for (const [mark, ligature] of marks) {
    const count = tokens.filter((t) => t.includes(mark)).length;
    const code = `U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    repairs.marks.push({ mark: code, ligature, words: count });
  }
  for (const { line } of marked) line.text = applyMarks(line.text, marks);
  // Each distinct token is classified once: a dossier repeats its words.
  const kinds = new Map<string, number>();
  const kind = (token: string): number => {
    let what = kinds.get(token);
    if (what === undefined) {
      const lower = token.toLowerCase();
      what = !FIRST.test(token)
        ? SKIP
        : known(lower)
          ? HAS_LIGATURE.test(lower)
            ? INTACT
            : SKIP
          : UNKNOWN_WORD;
      kinds.set(token, what);
    }
    return what;
  };
  const styles = new Map<
    string,
    { intact: number; found: { line: Line; page: number; edits: Edit[] }[] }
  >();
  for (const { line, page } of lines) {
    const key = `${line.size}|${line.bold}`;
    const style = styles.get(key) ?? { intact: 0, found: [] };
    styles.set(key, style);
    const { edits, intact } = vanished(line.text, words, kind);
    style.intact += intact;
    if (edits.length > 0) style.found.push({ line, page, edits });
  }
  for (const { intact, found } of styles.values()) {
    const count = found.reduce((n, f) => n + f.edits.length, 0);
    if (count === 0 || count < intact) continue;
    for (const { line, page, edits } of found) {
      line.text = splice(line.text, edits);
      for (const e of edits) repairs.words.push({ from: e.from, to: e.to, page });
    }
  }
  return { repairs, marks };
}
