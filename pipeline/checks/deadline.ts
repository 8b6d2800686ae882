/**
 * deadline: the dossier was received no later than the deadline key date. The deadline instant
 * itself is on time (received at 12:00:00 for "12h" is accepted; 12:00:01 is late). A deadline
 * written as a day (`2023-08-25`) or a span of days ends at the end of its (last) day.
 * The evidence shows where `recevable intake` read the time; a time that is only the sender's
 * `Date:` header carries a warning, and an on-time one is left to a human (`review`).
 */
import type { Session } from '../../schemas/session.ts';
import type { Submission } from '../../schemas/submissions.ts';
import { addDays, formatInZone, toInstant } from '../time.ts';
import { finding, type Check } from './types.ts';
import type { Finding } from '../../schemas/result.ts';

const RULE = 'deadline';

/** The last instant on time, and how the key date was written. */
export function deadlineOf(session: Session): { instant: Date; written: string } | undefined {
  const key = session.keyDates.find((date) => date.id === session.rules.deadline);
  if (!key) return undefined;
  const zone = session.timezone;
  if ('at' in key) {
    if (key.at.includes('T')) return { instant: toInstant(key.at, zone), written: key.at };
    return {
      instant: new Date(toInstant(addDays(key.at, 1), zone).getTime() - 1),
      written: key.at,
    };
  }
  return { instant: new Date(toInstant(addDays(key.to, 1), zone).getTime() - 1), written: key.to };
}

/** `25/08/2023 à 12h00` in the session's timezone (seconds shown when not zero). */
function frenchDateTime(instant: Date, timeZone: string): string {
  const text = formatInZone(instant, timeZone);
  const [y, m, d] = text.slice(0, 10).split('-');
  const seconds = text.slice(17, 19);
  return `${d}/${m}/${y} à ${text.slice(11, 13)}h${text.slice(14, 16)}${seconds === '00' ? '' : ` et ${seconds} s`}`;
}

/** Checks the submission's `receivedAt` against the session deadline. */
export function checkDeadline(submission: Submission, session: Session): Finding {
  const place = { file: submission.file };
  const zone = session.timezone;
  const deadline = deadlineOf(session);
  if (!deadline) {
    return finding(
      RULE,
      'error',
      "La date limite de remise n'a pas pu être déterminée ; l'équipe pédagogique examinera votre dossier.",
      `rules.deadline names the key date "${session.rules.deadline}", which session.yaml does not define.`,
      { deadline: session.rules.deadline },
      place,
    );
  }
  const received = toInstant(submission.receivedAt, zone);
  if (Number.isNaN(received.getTime())) {
    return finding(
      RULE,
      'error',
      "La date de réception de votre dossier n'a pas pu être lue ; l'équipe pédagogique la vérifiera.",
      `receivedAt "${submission.receivedAt}" of ${submission.file} is not a valid date and time.`,
      { receivedAt: submission.receivedAt },
      place,
    );
  }
  const late = received.getTime() - deadline.instant.getTime();
  const sender = submission.receivedBy === 'date-header';
  const evidence = {
    receivedAt: formatInZone(received, zone),
    deadline: formatInZone(deadline.instant, zone),
    lateSeconds: late > 0 ? Math.ceil(late / 1000) : 0,
    ...intakeEvidence(submission),
    ...(sender ? { warning: SENDER_TIME } : {}),
  };
  const when = `reçu le ${frenchDateTime(received, zone)}`;
  const limit = `la date limite était le ${frenchDateTime(deadline.instant, zone)} (heure de ${zone.split('/').pop()?.replaceAll('_', ' ')})`;
  const by = submission.receivedBy
    ? ` (${submission.receivedBy}: ${submission.evidence ?? ''})`
    : '';
  if (late > 0) {
    return finding(
      RULE,
      'fail',
      `Votre dossier a été ${when} ; ${limit}. Un dossier remis après la date limite n'est pas recevable.`,
      `Received ${evidence.receivedAt}${by}, ${formatDelay(late)} after the deadline ${evidence.deadline} (key date ${session.rules.deadline}).${sender ? ` Warning: ${SENDER_TIME}.` : ''}`,
      evidence,
      place,
    );
  }
  if (sender) {
    return finding(
      RULE,
      'review',
      `Votre dossier porte la date du ${frenchDateTime(received, zone)}, écrite par votre messagerie ; ${limit}. L'équipe pédagogique vérifiera l'heure de réception auprès du serveur de l'école.`,
      `Received ${evidence.receivedAt}${by}, on time by the sender's own Date: header only: ${SENDER_TIME}; confirm the arrival time in the mail server's logs, then record it in submissions.yaml.`,
      evidence,
      place,
    );
  }
  return finding(
    RULE,
    'pass',
    `Votre dossier a été ${when}, dans les délais ; ${limit}.`,
    `Received ${evidence.receivedAt}${by}, on time for the deadline ${evidence.deadline}.`,
    evidence,
    place,
  );
}

const SENDER_TIME =
  "the time is the Date: header the sender's software wrote, not a server's receipt time";

/** What `recevable intake` recorded about where the time comes from, when it did. */
function intakeEvidence(submission: Submission): Record<string, string> {
  const out: Record<string, string> = {};
  if (submission.receivedBy) out['receivedBy'] = submission.receivedBy;
  if (submission.evidence) out['evidence'] = submission.evidence;
  if (submission.messageId) out['messageId'] = submission.messageId;
  if (submission.from) out['from'] = submission.from;
  return out;
}

function formatDelay(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** The deadline rule in the common check shape (the Document is not needed). */
export const deadline: Check = (_document, submission, session) =>
  checkDeadline(submission, session);
