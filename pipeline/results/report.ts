/**
 * How a check run is shown: a summary table for people (stderr), a Markdown table for the
 * GitHub Actions job summary, and one workflow annotation per dossier that is not admissible.
 */
import { appendFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Finding, Result, ResultsSummary } from '../../schemas/result.ts';
import type { Io } from '../output.ts';

/** Rules whose finding is not `pass`, each as `rule: status`. */
const problems = (result: Result): [string, Finding][] =>
  Object.entries(result.checks).filter(([, f]) => f.status !== 'pass');

/** `eligibility: 27 pass, 1 fail, 2 review` over the results that carry the rule; undefined without it. */
function eligibilityLine(results: readonly Result[]): string | undefined {
  const found = results.flatMap((r) => (r.checks['eligibility'] ? [r.checks['eligibility']] : []));
  if (found.length === 0) return undefined;
  const counts = (['pass', 'fail', 'review', 'error'] as const)
    .map((s) => [s, found.filter((f) => f.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `eligibility (alternance, or internship long enough): ${counts.join(', ')}`;
}

const COLOUR = {
  admissible: 'green',
  'not-admissible': 'red',
  'needs-review': 'yellow',
  error: 'magenta',
} as const;

/** The summary table on stderr: one line per checked candidate, then the counts. */
export function printTable(io: Io, results: Result[], summary: ResultsSummary): void {
  io.say(`${'candidate'.padEnd(10)} ${'status'.padEnd(15)} why`);
  for (const result of results) {
    const why = problems(result)
      .map(([rule, f]) => `${rule} ${f.status}: ${f.detail}`)
      .join(' | ');
    io.say(
      `${result.candidate.padEnd(10)} ${io.style(COLOUR[result.status], result.status.padEnd(15))} ${why}`,
    );
  }
  for (const f of summary.findings) io.say(`${io.style('yellow', 'warning')} ${f.detail}`);
  const counts = Object.entries(summary.counts)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  io.say(`\n${summary.candidates.length} candidates: ${counts}.`);
  const eligible = eligibilityLine(results);
  if (eligible) io.say(`${eligible}.`);
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The Markdown table appended to `$GITHUB_STEP_SUMMARY`. */
export function markdownTable(results: Result[], summary: ResultsSummary): string {
  const lines = [
    `### Admissibility — ${summary.session}`,
    '',
    Object.entries(summary.counts)
      .map(([status, n]) => `**${n}** ${status}`)
      .join(' · '),
    ...(eligibilityLine(results) ? ['', `${eligibilityLine(results)}.`] : []),
    '',
    '| candidate | status | rules not passed |',
    '| --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.candidate} | ${r.status} | ${cell(
          problems(r)
            .map(([rule, f]) => `${rule} (${f.status}): ${f.detail}`)
            .join('<br>'),
        )} |`,
    ),
    ...summary.findings.map((f) => `| — | warning | ${cell(f.detail)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

// Workflow command escaping (actions/toolkit: command.ts).
const escapeData = (s: string) =>
  s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** One `::error` (not admissible, error) or `::warning` (needs review) line per dossier. */
export function annotations(results: Result[], sessionDir: string, cwd = process.cwd()): string[] {
  return results
    .filter((r) => r.status !== 'admissible')
    .map((r) => {
      const level = r.status === 'needs-review' ? 'warning' : 'error';
      const file = relative(cwd, `${sessionDir}/${r.submission?.file ?? 'submissions.yaml'}`);
      const why = problems(r)
        .map(([rule, f]) => `${rule}: ${f.detail}${f.place?.page ? ` (p. ${f.place.page})` : ''}`)
        .join(' ');
      return `::${level} file=${escapeProperty(file)},title=${escapeProperty(`${r.candidate} ${r.status}`)}::${escapeData(why)}`;
    });
}

/**
 * In a GitHub Actions job: the Markdown table appended to the job summary and one annotation
 * per dossier that is not admissible. Elsewhere nothing. True when some dossier is not
 * admissible (what `--strict` gates on).
 */
export async function reportToCi(
  results: Result[],
  summary: ResultsSummary,
  sessionDir: string,
  io: Io,
): Promise<boolean> {
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
    if (summaryFile) await appendFile(summaryFile, markdownTable(results, summary));
    for (const line of annotations(results, sessionDir)) io.say(line);
  }
  return results.some((r) => r.status !== 'admissible');
}
