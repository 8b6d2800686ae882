/**
 * A text made ready for comparison: tokens, every k-gram hash, the winnowed fingerprints and
 * the exclusion mask. Template text is subtracted at fingerprint level: its k-grams never seed
 * a match and its words are not the candidate's own prose.
 */
import {
  defaultFingerprint,
  kgramHashes,
  winnow,
  type FingerprintOptions,
  type Fingerprints,
} from './fingerprint.ts';
import { maskTokens, reasonCode, textExclusions, type Layout, type Range } from './exclusions.ts';
import { tokenize, type Tokens } from './normalise.ts';

/** A text ready to be compared. */
export interface Prepared {
  /** Corpus id or candidate code. */
  readonly id: string;
  readonly text: string;
  readonly tokens: Tokens;
  /** Hash of the k-gram starting at each token. */
  readonly grams: Uint32Array;
  /** Winnowed fingerprints (seeds and index keys). */
  readonly fingerprints: Fingerprints;
  /** Reason code per token, 0 = own prose. */
  readonly mask: Uint8Array;
  /** 1 for a k-gram that may not seed a match (template, too common). */
  readonly blocked: Uint8Array;
  /** Offset at which each page starts. */
  readonly pageOffsets: readonly number[];
  readonly k: number;
}

/** Options of `prepare`. */
export interface PrepareOptions {
  readonly fingerprint?: FingerprintOptions;
  /** K-gram hashes of the session's template files. */
  readonly template?: ReadonlySet<number>;
  /** Apply the text exclusions (quotations, end matter, TOC, headings); default true. */
  readonly exclusions?: boolean;
}

/** Tokenises, fingerprints and masks one text. */
export function prepare(
  id: string,
  text: string,
  layout: Layout = {},
  options: PrepareOptions = {},
): Prepared {
  const { k, w } = options.fingerprint ?? defaultFingerprint;
  const tokens = tokenize(text);
  const grams = kgramHashes(tokens, k);
  const ranges: Range[] = options.exclusions === false ? [] : textExclusions(text, layout);
  const mask = maskTokens(tokens, ranges);
  const blocked = new Uint8Array(grams.length);
  // A k-gram of figures (0 0 0 … once digits are normalised) never seeds a passage.
  const figure = reasonCode('figures');
  for (let i = 0; i < grams.length; i++)
    if (mask[i] === figure && mask[i + k - 1] === figure) blocked[i] = 1;
  const template = options.template;
  if (template && template.size > 0) {
    const code = reasonCode('template');
    for (let i = 0; i < grams.length; i++) {
      if (!template.has(grams[i] ?? 0)) continue;
      blocked[i] = 1;
      for (let j = i; j < i + k; j++) if (mask[j] === 0) mask[j] = code;
    }
  }
  return {
    id,
    text,
    tokens,
    grams,
    fingerprints: winnow(grams, w),
    mask,
    blocked,
    pageOffsets: layout.pageOffsets && layout.pageOffsets.length > 0 ? layout.pageOffsets : [0],
    k,
  };
}

/** Every k-gram hash of a template text, to subtract from the dossiers. */
export function templateGrams(texts: readonly string[], k = defaultFingerprint.k): Set<number> {
  const out = new Set<number>();
  for (const text of texts) for (const h of kgramHashes(tokenize(text), k)) out.add(h);
  return out;
}

/**
 * Marks as `common` the fingerprints found in too many documents: they never seed a match and
 * the words they cover are not counted as own prose.
 */
export function blockCommon(doc: Prepared, isCommon: (hash: number) => boolean): number {
  const code = reasonCode('common');
  let blockedCount = 0;
  const { hashes, positions } = doc.fingerprints;
  for (let f = 0; f < hashes.length; f++) {
    if (!isCommon(hashes[f] ?? 0)) continue;
    const at = positions[f] ?? 0;
    doc.blocked[at] = 1;
    blockedCount++;
    for (let j = at; j < at + doc.k && j < doc.mask.length; j++)
      if (doc.mask[j] === 0) doc.mask[j] = code;
  }
  return blockedCount;
}

/** Page (1-based) of a character offset. */
export function pageAt(pageOffsets: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageOffsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((pageOffsets[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
