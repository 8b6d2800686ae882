import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CandidatesFile } from '../../schemas/candidates.ts';
import type { Result } from '../../schemas/result.ts';
import { Session } from '../../schemas/session.ts';
import { main } from '../../pipeline/cli.ts';
import type { Io } from '../../pipeline/output.ts';
import { renderTopics } from '../../pipeline/outcomes/topics.ts';
import { markdownTable } from '../../pipeline/results/report.ts';
import { summarise } from '../../pipeline/results/summary.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { parse } from 'yaml';
import { CANDIDATES_YAML, makeSession, SESSION_YAML } from './fixtures.ts';

const session = () => mkdtemp(join(tmpdir(), 'recevable-topics-')).then((d) => makeSession(d));

function captured(): Io & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    say: (line = '') => lines.push(line),
    print: (line = '') => lines.push(line),
    style: (_format, text) => text,
    json: (value) => lines.push(JSON.stringify(value)),
    tty: false,
  };
}

describe('the topic/tutor table in validate', () => {
  it('warns for each candidate without a topic or a tutor once the key date has passed', async () => {
    const dir = await session();
    const { problems, loaded } = await validateSession(dir, {
      now: new Date('2023-01-03T00:00:00+01:00'),
    });
    expect(loaded).toBeDefined(); // warnings never block
    expect(problems.map((p) => [p.line, p.code, p.level, p.message])).toEqual([
      [
        4,
        'SESSION_TOPIC_MISSING',
        'warning',
        'Candidate C001 has no dossier topic, due by key date tableau-sujets (2023-01-02).',
      ],
      [
        5,
        'SESSION_TOPIC_MISSING',
        'warning',
        'Candidate C002 has no dossier topic and tutor, due by key date tableau-sujets (2023-01-02).',
      ],
    ]);
  });

  it('says nothing until the end of the key date, in the session timezone', async () => {
    const dir = await session();
    const { problems } = await validateSession(dir, { now: new Date('2023-01-02T23:59:00+01:00') });
    expect(problems).toEqual([]);
  });

  it('follows rules.topicTable, and reports a key date it does not name', async () => {
    const dir = await session();
    const text = SESSION_YAML.replace(
      '  eligibility: { internshipMinMonths: 6 }',
      '  eligibility: { internshipMinMonths: 6 }\n  topicTable: nowhere',
    );
    await writeFile(join(dir, 'session.yaml'), text);
    const { problems } = await validateSession(dir, { now: new Date('2024-01-01') });
    expect(problems.map((p) => p.code)).toEqual(['SESSION_UNKNOWN_REFERENCE']);
  });

  it('exits 0 from recevable validate with warnings only, and prints them as warnings', async () => {
    const dir = await session();
    const io = captured();
    expect(await main(['validate', dir], io)).toBe(0);
    expect(io.lines.join('\n')).toContain(
      'candidates.yaml:5:5  warning Candidate C002 has no dossier topic and tutor',
    );
    expect(io.lines.at(-1)).toBe(`✔ ${dir} is valid, with 2 warnings.`);
  });

  it('refuses a pathway that ends before it starts', async () => {
    const dir = await session();
    const text = CANDIDATES_YAML.replace(
      'tutor: T01 }',
      'tutor: T01, topic: Portail, pathway: { kind: stage, from: 2023-06-01, to: 2023-01-01 } }',
    );
    await writeFile(join(dir, 'candidates.yaml'), text);
    const { problems } = await validateSession(dir, { now: new Date('2022-01-01') });
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['SESSION_INVERTED_RANGE', 4, text.split('\n')[3]!.indexOf('to: 2023-01-01') + 5],
    ]);
  });
});

describe('the staff pages of the table and of eligibility', () => {
  const finding = (status: 'pass' | 'fail', detail: string) => ({
    rule: 'eligibility',
    status,
    message: '…',
    detail,
    evidence: {},
  });

  it('lists every candidate with tutor, topic, pathway and eligibility, escaped', async () => {
    const dir = await session();
    const candidates = CandidatesFile.parse(
      parse(await readFile(join(dir, 'candidates.yaml'), 'utf8')),
    );
    candidates.candidates[0]!.topic = 'Portail <client>';
    candidates.candidates[0]!.pathway = { kind: 'stage', from: '2023-01-02', to: '2023-06-30' };
    const page = renderTopics(
      Session.parse(parse(SESSION_YAML)),
      candidates,
      new Map([
        [
          'C001',
          finding(
            'fail',
            'Internship from 2023-01-02 to 2023-06-30 (inclusive): 5 months 29 days, shorter than 6 months.',
          ),
        ],
      ]),
    );
    const html = page.replace(/\s+/g, ' ');
    expect(html).toContain('1 of 2 candidates lack a dossier topic or a tutor.');
    expect(html).toContain(
      'Eligibility (alternance, or an internship of at least 6 months): 0 pass, 1 fail, 0 review.',
    );
    expect(html).toContain('<td class="">Portail &lt;client&gt;</td>');
    expect(html).toContain('<td>stage from 2023-01-02 to 2023-06-30</td>');
    expect(html).toContain(
      '<td class="fail">fail: Internship from 2023-01-02 to 2023-06-30 (inclusive): 5 months 29 days',
    );
    expect(html).toContain('<td class="missing">none</td>'); // C002: no tutor, no topic
  });

  it('counts the eligibility findings in the CI job summary', () => {
    const result = (candidate: string, status: 'pass' | 'fail'): Result => ({
      candidate,
      status: status === 'pass' ? 'admissible' : 'not-admissible',
      checks: {
        eligibility: finding(
          status,
          status === 'pass' ? 'Alternance: eligible.' : 'Internship: 5 months.',
        ),
      },
      tool: { name: 'recevable', version: '0' },
      rules: {},
    });
    const results = [result('C001', 'pass'), result('C002', 'fail')];
    const md = markdownTable(results, summarise('test-2023', results));
    expect(md).toContain('eligibility (alternance, or internship long enough): 1 pass, 1 fail.');
    expect(md).toContain('| C002 | not-admissible | eligibility (fail): Internship: 5 months. |');
  });
});
