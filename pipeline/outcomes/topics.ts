/**
 * The staff page of the « Sujet dossier / tuteurs » table (`reports/outcomes/topics.html`,
 * never published: it names candidates): each candidate's dossier topic, tutor, contract and
 * its dates, and the `eligibility` finding of their latest result. In English, like the CLI.
 */
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { Finding } from '../../schemas/result.ts';
import type { Session } from '../../schemas/session.ts';
import { markup, page } from './html.ts';

const CSS = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f6; }
.missing { color: #7a4a00; } .pass { color: #0b5d1e; } .fail { color: #9b1c1c; } .review { color: #7a4a00; }
@media print { body { margin: 0; font-size: 10pt; } }
`;

/** The table, one row per candidate; `eligibility` by candidate code, from `results/`. */
export function renderTopics(
  session: Session,
  candidates: CandidatesFile,
  eligibility: ReadonlyMap<string, Finding>,
): string {
  const tutors = new Map(candidates.tutors.map((t) => [t.id, t.name]));
  const list = candidates.candidates;
  const lacking = list.filter((c) => !c.topic || !c.tutor).length;
  const counts = ['pass', 'fail', 'review'].map(
    (s) => `${[...eligibility.values()].filter((f) => f.status === s).length} ${s}`,
  );
  const body = markup`<main>
    <h1>Topics, tutors and eligibility — ${session.title}</h1>
    <p>
      Staff only: this page names candidates. ${lacking} of ${list.length} candidates lack a
      dossier topic or a tutor.${
        session.rules.eligibility
          ? ` Eligibility (alternance, or an internship of at least ${session.rules.eligibility.internshipMinMonths} months): ${counts.join(', ')}.`
          : ' The session sets no eligibility rule.'
      }
    </p>
    <table>
      <caption>
        The « Sujet dossier / tuteurs » table
      </caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col">Specialisation</th>
          <th scope="col">Tutor</th>
          <th scope="col">Dossier topic</th>
          <th scope="col">Pathway</th>
          <th scope="col">Eligibility</th>
        </tr>
      </thead>
      <tbody>
        ${list.map((c) => {
          const found = eligibility.get(c.code);
          const pathway = c.pathway
            ? [
                c.pathway.kind,
                c.pathway.from && `from ${c.pathway.from}`,
                c.pathway.to && `to ${c.pathway.to}`,
              ]
                .filter(Boolean)
                .join(' ')
            : undefined;
          return markup`<tr>
            <th scope="row">${c.code}</th>
            <td>${c.name}</td>
            <td>${c.specialisation}</td>
            <td class="${c.tutor ? '' : 'missing'}">${c.tutor ? `${c.tutor} ${tutors.get(c.tutor) ?? ''}`.trim() : 'none'}</td>
            <td class="${c.topic ? '' : 'missing'}">${c.topic ?? 'none'}</td>
            <td>${pathway ?? 'not given'}</td>
            <td class="${found?.status ?? ''}">${found ? `${found.status}: ${found.detail}` : 'not checked'}</td>
          </tr> `;
        })}
      </tbody>
    </table>
  </main>`;
  return page({ lang: 'en', title: `Topics and tutors — ${session.id}`, css: CSS, body });
}
