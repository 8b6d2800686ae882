/**
 * `recevable report`: reads the decided dossier of every candidate, runs the similarity
 * analysis as the check does, and writes the staff pages into `<session>/reports/`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseSubmissions } from '../checks/submissions.ts';
import { writeIfChanged } from '../files/atomic.ts';
import type { SessionEntry } from '../checks/types.ts';
import { Errors, recevableError } from '../errors.ts';
import { placeFile } from '../checks/place.ts';
import { isReadError } from '../read/index.ts';
import { documentCache, readThroughCache } from '../results/cache.ts';
import { loadSession } from '../session/load.ts';
import { arrivals, runSimilarity, similarityFinding } from './check.ts';
import { findTricks } from '../manipulation/tricks.ts';
import { candidatePage, indexPage, sourceSection } from './report-html.ts';

/** What `writeReports` did. */
export interface ReportSummary {
  readonly dir: string;
  readonly pages: string[];
  readonly unreadable: { candidate: string; file: string; reason: string }[];
}

/** Writes one page per candidate and an index page; returns the files written. */
export async function writeReports(sessionDir: string): Promise<ReportSummary> {
  const loaded = await loadSession(sessionDir);
  const rule = loaded.session.rules.similarity;
  if (!rule) throw recevableError(Errors.ReportNoRule, join(loaded.dir, 'session.yaml'));
  const entries: SessionEntry[] = [];
  const unreadable: ReportSummary['unreadable'] = [];
  // The same reading options as `check`, so its cache serves here.
  const readOptions = { libreoffice: true };
  const cache = documentCache(loaded.dir, readOptions);
  for (const chosen of chooseSubmissions(loaded).chosen) {
    const submission = chosen.submission;
    if (!submission) continue;
    const placed = await placeFile(loaded.dir, submission.file);
    if ('finding' in placed) {
      const reason = placed.finding.detail;
      unreadable.push({ candidate: chosen.candidate, file: submission.file, reason });
      continue;
    }
    const { document } = await readThroughCache(cache, placed.path, submission.file, readOptions);
    if (isReadError(document))
      unreadable.push({
        candidate: chosen.candidate,
        file: submission.file,
        reason: document.error.message,
      });
    else entries.push({ candidate: chosen.candidate, document, submission });
  }
  const run = await runSimilarity(entries, loaded, rule);
  const arrival = arrivals(entries, loaded);
  const { analysis } = run;
  const dir = join(loaded.dir, 'reports');
  await mkdir(dir, { recursive: true });
  const pages: string[] = [];
  const lines = [];
  for (const entry of entries) {
    const result = analysis.analyses.get(entry.candidate);
    const own = analysis.prepared.get(entry.candidate);
    if (!result || !own) continue;
    const status = similarityFinding(
      result,
      run,
      entry.submission.file,
      arrival(entry.candidate),
    ).status;
    const bySource = new Map<string, typeof result.matches>();
    for (const m of result.matches) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);
    const sections = [...bySource.entries()]
      .sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]))
      .slice(0, 8)
      .map(([id, matches], i) => {
        const session = analysis.prepared.get(id);
        const corpus = analysis.corpusDocs.get(id);
        const other = session?.text ?? corpus?.prepared.text ?? '';
        return sourceSection(
          entry.candidate,
          id,
          session ? 'session' : 'corpus',
          own.text,
          other,
          matches,
          i === 0,
        );
      });
    const file = `${entry.candidate}.html`;
    const tricks = findTricks(entry.document);
    await writeIfChanged(
      join(dir, file),
      candidatePage(entry.candidate, status, result, sections, tricks),
    );
    pages.push(file);
    lines.push({
      code: entry.candidate,
      status,
      share: result.share,
      passages: result.matches.filter((m) => !m.excluded).length,
      top: result.sources[0]?.id ?? '',
    });
  }
  await writeIfChanged(join(dir, 'index.html'), indexPage(loaded.session.id, lines));
  pages.push('index.html');
  return { dir, pages, unreadable };
}
