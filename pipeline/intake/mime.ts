/**
 * One e-mail as intake needs it, parsed by postal-mime: sender, Message-ID, subject, the text
 * the candidate wrote, the attachments (RFC 2231 / RFC 2047 names decoded), the topmost
 * `Received:` and the `Date:` as written. A multipart body without its closing boundary is a
 * truncated message (an interrupted copy or export), reported rather than half-read.
 */
import PostalMime, { type Email } from 'postal-mime';

/** An attachment, decoded. */
export interface Part {
  /** File name as sent (decoded), or empty when the part names none. */
  readonly name: string;
  /** Lowercase MIME type. */
  readonly type: string;
  readonly bytes: Uint8Array;
  /** An image the HTML shows inline (a signature logo), not a file the candidate attached. */
  readonly inline: boolean;
}

/** What intake reads of a message. */
export interface Mail {
  readonly messageId?: string;
  /** Sender address, lowercase. */
  readonly from?: string;
  readonly subject: string;
  /** Plain text (from the HTML when there is no text part), quoted lines left out. */
  readonly text: string;
  /** Every link target of the text and HTML. */
  readonly links: readonly string[];
  readonly parts: readonly Part[];
  /** Raw value of the first (topmost) `Received:` field. */
  readonly received?: string;
  /** Raw value of `Date:`. */
  readonly date?: string;
}

/** Why a message could not be read. */
export type MailProblem = { problem: string };

const header = (email: Email, key: string): string | undefined =>
  email.headers.find((h) => h.key === key)?.value;

/** Boundaries declared by `Content-Type:` fields (folded lines included). */
function boundaries(head: string): string[] {
  const out: string[] = [];
  for (const m of head.matchAll(/^content-type:[^\n]*(?:\n[ \t][^\n]*)*/gim)) {
    const b = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(m[0]);
    if (b) out.push((b[1] ?? b[2])!);
  }
  return out;
}

/** The boundary whose closing delimiter (`--b--`) never comes, if any. */
function unclosed(raw: string): string | undefined {
  return boundaries(raw).find((b) => !raw.includes(`--${b}--`));
}

function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function linksOf(text: string, html: string): string[] {
  const found = new Set<string>();
  for (const m of `${text}\n${html}`.matchAll(/https?:\/\/[^\s"'<>)\]]+/gi)) found.add(m[0]);
  return [...found];
}

/** Parses a message; never throws. */
export async function readMail(bytes: Uint8Array): Promise<Mail | MailProblem> {
  if (bytes.length === 0) return { problem: 'empty file: no message in it' };
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const headEnd = raw.search(/\r?\n\r?\n/);
  if (headEnd < 0 || !/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.slice(0, headEnd)))
    return { problem: 'not an e-mail message: no header section' };
  const open = unclosed(raw);
  if (open !== undefined)
    return {
      problem: `truncated message: the MIME boundary "${open}" is never closed (an interrupted copy or export); export the message again`,
    };
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { problem: `unreadable MIME structure: ${(error as Error).message}` };
  }
  const from = email.from?.address ?? email.from?.group?.[0]?.address;
  const own = (email.text ?? (email.html ? htmlText(email.html) : ''))
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('>'))
    .join('\n');
  const parts = email.attachments.map((a): Part => ({
    name: (a.filename ?? '').trim(),
    type: a.mimeType.toLowerCase(),
    bytes: new Uint8Array(a.content as ArrayBuffer),
    inline: a.related === true || (a.disposition === 'inline' && a.mimeType.startsWith('image/')),
  }));
  const messageId = email.messageId?.trim();
  const received = header(email, 'received');
  const date = header(email, 'date');
  return {
    ...(messageId ? { messageId } : {}),
    ...(from ? { from: from.toLowerCase() } : {}),
    subject: email.subject ?? '',
    text: own,
    links: linksOf(email.text ?? '', email.html ?? ''),
    parts,
    ...(received !== undefined ? { received } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}
