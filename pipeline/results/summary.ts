/** The session summary (`results/summary.yaml`) and the overall status of one result. */
import type { Finding, Result, ResultStatus, ResultsSummary } from '../../schemas/result.ts';
import { tool } from './write.ts';

const ORDER: ResultStatus[] = ['admissible', 'not-admissible', 'needs-review', 'error'];

/**
 * Overall status from the findings: any `fail` → not-admissible (a late or missing dossier is
 * not admissible whatever its file); else any `error` → error; else any `review` →
 * needs-review; else admissible.
 */
export function overallStatus(findings: Iterable<Finding>): ResultStatus {
  const statuses = new Set([...findings].map((f) => f.status));
  if (statuses.has('fail')) return 'not-admissible';
  if (statuses.has('error')) return 'error';
  if (statuses.has('review')) return 'needs-review';
  return 'admissible';
}

/** Counts per status (every status present, in a fixed order) and one line per candidate. */
export function summarise(
  session: string,
  results: Result[],
  findings: Finding[] = [],
): ResultsSummary {
  const sorted = [...results].sort((a, b) => a.candidate.localeCompare(b.candidate, 'en'));
  const counts = Object.fromEntries(ORDER.map((status) => [status, 0])) as Record<
    ResultStatus,
    number
  >;
  for (const result of sorted) counts[result.status] += 1;
  return {
    session,
    counts,
    candidates: sorted.map(({ candidate, status }) => ({ candidate, status })),
    tool,
    findings,
  };
}
