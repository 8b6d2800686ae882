/**
 * The similarity rule of a session: every readable dossier against every other and against
 * the corpus, after the exclusions. share ≥ reject → fail, ≥ review → review, else pass.
 * The candidate's message gives the share only; sources are for staff (detail, evidence).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../../schemas/result.ts';
import type { SimilarityRule } from '../../schemas/session.ts';
import { NOT_APPLICABLE } from '../checks/session-checks.ts';
import { finding, type SessionCheck, type SessionEntry } from '../checks/types.ts';
import { RecevableError } from '../errors.ts';
import type { LoadedSession } from '../session/load.ts';
import { defaultAlign } from './align.ts';
import type { Analysis } from './analyse.ts';
import { INDEX_FILE, openCorpus, type CorpusIndex } from './corpus-index.ts';
import { analyseSession, type SessionAnalysis } from './session.ts';
import { loadTemplates, type Templates } from './templates.ts';
import { fromDocument } from './text-source.ts';
import { toInstant } from '../time.ts';

const RULE = 'similarity';
const percent = (share: number): string => `${(share * 100).toFixed(1).replace('.', ',')} %`;
const percentEn = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** The corpus folder of a session: `rules.similarity.corpus`, relative to session.yaml. */
export const corpusDirOf = (loaded: LoadedSession, rule: SimilarityRule): string =>
  resolve(loaded.dir, rule.corpus);

/** What the analysis of a session used, for the findings and the staff report. */
export interface SessionRun {
  readonly analysis: SessionAnalysis;
  readonly templates: Templates;
  readonly corpusDir: string;
  /** False when the corpus folder holds no index: the dossiers were compared with each other only. */
  readonly corpusFound: boolean;
  readonly rule: SimilarityRule;
}

/** Analyses the entries of a session with its rule, template and corpus. Throws on a corrupt corpus. */
export async function runSimilarity(
  entries: readonly SessionEntry[],
  loaded: LoadedSession,
  rule: SimilarityRule,
): Promise<SessionRun> {
  const templates = await loadTemplates(loaded.dir);
  const corpusDir = corpusDirOf(loaded, rule);
  let corpus: CorpusIndex | undefined;
  if (existsSync(join(corpusDir, INDEX_FILE))) corpus = openCorpus(corpusDir);
  try {
    const analysis = analyseSession(
      entries.map((e) => ({
        id: e.candidate,
        candidate: e.candidate,
        ...fromDocument(e.document),
      })),
      { template: templates.grams, corpus, align: { ...defaultAlign, minWords: rule.minWords } },
    );
    return { analysis, templates, corpusDir, corpusFound: corpus !== undefined, rule };
  } finally {
    corpus?.close();
  }
}

/** Tokens covered by the union of the passages' spans in the candidate's text. */
function spanned(matches: readonly Analysis['matches'][number][]): number {
  const spans = matches.map((m) => [m.aStart, m.aEnd] as const).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -1;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/** When a session source arrived compared with the candidate's dossier, to the second. */
export type Arrival = 'earlier' | 'same' | 'later';

/**
 * The share that can be held against the candidate: passages found in the corpus or in a
 * session dossier received strictly earlier. Text shared only with dossiers received later
 * may be the candidate's own work copied by others, and text shared with a dossier received
 * in the same second cannot be told apart: on its own, either asks for a human review.
 */
function priorShare(analysis: Analysis, arrival: (source: string) => Arrival): number {
  const counted = analysis.matches.filter((m) => !m.excluded);
  const all = spanned(counted);
  if (all === 0) return 0;
  const kinds = new Map(analysis.sources.map((s) => [s.id, s.kind]));
  const prior = counted.filter(
    (m) => kinds.get(m.source) === 'corpus' || arrival(m.source) === 'earlier',
  );
  return (analysis.share * spanned(prior)) / all;
}

/**
 * For a candidate, when each session source was received compared with their dossier. Times
 * are compared to the second, the precision of a mail server's receipt: two dossiers received
 * within the same second arrived together.
 */
export function arrivals(
  entries: readonly SessionEntry[],
  loaded: LoadedSession,
): (candidate: string) => (source: string) => Arrival {
  const zone = loaded.session.timezone;
  const received = new Map(
    entries.map((e) => [
      e.candidate,
      Math.floor(toInstant(e.submission.receivedAt, zone).getTime() / 1000),
    ]),
  );
  return (candidate) => {
    const mine = received.get(candidate) ?? 0;
    return (source) => {
      const theirs = received.get(source);
      if (theirs === undefined) return 'earlier';
      return theirs < mine ? 'earlier' : theirs === mine ? 'same' : 'later';
    };
  };
}

/** The finding of one candidate from its analysis. */
export function similarityFinding(
  analysis: Analysis,
  run: SessionRun,
  file: string,
  arrival: (source: string) => Arrival = () => 'earlier',
): Finding {
  const { rule } = run;
  const held = priorShare(analysis, arrival);
  const sessionSources = analysis.sources.filter((s) => s.kind === 'session').map((s) => s.id);
  const sameSecond = sessionSources.filter((id) => arrival(id) === 'same');
  const later = sessionSources.filter((id) => arrival(id) === 'later');
  const status = held >= rule.reject ? 'fail' : analysis.share >= rule.review ? 'review' : 'pass';
  const laterOnly = status !== 'fail' && analysis.share >= rule.reject;
  const counted = analysis.matches.filter((m) => !m.excluded);
  const message =
    status === 'fail'
      ? `Similarité : ${percent(analysis.share)} de votre texte se retrouve dans d'autres documents (seuil de refus : ${percent(rule.reject)}). Le dossier n'est pas recevable en l'état.`
      : status === 'review'
        ? `Similarité : ${percent(analysis.share)} de votre texte se retrouve dans d'autres documents (seuil d'examen : ${percent(rule.review)}). L'équipe pédagogique examinera les passages concernés.`
        : `Similarité : ${percent(analysis.share)} de votre texte se retrouve ailleurs, sous le seuil d'examen de ${percent(rule.review)}.`;
  const top = analysis.sources.slice(0, 5).map((s) => ({
    source: s.id,
    kind: s.kind,
    words: s.words,
    share: analysis.ownWords ? Number((s.words / analysis.ownWords).toFixed(4)) : 0,
    passages: s.passages,
  }));
  const excluded = Object.entries(analysis.excludedPassages)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const detail =
    `${percentEn(analysis.share)} of own prose (${analysis.coveredWords}/${analysis.ownWords} words) matched in ${counted.length} passage(s)` +
    (top.length
      ? `; top sources: ${top.map((t) => `${t.source} (${t.kind}, ${t.words} words)`).join(', ')}`
      : '') +
    `; passages set aside: ${excluded || 'none'}; review ≥ ${percentEn(rule.review)}, reject ≥ ${percentEn(rule.reject)}.` +
    (laterOnly
      ? ` Only ${percentEn(held)} comes from the corpus or dossiers received earlier: the rest is shared with dossiers received later, so this one may be their source; a person decides.`
      : '') +
    (later.length > 0
      ? ` Received before ${later.join(', ')}: the text shared with them is not held against this dossier (shareFromEarlier), which may be their source.`
      : '') +
    (sameSecond.length > 0
      ? ` Received in the same second as ${sameSecond.join(', ')}: neither can be told the source of the other, so the text they share is held against neither and both go to review.`
      : '') +
    (run.corpusFound
      ? ''
      : ` No corpus index in ${rule.corpus}: compared with the other dossiers of the session only.`);
  const page = counted[0]?.aPage;
  return finding(
    RULE,
    status,
    message,
    detail,
    {
      share: Number(analysis.share.toFixed(4)),
      shareFromEarlier: Number(held.toFixed(4)),
      ownWords: analysis.ownWords,
      coveredWords: analysis.coveredWords,
      passages: counted.length,
      sources: top,
      excludedWords: analysis.excludedWords,
      excludedPassages: analysis.excludedPassages,
      ...(later.length > 0 ? { receivedLater: later } : {}),
      ...(sameSecond.length > 0 ? { receivedSameSecond: sameSecond } : {}),
      templates: run.templates.files,
      corpus: rule.corpus,
      corpusFound: run.corpusFound,
      corpusDocuments: run.analysis.corpusSize,
      commonCutoff: run.analysis.commonCutoff,
    },
    page === undefined ? { file } : { file, page },
  );
}

/** The session-level similarity check (wired by the check orchestrator). */
export const checkSimilarity: SessionCheck = async (entries, loaded) => {
  const out = new Map<string, Finding>();
  const rule = loaded.session.rules.similarity;
  if (!rule) return NOT_APPLICABLE;
  let run: SessionRun;
  try {
    run = await runSimilarity(entries, loaded, rule);
  } catch (error) {
    const reason =
      error instanceof RecevableError ? `${error.message} ${error.hint}` : String(error);
    for (const entry of entries)
      out.set(
        entry.candidate,
        finding(
          RULE,
          'error',
          "La similarité n'a pas pu être vérifiée automatiquement ; l'équipe pédagogique examinera votre dossier.",
          `Similarity not checked: ${reason}`,
          { reason },
          { file: entry.submission.file },
        ),
      );
    return out;
  }
  const arrival = arrivals(entries, loaded);
  for (const entry of entries) {
    const analysis = run.analysis.analyses.get(entry.candidate);
    if (!analysis) continue;
    out.set(
      entry.candidate,
      similarityFinding(analysis, run, entry.submission.file, arrival(entry.candidate)),
    );
  }
  return out;
};
