/**
 * The results mail of each candidate, after `recevable outcomes`: the commission's decision
 * (total / partial / refusal), the validated blocks, the appeal deadline (`resultsSentOn` +
 * `appealDays` of outcomes.yaml) and, for total and partial success, the attestation as a PDF.
 * Incomplete outcomes get no mail (there is no decision to tell). Written to
 * `mail/results/<code>.eml` with `Date:` = the results day and a Message-ID from the content:
 * the same decision gives the same message; a changed one is a new message.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Candidate } from '../../schemas/candidates.ts';
import type { OutcomesFile } from '../../schemas/outcomes.ts';
import type { Session } from '../../schemas/session.ts';
import { frenchDay } from '../calendar/french.ts';
import { decideOutcome, type OutcomeDecision } from '../outcomes/decide.ts';
import { toInstant } from '../time.ts';
import { attestationPdf } from './attestation-pdf.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** A results mail, or why a candidate gets none. */
export type ResultsMail =
  | {
      readonly candidate: string;
      readonly file: string;
      readonly eml: Buffer;
      readonly decision: OutcomeDecision;
    }
  | { readonly candidate: string; readonly skipped: string };

const DECISION = {
  total: 'réussite totale',
  partial: 'réussite partielle',
  refusal: 'refus de certification',
} as const;

function sender(session: Session) {
  const o = session.defence.organiser;
  return o
    ? { name: o.name, address: o.email }
    : { name: session.defence.venue.name, address: `certification@${session.id}.invalid` };
}

async function compose(
  session: Session,
  candidate: Candidate,
  outcome: OutcomeDecision,
  appealDays: number,
): Promise<Buffer> {
  const decision = outcome.decision as keyof typeof DECISION;
  const blocks = (ids: readonly string[]) =>
    session.blocks.filter((b) => ids.includes(b.id)).map((b) => `- ${b.id} — ${b.title}`);
  const exam =
    outcome.finalExam === 'validated'
      ? 'L’épreuve finale (dossier professionnel : production écrite et soutenance orale) est validée.'
      : 'L’épreuve finale (dossier professionnel : production écrite et soutenance orale) n’est pas validée.';
  const text = [
    `Bonjour ${candidate.name},`,
    '',
    `La commission nationale de certification a rendu sa décision pour la certification «${NBSP}${session.title}${NBSP}».`,
    '',
    `Décision${NNBSP}: ${DECISION[decision]}`,
    '',
    ...(outcome.validatedBlocks.length > 0
      ? [`Blocs de compétences validés${NNBSP}:`, ...blocks(outcome.validatedBlocks), '']
      : ['Aucun bloc de compétences n’est validé.', '']),
    ...(outcome.notValidatedBlocks.length > 0
      ? [`Blocs de compétences non validés${NNBSP}:`, ...blocks(outcome.notValidatedBlocks), '']
      : []),
    exam.replace(' : ', `${NNBSP}: `),
    '',
    ...(decision === 'refusal'
      ? []
      : [
          `Votre ${decision === 'total' ? 'attestation de réussite totale' : 'attestation de réussite partielle, qui nomme les blocs validés,'} est jointe à ce message (PDF).`,
          '',
        ]),
    `En cas de désaccord, vous pouvez entamer le dialogue avec le ou la responsable pédagogique du campus jusqu’au ${frenchDay(outcome.appealUntil!)} inclus, soit ${appealDays}${NBSP}jours après l’envoi de ces résultats, en répondant à ce message.`,
    '',
    'Cordialement,',
    sender(session).name,
    '',
  ].join('\n');
  const pdf = await attestationPdf(outcome, candidate, session, appealDays);
  const subject = `Résultats de la certification${NNBSP}: ${DECISION[decision]}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([session.id, candidate.code, candidate.email, subject, text]))
    .update(pdf ?? new Uint8Array())
    .digest('hex');
  const mail = new MailComposer({
    from: sender(session),
    to: { name: candidate.name, address: candidate.email },
    subject,
    text,
    date: toInstant(outcome.resultsSentOn!, session.timezone),
    messageId: `<${hash.slice(0, 24)}.results-${candidate.code}.${session.id}@recevable>`,
    baseBoundary: hash.slice(0, 16),
    attachments: pdf
      ? [
          {
            filename: `attestation-${candidate.code}.pdf`,
            content: Buffer.from(pdf),
            contentType: 'application/pdf',
          },
        ]
      : [],
  });
  return mail.compile().build();
}

/** The results mail of every candidate of candidates.yaml, sorted by code. */
export async function resultsMails(
  session: Session,
  candidates: readonly Candidate[],
  file: OutcomesFile,
): Promise<ResultsMail[]> {
  const entries = new Map(file.outcomes.map((o) => [o.candidate, o]));
  const out: ResultsMail[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.code.localeCompare(b.code))) {
    const outcome = decideOutcome(candidate, entries.get(candidate.code), session, file);
    if (outcome.decision === 'incomplete') {
      out.push({ candidate: candidate.code, skipped: 'incomplete outcome: no decision to send' });
    } else if (!outcome.resultsSentOn || !outcome.appealUntil) {
      out.push({
        candidate: candidate.code,
        skipped: 'outcomes.yaml gives no resultsSentOn for it: set the day results are sent',
      });
    } else {
      const eml = await compose(session, candidate, outcome, file.appealDays);
      out.push({
        candidate: candidate.code,
        file: `mail/results/${candidate.code}.eml`,
        eml,
        decision: outcome,
      });
    }
  }
  return out;
}
