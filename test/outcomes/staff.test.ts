import { beforeAll, describe, expect, it } from 'vitest';
import { decideOutcome } from '../../pipeline/outcomes/decide.ts';
import type { OutcomeProblem } from '../../pipeline/outcomes/problems.ts';
import { renderOverview, renderTutoring } from '../../pipeline/outcomes/staff.ts';
import { tutoringStatuses } from '../../pipeline/outcomes/tutoring.ts';
import { CandidatesFile } from '../../schemas/candidates.ts';
import type { Session } from '../../schemas/session.ts';
import { TutoringFile } from '../../schemas/tutoring.ts';
import { demoSession, outcome } from './support.ts';

let session: Session;
beforeAll(async () => {
  session = await demoSession();
});

const candidates = CandidatesFile.parse({
  candidates: [
    {
      code: 'C001',
      name: '<b>Bold</b> & Co',
      email: 'a@example.org',
      specialisation: 'B4',
      tutor: 'T01',
    },
    {
      code: 'C002',
      name: 'Plain Name',
      email: 'b@example.org',
      specialisation: 'B5',
      tutor: 'T01',
    },
  ],
  tutors: [{ id: 'T01', name: 'Tutor <script>x</script>', email: 't@example.org' }],
});

const settings = { resultsSentOn: '2023-10-03', appealDays: 14 };
const cutoffs = { individualBy: '2023-08-25', preparationBefore: '2023-09-20' };

describe('outcomes overview', () => {
  it('has one row per candidate with decision, blocks and appeal day, names escaped', () => {
    const decisions = candidates.candidates.map((c) =>
      decideOutcome(c, c.code === 'C001' ? outcome() : undefined, session, settings),
    );
    const html = renderOverview(session, candidates, decisions, []);
    expect(html).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>Bold');
    expect(html).toContain('1 total · 0 partial · 0 refusal · 1 incomplete');
    expect(html).toContain('<td class="day">2023-10-17</td>');
    expect(html).toContain('outcomes.yaml has no entry for C002');
  });

  it('lists data problems with their place and fix', () => {
    const problem: OutcomeProblem = {
      file: 'tutoring.yaml',
      line: 7,
      column: 12,
      code: 'OUTCOMES_TUTOR_MISMATCH',
      level: 'warning',
      message: 'tutoring.yaml gives C002 the tutor T03, candidates.yaml T02.',
      fix: 'Use the same tutor <here>.',
    };
    const html = renderOverview(session, candidates, [], [problem]);
    expect(html).toContain('tutoring.yaml:7:12 tutoring.yaml gives C002');
    expect(html).toContain('Use the same tutor &lt;here&gt;.');
  });
});

describe('tutoring page', () => {
  it('lists only the candidates who lack meetings, tutor names escaped', () => {
    const file = TutoringFile.parse({
      tutoring: [
        {
          candidate: 'C001',
          tutor: 'T01',
          meetings: [
            { kind: 'individual', on: '2023-03-01' },
            { kind: 'individual', on: '2023-04-01' },
            { kind: 'individual', on: '2023-05-01' },
            { kind: 'preparation', on: '2023-09-01' },
          ],
        },
      ],
    });
    const statuses = tutoringStatuses(candidates, file, cutoffs);
    const html = renderTutoring(session, candidates, statuses, cutoffs, file.required, true);
    expect([...html.matchAll(/<th scope="row">(C\d+)<\/th>/g)].map((m) => m[1])).toEqual(['C002']);
    expect(html).toContain('T01 Tutor &lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('1 of 2 candidates lack meetings.');
    expect(html).not.toContain('tutoring.yaml is absent');
  });
});
