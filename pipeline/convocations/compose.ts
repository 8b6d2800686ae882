/**
 * The convocation of a candidate and the mailing of a juror, as RFC 5322 messages built with
 * nodemailer's MailComposer: UTF-8 French text, an `.ics` invitation (METHOD:REQUEST) whose
 * event UIDs are the public feed's (`defence-<code>`), `Date:` = the convocation key date and a
 * Message-ID and MIME boundary derived from the content, so rebuilding gives the same bytes.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Candidate } from '../../schemas/candidates.ts';
import type { JuryMember } from '../../schemas/juries.ts';
import type { Slot } from '../../schemas/schedule.ts';
import type { Session } from '../../schemas/session.ts';
import { buildCalendar, type CalendarEvent } from '../calendar/ics.ts';
import { frenchDateOf, frenchTime } from '../calendar/french.ts';

/** A message ready to write: the .eml bytes and its .ics attachment. */
export interface Message {
  readonly eml: Buffer;
  readonly ics: string;
}

const minutes = (n: number) => `${n} minute${n > 1 ? 's' : ''}`;

function sender(session: Session) {
  return session.defence.organiser
    ? { name: session.defence.organiser.name, address: session.defence.organiser.email }
    : { name: session.defence.venue.name, address: `convocations@${session.id}.invalid` };
}

function roomName(session: Session, id: string): string {
  return session.defence.rooms.find((r) => r.id === id)?.name ?? id;
}

function place(session: Session, slot: Slot): string {
  const { venue } = session.defence;
  return `${venue.name}, ${venue.address} — ${roomName(session, slot.room)}`;
}

async function compose(
  session: Session,
  key: string,
  to: { name: string; address: string },
  subject: string,
  text: string,
  ics: string,
  filename: string,
  sentOn: Date,
): Promise<Message> {
  const hash = createHash('sha256')
    .update(JSON.stringify([session.id, key, to, subject, text, ics]))
    .digest('hex');
  const mail = new MailComposer({
    from: sender(session),
    to,
    subject,
    text,
    date: sentOn,
    messageId: `<${hash.slice(0, 24)}.${key}.${session.id}@recevable>`,
    baseBoundary: hash.slice(0, 16),
    attachments: [
      { filename, content: ics, contentType: 'text/calendar; method=REQUEST; charset=UTF-8' },
    ],
  });
  return { eml: await mail.compile().build(), ics };
}

function defenceEvent(
  session: Session,
  slot: Slot,
  summary: string,
  until: 'end' | 'deliberationEnd',
): CalendarEvent {
  return {
    id: `defence-${slot.candidate}`,
    summary,
    start: { instant: new Date(slot.start) },
    end: { instant: new Date(slot[until]) },
    location: place(session, slot),
    ...(session.url ? { url: session.url } : {}),
  };
}

/** The convocation of one candidate to their defence. */
export function convocation(
  session: Session,
  candidate: Candidate,
  slot: Slot,
  sentOn: Date,
): Promise<Message> {
  const { defence, timezone: tz } = session;
  const start = new Date(slot.start);
  const blocks = session.blocks.filter(
    (b) => b.kind === 'socle' || b.id === candidate.specialisation,
  );
  const makeup = slot.kind === 'makeup';
  const text = [
    `Bonjour ${candidate.name},`,
    '',
    makeup
      ? `À la suite de votre absence justifiée, un passage ultérieur vous est proposé pour la soutenance orale de la certification « ${session.title} ».`
      : `Vous êtes convoqué(e) à la soutenance orale de votre dossier professionnel pour la certification « ${session.title} ».`,
    '',
    `Date : ${frenchDateOf(start, tz)}`,
    `Heure : ${frenchTime(start, tz)} (fin de l'entretien à ${frenchTime(new Date(slot.end), tz)})`,
    `Lieu : ${defence.venue.name}, ${defence.venue.address}`,
    `Salle : ${roomName(session, slot.room)}`,
    `Votre code candidat : ${candidate.code}`,
    '',
    'Blocs de compétences de la certification qui vous concernent :',
    ...blocks.map(
      (b) =>
        `- ${b.id} — ${b.title}${b.kind === 'specialisation' ? ' (votre spécialisation)' : ''}`,
    ),
    '',
    "Nature et déroulement de l'épreuve :",
    `Soutenance orale de votre dossier professionnel devant un jury de ${defence.jurySize} professionnels extérieurs à l'école, qui a lu votre dossier au préalable.`,
    `- présentation orale par le candidat : ${minutes(defence.presentationMinutes)} ;`,
    `- entretien avec le jury : ${minutes(defence.interviewMinutes)} ;`,
    `- le jury délibère ensuite seul${defence.deliberationMinutes > 0 ? ` (${minutes(defence.deliberationMinutes)})` : ''}, hors de votre présence.`,
    '',
    "En cas d'empêchement, prévenez-nous au plus tôt en répondant à ce message : une absence justifiée donne lieu à un passage ultérieur ; une absence non justifiée peut entraîner des sanctions disciplinaires.",
    '',
    "L'invitation jointe ajoute ce rendez-vous à votre agenda.",
    '',
    'Cordialement,',
    sender(session).name,
    '',
  ].join('\n');
  const ics = buildCalendar({
    sessionId: session.id,
    name: `Soutenance ${candidate.code}`,
    stamp: sentOn,
    method: 'REQUEST',
    events: [
      defenceEvent(session, slot, `Soutenance du dossier professionnel — ${candidate.code}`, 'end'),
    ],
  });
  const subject = `Convocation à la soutenance — ${frenchDateOf(start, tz)} à ${frenchTime(start, tz)}`;
  return compose(
    session,
    candidate.code,
    { name: candidate.name, address: candidate.email },
    subject,
    text,
    ics,
    `soutenance-${candidate.code}.ics`,
    sentOn,
  );
}

/** The mailing of one juror: every defence they sit, with the candidates' codes and names. */
export function juryMailing(
  session: Session,
  member: JuryMember,
  slots: readonly Slot[],
  people: ReadonlyMap<string, Candidate>,
  members: ReadonlyMap<string, JuryMember>,
  sentOn: Date,
): Promise<Message> {
  const tz = session.timezone;
  const lines = slots.map((slot) => {
    const start = new Date(slot.start);
    const c = people.get(slot.candidate);
    const others = slot.jury
      .filter((id) => id !== member.id)
      .map((id) => members.get(id)?.name ?? id);
    return `- ${frenchDateOf(start, tz)}, ${frenchTime(start, tz)}–${frenchTime(new Date(slot.deliberationEnd), tz)}, ${roomName(session, slot.room)} : ${slot.candidate} — ${c?.name ?? ''} (${c?.specialisation ?? ''}), jury ${slot.juryLabel} avec ${others.join(', ')}`;
  });
  const text = [
    `Bonjour ${member.name},`,
    '',
    `Merci de votre participation au jury de la certification « ${session.title} ». Voici l'ordre de passage des soutenances où vous siégez :`,
    '',
    ...lines,
    '',
    `Lieu : ${session.defence.venue.name}, ${session.defence.venue.address}`,
    `Chaque soutenance : présentation ${minutes(session.defence.presentationMinutes)}, entretien ${minutes(session.defence.interviewMinutes)}, puis délibération du jury${session.defence.deliberationMinutes > 0 ? ` (${minutes(session.defence.deliberationMinutes)})` : ''}.`,
    'Les dossiers professionnels vous sont transmis séparément pour lecture avant les soutenances. Ce message est confidentiel : il nomme les candidats.',
    '',
    'Cordialement,',
    sender(session).name,
    '',
  ].join('\n');
  const ics = buildCalendar({
    sessionId: session.id,
    name: `Jury ${member.id}`,
    stamp: sentOn,
    method: 'REQUEST',
    events: slots.map((slot) =>
      defenceEvent(
        session,
        slot,
        `Jury ${slot.juryLabel} — soutenance ${slot.candidate}`,
        'deliberationEnd',
      ),
    ),
  });
  const subject = `Jury de soutenance — ${slots.length} soutenance${slots.length > 1 ? 's' : ''}`;
  return compose(
    session,
    `jury-${member.id}`,
    { name: member.name, address: member.email },
    subject,
    text,
    ics,
    `jury-${member.id}.ics`,
    sentOn,
  );
}
