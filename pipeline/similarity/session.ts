/**
 * Similarity of a whole session: every dossier against every other (all pairs, both ways) and
 * against the corpus index. Fingerprints found in too many documents (session and corpus
 * together) are set aside as common phrases; the template is subtracted before anything else.
 */
import { defaultAlign, type AlignOptions } from './align.ts';
import { analyse, type Analysis, type SourceRef } from './analyse.ts';
import type { CorpusDoc, CorpusIndex } from './corpus-index.ts';
import type { Layout } from './exclusions.ts';
import { fingerprintIndex } from './fingerprint-index.ts';
import { blockCommon, prepare, type Prepared } from './prepare.ts';

/** One dossier of the session. */
export interface SessionText {
  /** Unique key (the candidate code, or code + file for earlier submissions). */
  readonly id: string;
  readonly candidate: string;
  readonly text: string;
  readonly layout: Layout;
}

/** Options of `analyseSession`. */
export interface SessionOptions {
  /** K-gram hashes of the session's template files. */
  readonly template?: ReadonlySet<number>;
  readonly corpus?: CorpusIndex | undefined;
  readonly align?: AlignOptions;
  /** A fingerprint is common when more documents than max(commonMin, commonShare × N) hold it. */
  readonly commonShare?: number;
  readonly commonMin?: number;
  /** Corpus documents aligned per dossier, those sharing the most fingerprints first. */
  readonly maxCorpusSources?: number;
}

/** Everything the check and the staff report need. */
export interface SessionAnalysis {
  readonly analyses: Map<string, Analysis>;
  readonly prepared: Map<string, Prepared>;
  /** Corpus documents that were aligned, by corpus id. */
  readonly corpusDocs: Map<string, { doc: CorpusDoc; prepared: Prepared }>;
  /** Threshold of document frequency above which a fingerprint is common. */
  readonly commonCutoff: number;
  readonly corpusSize: number;
}

/** Analyses every dossier of a session against the others and the corpus. */
export function analyseSession(
  texts: readonly SessionText[],
  options: SessionOptions = {},
): SessionAnalysis {
  const alignOptions = options.align ?? defaultAlign;
  const template = options.template ? { template: options.template } : {};
  const docs = texts.map((t) => prepare(t.id, t.text, t.layout, template));
  const prepared = new Map(docs.map((d) => [d.id, d]));

  const sessionDf = fingerprintIndex(docs.map((d) => d.fingerprints.hashes));
  const corpus = options.corpus;
  const corpusSize = corpus?.count() ?? 0;
  const documents = docs.length + corpusSize;
  const commonCutoff = Math.max(
    options.commonMin ?? 10,
    Math.ceil((options.commonShare ?? 0.05) * documents),
  );
  const found =
    corpus && corpusSize > 0
      ? corpus.lookup(sessionDf.hashes, commonCutoff)
      : { postings: new Map<number, number[]>(), frequent: new Map<number, number>() };
  const corpusDf = found.postings;
  const isCommon = (h: number): boolean =>
    found.frequent.has(h) || sessionDf.frequency(h) + (corpusDf.get(h)?.length ?? 0) > commonCutoff;
  for (const doc of docs) blockCommon(doc, isCommon);

  const corpusDocs = new Map<string, { doc: CorpusDoc; prepared: Prepared }>();
  const corpusByN = new Map<number, { doc: CorpusDoc; prepared: Prepared }>();
  const loadCorpus = (n: number): { doc: CorpusDoc; prepared: Prepared } => {
    let entry = corpusByN.get(n);
    if (!entry && corpus) {
      const { doc, text, layout } = corpus.load(n);
      entry = { doc, prepared: prepare(doc.id, text, layout, template) };
      corpusByN.set(n, entry);
      corpusDocs.set(doc.id, entry);
    }
    return entry as { doc: CorpusDoc; prepared: Prepared };
  };

  const analyses = new Map<string, Analysis>();
  for (const [i, doc] of docs.entries()) {
    const candidate = texts[i]?.candidate;
    const peers = new Set<number>();
    const addPeer = (j: number): void => {
      if (j !== i) peers.add(j);
    };
    const shared = new Map<number, number>();
    const { hashes, positions } = doc.fingerprints;
    for (let f = 0; f < hashes.length; f++) {
      if (doc.blocked[positions[f] ?? 0]) continue;
      const h = hashes[f] ?? 0;
      sessionDf.eachDocument(h, addPeer);
      for (const n of corpusDf.get(h) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
    }
    const sources: { ref: SourceRef; doc: Prepared }[] = [];
    for (const j of [...peers].sort((x, y) => x - y)) {
      const other = texts[j];
      const peer = docs[j];
      if (!other || !peer) continue;
      sources.push({
        ref: { id: other.id, kind: 'session', own: other.candidate === candidate },
        doc: peer,
      });
    }
    const best = [...shared.entries()]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, options.maxCorpusSources ?? 50);
    for (const [n] of best) {
      const entry = loadCorpus(n);
      sources.push({
        ref: { id: entry.doc.id, kind: 'corpus', own: entry.doc.candidate === candidate },
        doc: entry.prepared,
      });
    }
    analyses.set(doc.id, analyse(doc, sources, alignOptions));
  }
  return { analyses, prepared, corpusDocs, commonCutoff, corpusSize };
}
