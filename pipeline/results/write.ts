/**
 * Writes result files deterministically and atomically: validated by `schemas/result.ts`,
 * keys in schema order, no time of the run, written through a temporary file and a rename,
 * and not rewritten at all when the bytes would not change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Result, ResultsSummary } from '../../schemas/result.ts';
import { writeIfChanged } from '../files/atomic.ts';

/** The tool recorded in every result, for reproducibility. */
export const tool: { name: string; version: string } = {
  name: 'recevable',
  version: (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version,
};

const HEADER = '# Written by `recevable check`; edits are overwritten on the next run.\n';

/** Deterministic YAML text: no line folding, no anchors. */
function toYaml(value: unknown): string {
  return HEADER + stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The file of a candidate's result. */
export const resultFile = (resultsDir: string, candidate: string): string =>
  join(resultsDir, `${candidate}.yaml`);

/** The text of `results/<code>.yaml` for a result, validated. */
export function resultYaml(result: Result): string {
  return toYaml(Result.parse(result));
}

/** Validates and writes `results/<code>.yaml`; true when the file changed. */
export async function writeResult(resultsDir: string, result: Result): Promise<boolean> {
  return writeIfChanged(resultFile(resultsDir, result.candidate), resultYaml(result));
}

/** Validates and writes `results/summary.yaml`; true when the file changed. */
export async function writeSummary(resultsDir: string, summary: ResultsSummary): Promise<boolean> {
  const valid = ResultsSummary.parse(summary);
  return writeIfChanged(join(resultsDir, 'summary.yaml'), toYaml(valid));
}
