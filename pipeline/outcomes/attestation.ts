/**
 * The printable attestation a candidate receives, in French, on one A4 page: "attestation de
 * réussite totale" or "partielle", naming each validated block with its exact title from
 * session.yaml. Refusal and incomplete outcomes have none.
 */
import type { Candidate } from '../../schemas/candidates.ts';
import type { Session } from '../../schemas/session.ts';
import type { Decision, OutcomeDecision } from './decide.ts';
import { frenchDay, markup, page } from './html.ts';

const CSS = `
@page { size: A4; margin: 20mm 22mm; }
* { box-sizing: border-box; }
html { color: #1a1a1a; background: #fff; }
body { margin: 0; font: 12pt/1.5 Georgia, "DejaVu Serif", "Liberation Serif", serif; }
main { max-width: 166mm; margin: 0 auto; padding: 12mm 0; }
.issuer { font-size: 11pt; letter-spacing: 0.04em; text-transform: uppercase; margin: 0; }
.session { font-size: 11pt; margin: 0.2em 0 0; }
h1 { font-size: 22pt; line-height: 1.2; margin: 14mm 0 10mm; text-align: center; }
.name { font-size: 16pt; font-weight: bold; text-align: center; margin: 0.5em 0; }
.blocks { margin: 1em 0; padding: 0; list-style: none; }
.blocks li { margin: 0 0 0.6em; padding: 0.4em 0.8em; border-left: 3px solid #1f3a68; }
.blocks .id { font-weight: bold; margin-right: 0.5em; }
.exam { font-style: italic; }
.note, .appeal { font-size: 10.5pt; }
footer { margin-top: 14mm; display: flex; justify-content: space-between; gap: 10mm; }
footer p { flex: 1; }
.signature { text-align: right; min-height: 28mm; }
@media print { main { padding: 0; } }
`;

/** Title of the attestation for a decision; undefined when the decision gives none. */
export function attestationTitle(decision: Decision): string | undefined {
  if (decision === 'total') return 'Attestation de réussite totale';
  if (decision === 'partial') return 'Attestation de réussite partielle';
  return undefined;
}

/** The attestation as a complete HTML document; undefined for refusal and incomplete. */
export function renderAttestation(
  outcome: OutcomeDecision,
  candidate: Candidate,
  session: Session,
  appealDays: number,
): string | undefined {
  const title = attestationTitle(outcome.decision);
  if (!title) return undefined;
  const blocks = session.blocks.filter((b) => outcome.validatedBlocks.includes(b.id));
  const total = outcome.decision === 'total';
  const opening = total
    ? 'a validé l’ensemble des blocs de compétences de la certification\u00a0:'
    : 'a validé les blocs de compétences suivants\u00a0:';
  const exam =
    outcome.finalExam === 'validated'
      ? markup`<p class="exam">${total ? 'ainsi que l’épreuve finale de certification' : 'L’épreuve finale de certification est également validée'} (dossier professionnel\u00a0: production écrite et soutenance orale).</p>`
      : markup`<p class="note">Les blocs de compétences et l’épreuve finale qui ne figurent pas sur cette attestation ne sont pas validés à ce jour.</p>`;
  const appeal = outcome.appealUntil
    ? markup`<p class="appeal">En cas de désaccord sur ce résultat, le ou la candidat·e peut entamer le dialogue avec le ou la responsable pédagogique du campus jusqu’au ${frenchDay(outcome.appealUntil)} inclus (${appealDays} jours après la communication des résultats).</p>`
    : '';
  const sent = outcome.resultsSentOn
    ? `Résultats communiqués le ${frenchDay(outcome.resultsSentOn)}.`
    : '';
  const body = markup`<main>
<header>
<p class="issuer">${session.defence.venue.name}</p>
<p class="session">${session.title}</p>
</header>
<h1>${title}</h1>
<p>La commission nationale de certification atteste que</p>
<p class="name">${candidate.name}</p>
<p>candidat·e n°\u00a0${candidate.code}, ${opening}</p>
<ul class="blocks">
${blocks.map(
  (b) => markup`<li><span class="id">${b.id}</span> ${b.title}</li>
`,
)}</ul>
${exam}
${appeal}
<footer>
<p>${sent}</p>
<p class="signature">Le ou la responsable pédagogique</p>
</footer>
</main>`;
  return page({ lang: 'fr', title: `${title} — ${candidate.code}`, css: CSS, body });
}
