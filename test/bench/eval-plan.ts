/**
 * `npm run eval:plan [-- --json] [--libreoffice] [--no-company] [--rule <plan.ts>]`: the plan
 * rule against hand labels — generated dossiers of every class (test/fixtures/plan-eval/) and
 * the real reports of ../shared/corpus. Prints agreement, wrong fails, wrong passes and reviews
 * per class, per case and overall, then every disagreement with the headings the reader found.
 * Files and readings are kept in the OS temp dir. `--rule` measures another version of the
 * rule, e.g. a past commit's pipeline/checks/plan.ts extracted with `git archive`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Check } from '../../pipeline/checks/types.ts';
import { evaluatePlan, type EvalRow, type Figures } from '../fixtures/plan-eval/evaluate.ts';

const percent = (x: number, n: number): string =>
  n === 0 ? '-' : `${((100 * x) / n).toFixed(1)} %`;

function table(title: string, groups: Record<string, Figures>, overall?: Figures): string {
  const rows = Object.entries(groups).map(([name, f]) => [name, f] as const);
  if (overall) rows.push(['overall', overall]);
  const width = Math.max(title.length, ...rows.map(([name]) => name.length));
  const head = `${title.padEnd(width)}  ${['n', 'agree', 'wrong fails', 'wrong passes', 'reviews', 'errors'].map((h) => h.padStart(12)).join('')}`;
  const lines = rows.map(
    ([name, f]) =>
      `${name.padEnd(width)}  ${[
        String(f.n),
        percent(f.agree, f.n),
        `${f.wrongFails} ${percent(f.wrongFails, f.n)}`,
        `${f.wrongPasses} ${percent(f.wrongPasses, f.n)}`,
        String(f.reviews),
        String(f.errors),
      ]
        .map((c) => c.padStart(12))
        .join('')}`,
  );
  return [head, ...lines].join('\n');
}

function disagreement(row: EvalRow): string {
  const kind =
    row.tool === 'review'
      ? 'review'
      : row.label === 'pass'
        ? 'WRONG FAIL'
        : row.tool === 'pass'
          ? 'WRONG PASS'
          : row.tool;
  const toc = row.toc ? `  toc pages ${row.toc.join(',')}` : '  no toc found';
  return [
    `- ${row.id} [${kind}] label ${row.label}: ${row.why}`,
    `    tool ${row.tool}: ${row.detail}`,
    `    headings:${toc}`,
    ...row.headings.map((h) => `      ${h}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      libreoffice: { type: 'boolean', default: false },
      'no-company': { type: 'boolean', default: false },
      rule: { type: 'string' },
    },
  });
  const json = values.json;
  const check = values.rule
    ? ((await import(pathToFileURL(resolve(values.rule)).href)) as { plan: Check }).plan
    : undefined;
  const result = await evaluatePlan({
    libreoffice: values.libreoffice,
    company: !values['no-company'],
    ...(check ? { check } : {}),
  });
  if (json) {
    const { overall, byClass, byCase, seconds, read, cached } = result;
    const disagreements = result.rows
      .filter((r) => r.tool !== r.label)
      .map(({ id, label, tool, why, detail }) => ({ id, label, tool, why, detail }));
    process.stdout.write(
      `${JSON.stringify({ overall, byClass, byCase, disagreements, seconds, read, cached }, null, 2)}\n`,
    );
    return;
  }
  const wrong = result.rows.filter((r) => r.tool !== r.label);
  process.stdout.write(
    `${table('class', result.byClass, result.overall)}\n\n${table('case', result.byCase)}\n\n` +
      `bar: agreement ≥ 95 %, 0 wrong fails, wrong passes ≤ 3 % — ${result.rows.length} items (${result.read} read, ${result.cached} cached), ${result.seconds.toFixed(1)} s\n\n` +
      `disagreements (${wrong.length}):\n${wrong.map(disagreement).join('\n')}\n`,
  );
}

if (import.meta.main) await main();
