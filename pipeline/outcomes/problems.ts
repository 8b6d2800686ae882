/**
 * Problems of outcomes.yaml and tutoring.yaml as staff read them: the cross-file findings of
 * `crosscheck.ts`, placed at their line and column. `run.ts` produces them, the staff pages
 * and the CLI print them.
 */
import { join } from 'node:path';
import { locate } from '../session/locate.ts';
import { readYamlFile } from '../session/read.ts';
import type { CrossFinding } from './crosscheck.ts';

/** A problem of outcomes.yaml or tutoring.yaml, placed at its line and column. */
export interface OutcomeProblem {
  /** `outcomes.yaml`, `tutoring.yaml` or `session.yaml`. */
  readonly file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  readonly line: number;
  readonly column: number;
  /** Stable code from the error catalogue. */
  readonly code: string;
  /** `error`: the entry was not used (exit 1); `warning`: used, but staff should look. */
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly fix: string;
}

/** Places findings at their line and column (the files were valid a moment ago). */
export async function placeFindings(
  dir: string,
  findings: readonly CrossFinding[],
): Promise<OutcomeProblem[]> {
  const problems: OutcomeProblem[] = [];
  for (const file of [...new Set(findings.map((f) => f.file))]) {
    const parsed = (await readYamlFile(join(dir, file), file)).parsed;
    for (const f of findings.filter((x) => x.file === file)) {
      const at = parsed
        ? locate(parsed.doc, parsed.lines, f.path, f.target)
        : { line: 1, column: 1 };
      problems.push({ file, ...at, code: f.code, level: f.level, message: f.message, fix: f.fix });
    }
  }
  return problems;
}
