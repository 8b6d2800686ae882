/**
 * The acknowledgement of receipt of one submission, `receipts/<code>-<n>.eml`: a plain RFC 5322
 * message in French, from the session's organiser to the candidate, in reply to their e-mail,
 * stating when it was received (in the session's timezone), the file, its size and its SHA-256
 * — the digital receipt Turnitin or Moodle gives. `recevable send` delivers it. Built from the
 * submission alone (`Date:` = the receipt time, Message-ID from the content), so writing it
 * again gives the same bytes.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Candidate } from '../../schemas/candidates.ts';
import type { Session } from '../../schemas/session.ts';
import type { Submission } from '../../schemas/submissions.ts';
import { frenchDateOf } from '../calendar/french.ts';
import { deadlineOf } from '../checks/deadline.ts';
import { wallClock } from '../time.ts';

/** Narrow no-break space (before « : ; ! ? ») and no-break space (inside « »). */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

const pad = (n: number): string => String(n).padStart(2, '0');

/** « vendredi 25 août 2023 à 11 h 58 min 03 s ». */
function frenchInstant(instant: Date, timeZone: string): string {
  const { hour, minute, second } = wallClock(instant, timeZone);
  return `${frenchDateOf(instant, timeZone)} à ${pad(hour)}${NBSP}h${NBSP}${pad(minute)}${NBSP}min${NBSP}${pad(second)}${NBSP}s`;
}

/** « 1 234 567 octets (1,2 Mo) ». */
function frenchSize(bytes: number): string {
  const grouped = String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const mb = bytes / 1_000_000;
  const short =
    mb >= 1
      ? `${mb.toFixed(1).replace('.', ',')}${NBSP}Mo`
      : `${Math.max(1, Math.round(bytes / 1000))}${NBSP}ko`;
  return `${grouped}${NBSP}octets (${short})`;
}

function zoneName(timeZone: string): string {
  return timeZone.split('/').pop()?.replaceAll('_', ' ') ?? timeZone;
}

/** The sender of what the session sends: its organiser, or the venue at a non-deliverable address. */
export function organiser(session: Session): { name: string; address: string } {
  return session.defence.organiser
    ? { name: session.defence.organiser.name, address: session.defence.organiser.email }
    : { name: session.defence.venue.name, address: `certification@${session.id}.invalid` };
}

/** The receipt of `submission` (with its sha256, messageId and originalName) of `candidate`. */
export async function buildReceipt(
  session: Session,
  candidate: Candidate,
  submission: Submission,
  size: number,
): Promise<Buffer> {
  const zone = session.timezone;
  const received = new Date(submission.receivedAt);
  const deadline = deadlineOf(session);
  const stored = submission.file.split('/').pop() ?? submission.file;
  const lines = [
    `Bonjour ${candidate.name},`,
    '',
    `Nous accusons réception de votre dossier professionnel pour la certification «${NBSP}${session.title}${NBSP}».`,
    '',
    `Reçu le${NNBSP}: ${frenchInstant(received, zone)} (heure de ${zoneName(zone)})`,
    `Fichier${NNBSP}: ${submission.originalName ?? stored} (enregistré sous ${stored})`,
    `Taille${NNBSP}: ${frenchSize(size)}`,
    `Empreinte SHA-256${NNBSP}: ${submission.sha256 ?? ''}`,
    `Votre code candidat${NNBSP}: ${candidate.code}`,
    '',
    submission.receivedBy === 'date-header'
      ? "L'heure indiquée est celle que votre messagerie a écrite dans le message ; l'équipe pédagogique la vérifiera."
      : "L'heure indiquée est celle à laquelle le serveur de messagerie de l'école a reçu votre message.",
    "L'empreinte SHA-256 identifie exactement le fichier reçu : le même fichier donne toujours la même empreinte.",
    ...(deadline
      ? [
          `La date limite de remise est le ${frenchInstant(deadline.instant, zone)} (heure de ${zoneName(zone)}).`,
        ]
      : []),
    '',
    "Cet accusé de réception ne préjuge pas de la recevabilité de votre dossier, qui sera examinée (délais, nombre de pages, plan, originalité) par l'équipe pédagogique. Si vous envoyez un nouveau dossier avant la date limite, seul le dernier reçu dans les délais est examiné.",
    '',
    'Cordialement,',
    organiser(session).name,
    '',
  ].map((line) => line.replaceAll(' : ', `${NNBSP}: `).replaceAll(' ; ', `${NNBSP}; `));
  const text = lines.join('\n');
  const hash = createHash('sha256')
    .update(JSON.stringify([session.id, submission, text]))
    .digest('hex');
  const mail = new MailComposer({
    from: organiser(session),
    to: { name: candidate.name, address: candidate.email },
    subject: `Accusé de réception de votre dossier professionnel — ${candidate.code}`,
    text,
    date: received,
    messageId: `<${hash.slice(0, 24)}.receipt.${candidate.code}.${session.id}@recevable>`,
    ...(submission.messageId
      ? { inReplyTo: submission.messageId, references: submission.messageId }
      : {}),
    baseBoundary: hash.slice(0, 16),
  });
  return mail.compile().build();
}
