/**
 * The similarity of one text against its sources: passages from every source, each either
 * counted or set aside with its reason, and the share of the candidate's own prose covered.
 * Share = own-prose words covered by counted passages ÷ own-prose words (after exclusions).
 */
import { align, defaultAlign, type AlignOptions, type Passage } from './align.ts';
import { Reasons, reasonCode, reasonOf, type Reason } from './exclusions.ts';
import type { Prepared } from './prepare.ts';

/** Where a source comes from. */
export interface SourceRef {
  /** Candidate code (session) or corpus id. */
  readonly id: string;
  readonly kind: 'session' | 'corpus';
  /** True when the source is the same candidate's earlier work. */
  readonly own?: boolean;
}

/** A passage found in one source, counted or set aside. */
export interface Match extends Passage {
  readonly source: string;
  /** Why the passage does not count; absent when it counts. */
  readonly excluded?: Reason;
  /** Own-prose words of the target it covers (0 when excluded). */
  readonly counted: number;
}

/** The similarity of one text. */
export interface Analysis {
  readonly id: string;
  /** Words of the candidate's own prose (after exclusions). */
  readonly ownWords: number;
  /** Of which covered by counted passages, all sources together. */
  readonly coveredWords: number;
  /** coveredWords ÷ ownWords, 0 for a text without own prose. */
  readonly share: number;
  /** Every passage, by position in the target. */
  readonly matches: Match[];
  /** Sources by covered words, largest first. */
  readonly sources: { id: string; kind: SourceRef['kind']; words: number; passages: number }[];
  /** Words of the text not counted as own prose, by reason. */
  readonly excludedWords: Partial<Record<Reason, number>>;
  /** Passages set aside, by reason. */
  readonly excludedPassages: Partial<Record<Reason, number>>;
}

const QUOTATION = reasonCode('quotation');

function quotedIn(doc: Prepared, from: number, to: number): boolean {
  let quoted = 0;
  for (let i = from; i < to; i++) if (doc.mask[i] === QUOTATION) quoted++;
  return quoted * 2 >= to - from && to > from;
}

/** Passages of `target` in each source, reduced to the analysis. */
export function analyse(
  target: Prepared,
  sources: readonly { ref: SourceRef; doc: Prepared; passages?: Passage[] }[],
  options: AlignOptions = defaultAlign,
): Analysis {
  const mask = target.mask;
  const covered = new Uint8Array(target.tokens.count);
  const matches: Match[] = [];
  const perSource: Analysis['sources'] = [];
  const excludedPassages: Partial<Record<Reason, number>> = {};
  for (const { ref, doc, passages } of sources) {
    const mine = new Uint8Array(ref.own ? 0 : target.tokens.count);
    let words = 0;
    let count = 0;
    for (const p of passages ?? align(target, doc, options)) {
      const byReason = new Uint32Array(Reasons.length + 1);
      for (let i = p.aStart; i < p.aEnd; i++) {
        const code = mask[i] ?? 0;
        byReason[code] = (byReason[code] ?? 0) + 1;
      }
      const own = byReason[0] ?? 0;
      let excluded: Reason | undefined = ref.own ? 'own-earlier' : undefined;
      // The other text quoting this one is a citation, not a copy by either side.
      if (!excluded && quotedIn(doc, p.bStart, p.bEnd)) excluded = 'quotation';
      if (!excluded && own * 2 < p.aEnd - p.aStart) {
        let best = 1;
        for (let r = 2; r < byReason.length; r++)
          if ((byReason[r] ?? 0) > (byReason[best] ?? 0)) best = r;
        excluded = reasonOf(best);
      }
      if (excluded) {
        excludedPassages[excluded] = (excludedPassages[excluded] ?? 0) + 1;
        matches.push({ ...p, source: ref.id, excluded, counted: 0 });
        continue;
      }
      let counted = 0;
      for (let i = p.aStart; i < p.aEnd; i++) {
        if (mask[i] !== 0) continue;
        covered[i] = 1;
        counted++;
        if (mine[i] === 0) {
          mine[i] = 1;
          words++;
        }
      }
      count++;
      matches.push({ ...p, source: ref.id, counted });
    }
    if (count > 0) perSource.push({ id: ref.id, kind: ref.kind, words, passages: count });
  }
  let ownWords = 0;
  let coveredWords = 0;
  const excludedWords: Partial<Record<Reason, number>> = {};
  for (let i = 0; i < mask.length; i++) {
    const reason = reasonOf(mask[i] ?? 0);
    if (reason) excludedWords[reason] = (excludedWords[reason] ?? 0) + 1;
    else {
      ownWords++;
      coveredWords += covered[i] ?? 0;
    }
  }
  matches.sort((x, y) => x.aStart - y.aStart || x.source.localeCompare(y.source));
  perSource.sort((x, y) => y.words - x.words || x.id.localeCompare(y.id));
  return {
    id: target.id,
    ownWords,
    coveredWords,
    share: ownWords === 0 ? 0 : coveredWords / ownWords,
    matches,
    sources: perSource,
    excludedWords,
    excludedPassages,
  };
}
