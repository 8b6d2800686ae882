/**
 * A message of the outbox, read from its `.eml` as it will go out: Message-ID, envelope (the
 * `From:` address; every `To:`, `Cc:` and `Bcc:` address), sha256 of the bytes sent, and the
 * iTIP invitation it carries (UID, METHOD, SEQUENCE, start), parsed with ical.js. A `Bcc:`
 * field is taken out of the bytes: its recipients are in the envelope only.
 */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import PostalMime, { type Address } from 'postal-mime';
import type { MailKind } from '../../schemas/mail-journal.ts';

/** The iTIP part of a message. */
export interface Invitation {
  readonly uid: string;
  readonly method: 'REQUEST' | 'CANCEL';
  readonly sequence: number;
  /** DTSTART of the event, when it has one. */
  readonly start?: Date;
}

/** One message to deliver. */
export interface OutMessage {
  /** Path relative to the session folder, e.g. `convocations/C001.eml`. */
  readonly file: string;
  readonly kind: MailKind;
  /** Candidate code or juror id the message is for (`--only`). */
  readonly person: string;
  readonly messageId: string;
  readonly from: string;
  readonly recipients: readonly string[];
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly invitation?: Invitation;
}

/** Why an `.eml` cannot be sent. */
export interface MessageProblem {
  readonly file: string;
  readonly message: string;
}

function addresses(list: readonly Address[] | Address | undefined): string[] {
  const all: readonly Address[] = Array.isArray(list) ? list : list ? [list as Address] : [];
  const out: string[] = [];
  for (const a of all) {
    if (a.group) for (const m of a.group) out.push(m.address);
    else if (a.address) out.push(a.address);
  }
  return out.filter((a) => a.length > 0);
}

/** The header block without its `Bcc:` field (folded lines included). */
function withoutBcc(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return bytes;
  const head = text.slice(0, end);
  const stripped = head.replace(/^bcc:[^\n]*(?:\n[ \t][^\n]*)*\n?/gim, '');
  if (stripped === head) return bytes;
  return Buffer.from(stripped + text.slice(end), 'latin1');
}

function invitationOf(content: string): Invitation | undefined {
  try {
    const calendar = ICAL.Component.fromString(content);
    const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
    if (method !== 'REQUEST' && method !== 'CANCEL') return undefined;
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) return undefined;
    const event = new ICAL.Event(vevent);
    const sequence = Number(vevent.getFirstPropertyValue('sequence') ?? 0);
    return {
      uid: event.uid,
      method,
      sequence,
      ...(event.startDate ? { start: event.startDate.toJSDate() } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Reads one `.eml`; a problem when it has no Message-ID, sender or recipient. */
export async function readMessage(
  file: string,
  raw: Buffer,
  kind: MailKind,
  person: string,
): Promise<OutMessage | MessageProblem> {
  let email;
  try {
    email = await PostalMime.parse(raw);
  } catch (error) {
    return { file, message: `not a readable e-mail: ${(error as Error).message}` };
  }
  const messageId = email.messageId?.trim();
  if (!messageId || !/^<[^<>\s]+@[^<>\s]+>$/.test(messageId))
    return { file, message: 'no Message-ID header: every message needs one to be sent once' };
  const from = addresses(email.from)[0];
  if (!from) return { file, message: 'no From address' };
  const recipients = [
    ...new Set([...addresses(email.to), ...addresses(email.cc), ...addresses(email.bcc)]),
  ];
  if (recipients.length === 0) return { file, message: 'no To, Cc or Bcc address' };
  const calendar = email.attachments.find((a) => a.mimeType === 'text/calendar');
  const content =
    calendar === undefined
      ? undefined
      : typeof calendar.content === 'string'
        ? calendar.content
        : Buffer.from(calendar.content as ArrayBuffer).toString('utf8');
  const invitation = content === undefined ? undefined : invitationOf(content);
  const bytes = withoutBcc(raw);
  return {
    file,
    kind,
    person,
    messageId,
    from,
    recipients,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(invitation ? { invitation } : {}),
  };
}
