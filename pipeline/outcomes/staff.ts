/**
 * Staff pages of `recevable outcomes` (never published: they name candidates): the outcomes
 * overview and the list of candidates who lack tutor meetings. In English, like the CLI.
 */
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { Session } from '../../schemas/session.ts';
import type { Decision, OutcomeDecision, OutcomeReason } from './decide.ts';
import { markup, page, type Raw } from './html.ts';
import type { OutcomeProblem as Problem } from './problems.ts';
import type { TutoringCutoffs, TutoringStatus } from './tutoring.ts';

const CSS = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f6; }
.day { white-space: nowrap; }
.total { color: #0b5d1e; } .partial { color: #7a4a00; } .refusal { color: #9b1c1c; } .incomplete { color: #3d3d9e; }
.warning { color: #7a4a00; } .error { color: #9b1c1c; }
@media print { body { margin: 0; font-size: 10pt; } }
`;

const LABELS: Record<Decision, string> = {
  total: 'total',
  partial: 'partial',
  refusal: 'refusal',
  incomplete: 'incomplete',
};

/** Reasons staff should see beside a decision: data to fix, and the surprising refusal. */
const noteworthy = (r: OutcomeReason) =>
  r.level === 'warning' || r.code === 'final-exam-without-block';

function problemList(problems: readonly Problem[]): Raw {
  if (problems.length === 0) return markup`<p>No problem in outcomes.yaml or tutoring.yaml.</p>`;
  return markup`<ul>
    ${problems.map(
      (p) =>
        markup`<li>
          <span class="${p.level}">${p.level}</span>
          ${p.file}:${p.line}:${p.column} ${p.message}
          <em>Fix:</em> ${p.fix} [${p.code}]
        </li> `,
    )}
  </ul>`;
}

/** The outcomes overview: one row per candidate, counts per decision, data problems. */
export function renderOverview(
  session: Session,
  candidates: CandidatesFile,
  outcomes: readonly OutcomeDecision[],
  problems: readonly Problem[],
): string {
  const names = new Map(candidates.candidates.map((c) => [c.code, c]));
  const counts = (['total', 'partial', 'refusal', 'incomplete'] as const).map(
    (d) => `${outcomes.filter((o) => o.decision === d).length} ${LABELS[d]}`,
  );
  const body = markup`<main>
    <h1>Outcomes — ${session.title}</h1>
    <p>Staff only: this page names candidates. ${counts.join(' · ')}.</p>
    <p><a href="topics.html">Topics, tutors and eligibility</a></p>
    <h2>Data problems</h2>
    ${problemList(problems)}
    <table>
      <caption>
        Decision per candidate
      </caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col">Specialisation</th>
          <th scope="col">Decision</th>
          <th scope="col">Validated blocks</th>
          <th scope="col">Not validated</th>
          <th scope="col">Final exam</th>
          <th scope="col">Missing</th>
          <th scope="col">Appeal until</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        ${outcomes.map((o) => {
          const candidate = names.get(o.candidate);
          const notes = o.reasons.filter(noteworthy);
          return markup`<tr>
            <th scope="row">${o.candidate}</th>
            <td>${candidate?.name}</td>
            <td>${candidate?.specialisation}</td>
            <td class="${o.decision}">${LABELS[o.decision]}</td>
            <td>${o.validatedBlocks.join(', ')}</td>
            <td>${o.notValidatedBlocks.join(', ')}</td>
            <td>${o.finalExam}</td>
            <td>${o.missing?.join(', ')}</td>
            <td class="day">${o.appealUntil}</td>
            <td>${notes.map((r) => r.message).join('; ')}</td>
          </tr> `;
        })}
      </tbody>
    </table>
  </main>`;
  return page({ lang: 'en', title: `Outcomes — ${session.id}`, css: CSS, body });
}

/** Candidates who lack tutor meetings, with the cut-offs used. */
export function renderTutoring(
  session: Session,
  candidates: CandidatesFile,
  statuses: readonly TutoringStatus[],
  cutoffs: TutoringCutoffs,
  required: { individual: number; preparation: number },
  recorded: boolean,
): string {
  const names = new Map(candidates.candidates.map((c) => [c.code, c.name]));
  const tutors = new Map(candidates.tutors.map((t) => [t.id, t.name]));
  const lacking = statuses.filter((s) => s.lacks.length > 0);
  const body = markup`<main>
    <h1>Tutor meetings — ${session.title}</h1>
    <p>
      Staff only: this page names candidates. Each candidate is owed ${required.individual}
      individual meetings held by the dossier deadline (${cutoffs.individualBy}, inclusive) and
      ${required.preparation} defence preparation held before the first defence day
      (${cutoffs.preparationBefore}).
    </p>
    ${recorded ? '' : markup`<p class="warning">tutoring.yaml is absent: no meeting is recorded, so every candidate is listed.</p>`}
    <p>${lacking.length} of ${statuses.length} candidates lack meetings.</p>
    <table>
      <caption>
        Candidates who lack tutor meetings
      </caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col">Tutor</th>
          <th scope="col">Individual by deadline</th>
          <th scope="col">Individual after deadline</th>
          <th scope="col">Preparation</th>
          <th scope="col">Lacks</th>
        </tr>
      </thead>
      <tbody>
        ${lacking.map(
          (s) =>
            markup`<tr>
              <th scope="row">${s.candidate}</th>
              <td>${names.get(s.candidate)}</td>
              <td>${s.tutor ? `${s.tutor} ${tutors.get(s.tutor) ?? ''}`.trim() : 'none'}</td>
              <td>${s.individual} / ${required.individual}</td>
              <td>${s.lateIndividual}</td>
              <td>${s.preparation} / ${required.preparation}</td>
              <td>${s.lacks.join(', ')}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </main>`;
  return page({ lang: 'en', title: `Tutor meetings — ${session.id}`, css: CSS, body });
}
