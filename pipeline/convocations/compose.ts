/**
 * The convocation of a candidate, the mailing and invitations of a juror and the cancellations
 * of withdrawn defences, as RFC 5322 messages built with nodemailer's MailComposer: UTF-8
 * French text, an iTIP invitation (RFC 5546 `REQUEST` or `CANCEL`, one event each, ORGANIZER =
 * the session's organiser, ATTENDEE = the recipient, SEQUENCE from schedule.yaml) whose UID is
 * the public feed's (`defence-<code>`), `Date:` = the convocation key date and a Message-ID and
 * MIME boundary derived from the content, so rebuilding gives the same bytes and any change
 * gives a new Message-ID.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Candidate } from '../../schemas/candidates.ts';
import type { JuryMember } from '../../schemas/juries.ts';
import type { Cancellation, Slot } from '../../schemas/schedule.ts';
import type { Session } from '../../schemas/session.ts';
import { buildCalendar, type CalendarEvent, type CalendarPerson } from '../calendar/ics.ts';
import { frenchDateOf, frenchTime } from '../calendar/french.ts';

/** A message ready to write: the .eml bytes and its .ics attachment, if it has one. */
export interface Message {
  readonly eml: Buffer;
  readonly ics?: string;
}

const minutes = (n: number) => `${n} minute${n > 1 ? 's' : ''}`;

function sender(session: Session) {
  return session.defence.organiser
    ? { name: session.defence.organiser.name, address: session.defence.organiser.email }
    : { name: session.defence.venue.name, address: `convocations@${session.id}.invalid` };
}

/** The iTIP ORGANIZER: the session's organiser, else the sender of the messages. */
function organiser(session: Session): CalendarPerson {
  const from = sender(session);
  return { name: from.name, email: from.address };
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
  calendar: { ics: string; filename: string; method: 'REQUEST' | 'CANCEL' } | undefined,
  sentOn: Date,
): Promise<Message> {
  const hash = createHash('sha256')
    .update(JSON.stringify([session.id, key, to, subject, text, calendar?.ics ?? '']))
    .digest('hex');
  const mail = new MailComposer({
    from: sender(session),
    to,
    subject,
    text,
    date: sentOn,
    messageId: `<${hash.slice(0, 24)}.${key}.${session.id}@recevable>`,
    baseBoundary: hash.slice(0, 16),
    attachments: calendar
      ? [
          {
            filename: calendar.filename,
            content: calendar.ics,
            contentType: `text/calendar; method=${calendar.method}; charset=UTF-8`,
          },
        ]
      : [],
  });
  const eml = await mail.compile().build();
  return calendar ? { eml, ics: calendar.ics } : { eml };
}

function defenceEvent(
  session: Session,
  slot: Slot,
  summary: string,
  until: 'end' | 'deliberationEnd',
  attendee: CalendarPerson,
): CalendarEvent {
  return {
    id: `defence-${slot.candidate}`,
    summary,
    start: { instant: new Date(slot.start) },
    end: { instant: new Date(slot[until]) },
    location: place(session, slot),
    ...(session.url ? { url: session.url } : {}),
    organiser: organiser(session),
    attendees: [attendee],
    sequence: slot.sequence ?? 0,
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
  const updated = (slot.sequence ?? 0) > 0;
  const text = [
    `Bonjour ${candidate.name},`,
    '',
    ...(updated
      ? [
          'Votre soutenance a été déplacée : cette convocation remplace la précédente, et l’invitation jointe met à jour votre agenda.',
          '',
        ]
      : []),
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
      defenceEvent(
        session,
        slot,
        `Soutenance du dossier professionnel — ${candidate.code}`,
        'end',
        { name: candidate.name, email: candidate.email },
      ),
    ],
  });
  const subject = `${updated ? 'Convocation modifiée' : 'Convocation à la soutenance'} — ${frenchDateOf(start, tz)} à ${frenchTime(start, tz)}`;
  return compose(
    session,
    candidate.code,
    { name: candidate.name, address: candidate.email },
    subject,
    text,
    { ics, filename: `soutenance-${candidate.code}.ics`, method: 'REQUEST' },
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
  const subject = `Jury de soutenance — ${slots.length} soutenance${slots.length > 1 ? 's' : ''}`;
  return compose(
    session,
    `jury-${member.id}`,
    { name: member.name, address: member.email },
    subject,
    text,
    undefined,
    sentOn,
  );
}

/** The invitation of one juror to one defence they sit (one iTIP event per message). */
export function juryInvitation(
  session: Session,
  member: JuryMember,
  slot: Slot,
  candidate: Candidate | undefined,
  members: ReadonlyMap<string, JuryMember>,
  sentOn: Date,
): Promise<Message> {
  const tz = session.timezone;
  const start = new Date(slot.start);
  const others = slot.jury
    .filter((id) => id !== member.id)
    .map((id) => members.get(id)?.name ?? id);
  const updated = (slot.sequence ?? 0) > 0;
  const text = [
    `Bonjour ${member.name},`,
    '',
    updated
      ? 'Cette soutenance a été déplacée : l’invitation jointe met à jour votre agenda.'
      : 'L’invitation jointe ajoute à votre agenda une soutenance où vous siégez :',
    '',
    `Candidat : ${slot.candidate}${candidate ? ` — ${candidate.name} (${candidate.specialisation})` : ''}`,
    `Date : ${frenchDateOf(start, tz)}`,
    `Heure : ${frenchTime(start, tz)} (fin de la délibération à ${frenchTime(new Date(slot.deliberationEnd), tz)})`,
    `Lieu : ${session.defence.venue.name}, ${session.defence.venue.address}`,
    `Salle : ${roomName(session, slot.room)}`,
    `Jury ${slot.juryLabel}${others.length > 0 ? ` avec ${others.join(', ')}` : ''}`,
    '',
    'Ce message est confidentiel : il nomme le candidat.',
    '',
    'Cordialement,',
    sender(session).name,
    '',
  ].join('\n');
  const ics = buildCalendar({
    sessionId: session.id,
    name: `Jury ${member.id} — ${slot.candidate}`,
    stamp: sentOn,
    method: 'REQUEST',
    events: [
      defenceEvent(
        session,
        slot,
        `Jury ${slot.juryLabel} — soutenance ${slot.candidate}`,
        'deliberationEnd',
        { name: member.name, email: member.email },
      ),
    ],
  });
  const subject = `${updated ? 'Soutenance déplacée' : 'Invitation jury'} — ${slot.candidate}, ${frenchDateOf(start, tz)} à ${frenchTime(start, tz)}`;
  return compose(
    session,
    `jury-${member.id}-${slot.candidate}`,
    { name: member.name, address: member.email },
    subject,
    text,
    { ics, filename: `jury-${member.id}-${slot.candidate}.ics`, method: 'REQUEST' },
    sentOn,
  );
}

/**
 * The cancellation of a published invitation: METHOD:CANCEL, same UID, SEQUENCE one above the
 * last published, STATUS:CANCELLED when the whole defence is withdrawn (RFC 5546 §3.2.5).
 */
export function cancellation(
  session: Session,
  withdrawn: Cancellation,
  to: { name: string; email: string; juror?: string },
  sentOn: Date,
): Promise<Message> {
  const tz = session.timezone;
  const start = new Date(withdrawn.start);
  const when = `${frenchDateOf(start, tz)} à ${frenchTime(start, tz)}`;
  const text = [
    `Bonjour ${to.name},`,
    '',
    to.juror
      ? `Vous ne siégez plus à la soutenance de ${withdrawn.candidate} prévue le ${when} : l’invitation jointe la retire de votre agenda.`
      : `Votre soutenance prévue le ${when} est annulée : l’invitation jointe la retire de votre agenda. Si une nouvelle date vous est proposée, vous recevrez une nouvelle convocation.`,
    '',
    'Cordialement,',
    sender(session).name,
    '',
  ].join('\n');
  const event: CalendarEvent = {
    id: `defence-${withdrawn.candidate}`,
    summary: to.juror
      ? `Soutenance ${withdrawn.candidate} (annulée pour vous)`
      : `Soutenance du dossier professionnel — ${withdrawn.candidate} (annulée)`,
    start: { instant: start },
    end: { instant: new Date(withdrawn.end) },
    organiser: organiser(session),
    attendees: [{ name: to.name, email: to.email }],
    sequence: withdrawn.sequence,
    ...(withdrawn.scope === 'defence' ? { status: 'CANCELLED' as const } : {}),
  };
  const ics = buildCalendar({
    sessionId: session.id,
    name: `Annulation ${withdrawn.candidate}`,
    stamp: sentOn,
    method: 'CANCEL',
    events: [event],
  });
  const key = `${to.juror ? `jury-${to.juror}-` : ''}${withdrawn.candidate}-cancel-v${withdrawn.version}`;
  return compose(
    session,
    key,
    { name: to.name, address: to.email },
    to.juror
      ? `Soutenance ${withdrawn.candidate} du ${when} : vous ne siégez plus`
      : `Annulation de votre soutenance du ${when}`,
    text,
    { ics, filename: `${key}.ics`, method: 'CANCEL' },
    sentOn,
  );
}
