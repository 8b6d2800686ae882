/**
 * Light obfuscation of planted passages, as students do it to evade a checker: in each passage,
 * words are replaced, dropped, inserted or swapped with their neighbour at a rate drawn per
 * passage, with a seeded generator. The passages' offsets are recomputed on the edited text,
 * so the truth still says exactly where each copy is.
 */
import { random } from '../similarity/prose.ts';

/** A planted passage: where it is in a text, in characters. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** Settings of the obfuscation. */
export interface ObfuscateOptions {
  /** Seed of the generator: the same seed edits the same words. */
  readonly seed: number;
  /** Share of the words of a passage that are edited, drawn uniformly per passage. */
  readonly rate?: readonly [number, number];
  /** Words put in for replacements and insertions. */
  readonly vocabulary: readonly string[];
}

/** What was done, to report beside the measure. */
export interface ObfuscateStats {
  words: number;
  replaced: number;
  dropped: number;
  inserted: number;
  swapped: number;
}

/** Edits the words of one passage; returns the new passage. */
function editPassage(
  passage: string,
  rate: number,
  next: () => number,
  vocabulary: readonly string[],
  stats: ObfuscateStats,
): string {
  // Words and the separators after them, so the text keeps its line breaks.
  const parts = passage.match(/\S+\s*/g) ?? [];
  const pick = (): string => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'the';
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const word = part.trimEnd();
    const space = part.slice(word.length) || ' ';
    stats.words++;
    // The first and last words stay: an edit there only moves the truth's edge.
    if (i === 0 || i === parts.length - 1 || next() >= rate) {
      out.push(part);
      continue;
    }
    const op = next();
    if (op < 0.35) {
      stats.replaced++;
      out.push(pick() + space);
    } else if (op < 0.6) {
      stats.dropped++;
    } else if (op < 0.85) {
      stats.inserted++;
      out.push(`${word} ${pick()}${space}`);
    } else if (i + 2 < parts.length) {
      stats.swapped++;
      stats.words++;
      const following = parts[i + 1] ?? '';
      const other = following.trimEnd();
      out.push(`${other} `, word + (following.slice(other.length) || ' '));
      i++;
    } else out.push(part);
  }
  return out.join('');
}

/**
 * Edits each span of `text` (spans must not overlap) and returns the new text with the new
 * spans, in the order given.
 */
export function obfuscate(
  text: string,
  spans: readonly Span[],
  options: ObfuscateOptions,
  stats: ObfuscateStats = { words: 0, replaced: 0, dropped: 0, inserted: 0, swapped: 0 },
): { text: string; spans: Span[] } {
  const [low, high] = options.rate ?? [0.05, 0.15];
  const next = random(options.seed);
  const order = spans.map((s, i) => ({ ...s, i })).sort((x, y) => x.offset - y.offset);
  const pieces: string[] = [];
  const out: Span[] = new Array<Span>(spans.length);
  let at = 0;
  let length = 0;
  for (const span of order) {
    if (span.offset < at) throw new Error(`overlapping spans at ${span.offset}`);
    const before = text.slice(at, span.offset);
    pieces.push(before);
    length += before.length;
    const rate = low + (high - low) * next();
    const edited = editPassage(
      text.slice(span.offset, span.offset + span.length),
      rate,
      next,
      options.vocabulary,
      stats,
    );
    // A passage ends on its last word: trailing space moves back outside it.
    const trimmed = edited.trimEnd();
    out[span.i] = { offset: length, length: trimmed.length };
    pieces.push(edited);
    length += edited.length;
    at = span.offset + span.length;
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(''), spans: out };
}
