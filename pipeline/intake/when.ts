/**
 * When a message was received, and on what evidence: the IMAP server's INTERNALDATE, an mbox
 * From_ line, the topmost `Received:` trace field (added by the receiving server), or — only
 * when nothing else exists — the `Date:` the sender's software wrote.
 */
import type { ReceivedBy } from '../../schemas/submissions.ts';
import { toInstant } from '../time.ts';

/** A receipt time with its evidence. */
export interface Stamp {
  readonly instant: Date;
  readonly receivedBy: ReceivedBy;
  /** In words: what was read, where. */
  readonly evidence: string;
  /** Set when the time is not the server's (a `Date:` header) or the evidence disagrees. */
  readonly warning?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 5322 §4.3 obsolete zones; military letters are not trusted (RFC 5322 says -0000). */
const NAMED: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function offsetOf(zone: string): number | undefined {
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return NAMED[zone.toUpperCase()];
}

function instantOf(
  y: number,
  month: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: number,
): Date | undefined {
  const day = new Date(Date.UTC(y, month, d));
  if (day.getUTCDate() !== d || day.getUTCMonth() !== month || h > 23 || mi > 59 || s > 60)
    return undefined;
  return new Date(Date.UTC(y, month, d, h, mi, s) - offset * 60_000);
}

/** An RFC 5322 date-time: `[Fri, ]25 Aug 2023 11:58:03 +0200`, comments and obsolete zones allowed. */
export function parseMailDate(text: string): Date | undefined {
  const m =
    /(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(
      text,
    );
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = m[7] === undefined ? 0 : offsetOf(m[7]);
  if (offset === undefined) return undefined;
  return instantOf(
    year,
    month,
    Number(m[1]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    offset,
  );
}

/** The date of an mbox From_ line: asctime, with (`+0000`, as Gmail Takeout writes) or without zone. */
export function parseFromLine(
  line: string,
  timeZone: string,
): { instant: Date; zoned: boolean; text: string } | undefined {
  const m =
    /^From \S*\s+(([A-Za-z]{3})\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4}|[A-Z]{2,5})\s+)?(\d{4})(?:\s+([+-]\d{4}|[A-Z]{2,5}))?)\s*$/.exec(
      line.trimEnd(),
    );
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[3]!.toLowerCase());
  if (month < 0) return undefined;
  const [y, d, h, mi, s] = [m[9], m[4], m[5], m[6], m[7] ?? '0'].map(Number);
  const zone = m[8] ?? m[10];
  const offset = zone === undefined ? undefined : offsetOf(zone);
  if (offset !== undefined) {
    const instant = instantOf(y!, month, d!, h!, mi!, s!, offset);
    return instant && { instant, zoned: true, text: m[1]! };
  }
  if (instantOf(y!, month, d!, h!, mi!, s!, 0) === undefined) return undefined;
  const local = `${y}-${pad(month + 1)}-${pad(d!)}T${pad(h!)}:${pad(mi!)}:${pad(s!)}`;
  return { instant: toInstant(local, timeZone), zoned: false, text: m[1]! };
}

/** The receiving server's time in the topmost `Received:` field (after its last `;`). */
export function receivedStamp(received: string | undefined): Stamp | undefined {
  if (received === undefined) return undefined;
  const at = received.lastIndexOf(';');
  if (at < 0) return undefined;
  const text = received.slice(at + 1).trim();
  const instant = parseMailDate(text);
  if (!instant) return undefined;
  const by = /\bby\s+(\S+)/i.exec(received)?.[1];
  return {
    instant,
    receivedBy: 'received-header',
    evidence: `topmost Received: header${by ? ` (by ${by})` : ''}: "${text}"`,
  };
}

/** The sender's `Date:`: a last resort, never the server's evidence. */
export function dateHeaderStamp(date: string | undefined): Stamp | undefined {
  const instant = date === undefined ? undefined : parseMailDate(date);
  if (!instant) return undefined;
  return {
    instant,
    receivedBy: 'date-header',
    evidence: `Date: header "${date!.trim()}", written by the sender's software`,
    warning:
      'no server time in the message (no INTERNALDATE, From_ line or Received: header): the time is the Date: the sender wrote',
  };
}

/** The From_ line stamp, or undefined when the line carries no readable date. */
export function fromLineStamp(line: string, where: string, timeZone: string): Stamp | undefined {
  const read = parseFromLine(line, timeZone);
  if (!read) return undefined;
  return {
    instant: read.instant,
    receivedBy: 'mbox-from-line',
    evidence: read.zoned
      ? `From_ line (${where}): "${read.text}"`
      : `From_ line (${where}): "${read.text}" has no time zone: read in ${timeZone}`,
  };
}
