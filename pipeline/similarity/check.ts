/**
 * The similarity rule of a session: every readable dossier against every other and against
 * the corpus, after the exclusions. share ≥ reject → fail, ≥ review → review, else pass.
 * The candidate's message gives the share only; sources are for staff (detail, evidence).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../../schemas/result.ts';
import type { SimilarityRule } from '../../schemas/session.ts';
import { finding, type SessionCheck, type SessionEntry } from '../checks/types.ts';
import { RecevableError } from '../errors.ts';
import type { LoadedSession } from '../session/load.ts';
import { defaultAlign } from './align.ts';
import type { Analysis } from './analyse.ts';
import { INDEX_FILE, openCorpus, type CorpusIndex } from './corpus-index.ts';
import { analyseSession, type SessionAnalysis } from './session.ts';
import { loadTemplates, type Templates } from './templates.ts';
import { fromDocument } from './text-source.ts';

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
    return { analysis, templates, corpusDir, rule };
  } finally {
    corpus?.close();
  }
}

/** The finding of one candidate from its analysis. */
export function similarityFinding(analysis: Analysis, run: SessionRun, file: string): Finding {
  const { rule } = run;
  const status =
    analysis.share >= rule.reject ? 'fail' : analysis.share >= rule.review ? 'review' : 'pass';
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
    `; passages set aside: ${excluded || 'none'}; review ≥ ${percentEn(rule.review)}, reject ≥ ${percentEn(rule.reject)}.`;
  const page = counted[0]?.aPage;
  return finding(
    RULE,
    status,
    message,
    detail,
    {
      share: Number(analysis.share.toFixed(4)),
      ownWords: analysis.ownWords,
      coveredWords: analysis.coveredWords,
      passages: counted.length,
      sources: top,
      excludedWords: analysis.excludedWords,
      excludedPassages: analysis.excludedPassages,
      templates: run.templates.files,
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
  if (!rule) return out;
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
  for (const entry of entries) {
    const analysis = run.analysis.analyses.get(entry.candidate);
    if (analysis) out.set(entry.candidate, similarityFinding(analysis, run, entry.submission.file));
  }
  return out;
};
