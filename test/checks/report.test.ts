import { describe, expect, it } from 'vitest';
import { annotations, markdownTable } from '../../pipeline/results/report.ts';
import { summarise } from '../../pipeline/results/summary.ts';
import { tool } from '../../pipeline/results/write.ts';
import type { Finding, Result } from '../../schemas/result.ts';

const f = (rule: string, status: Finding['status'], detail: string, page?: number): Finding => ({
  rule,
  status,
  message: 'm',
  detail,
  evidence: {},
  place: page ? { file: 'submissions/C002.pdf', page } : { file: 'submissions/C002.pdf' },
});
const result = (candidate: string, status: Result['status'], checks: Finding[]): Result => ({
  candidate,
  status,
  submission: { file: `submissions/${candidate}.pdf`, receivedAt: '2023-08-24T10:00', ignored: [] },
  checks: Object.fromEntries(checks.map((c) => [c.rule, c])),
  tool,
  rules: {},
});
const results = [
  result('C001', 'admissible', [f('pages', 'pass', '55 pages')]),
  result('C002', 'not-admissible', [
    f('pages', 'fail', '49 pages | exact'),
    f('plan', 'fail', 'missing: conclusion', 12),
  ]),
  result('C003', 'needs-review', [f('format', 'review', 'scanned,\nno text: 100%')]),
];

describe('GitHub Actions output', () => {
  it('lists the rules not passed in a Markdown table, escaping pipes', () => {
    const md = markdownTable(results, summarise('epsi-2023', results));
    expect(md).toContain(
      '**1** admissible · **1** not-admissible · **1** needs-review · **0** error',
    );
    expect(md).toContain(
      '| C002 | not-admissible | pages (fail): 49 pages \\| exact<br>plan (fail): missing: conclusion |',
    );
    expect(md).toContain('| C001 | admissible |  |');
  });

  it('annotates each dossier that is not admissible, escaping workflow command characters', () => {
    const lines = annotations(results, '/repo/content/demo', '/repo');
    expect(lines).toEqual([
      '::error file=content/demo/submissions/C002.pdf,title=C002 not-admissible::pages: 49 pages | exact plan: missing: conclusion (p. 12)',
      '::warning file=content/demo/submissions/C003.pdf,title=C003 needs-review::format: scanned,%0Ano text: 100%25',
    ]);
  });
});
