/**
 * Raw RFC 5322 messages written by hand for the intake tests, so each case controls exactly
 * the bytes a mail client would send: RFC 2231 file names, a missing closing boundary, a
 * winmail.dat, headers in any order.
 */

/** One attachment. */
export interface AttachmentSpec {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  /** `rfc2231`: `filename*=UTF-8''…` split in two continuations, as Thunderbird writes it. */
  readonly nameStyle?: 'plain' | 'rfc2231';
}

/** One message. */
export interface MailSpec {
  readonly from: string;
  readonly to?: string;
  readonly subject: string;
  /** RFC 5322 date written by the sender. */
  readonly date?: string;
  readonly messageId?: string;
  readonly text?: string;
  readonly html?: string;
  readonly attachments?: readonly AttachmentSpec[];
  /** `Received:` fields, topmost first. */
  readonly received?: readonly string[];
}

const CRLF = '\r\n';

function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

function disposition(a: AttachmentSpec): string {
  if (a.nameStyle !== 'rfc2231') return `attachment; filename="${a.name}"`;
  const encoded = encodeURIComponent(a.name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const half = Math.ceil(encoded.length / 2);
  // Never split a %XX escape between continuations.
  let cut = half;
  while (encoded[cut - 1] === '%' || encoded[cut - 2] === '%') cut += 1;
  return `attachment;${CRLF} filename*0*=UTF-8''${encoded.slice(0, cut)};${CRLF} filename*1*=${encoded.slice(cut)}`;
}

/** The message as bytes a server would store (CRLF line ends). */
export function rawMail(spec: MailSpec, boundary = 'b-recevable-test'): Buffer {
  const head = [
    ...(spec.received ?? []).map((r) => `Received: ${r}`),
    `From: ${spec.from}`,
    `To: ${spec.to ?? 'dossiers@ecole.example'}`,
    `Subject: ${encodeWord(spec.subject)}`,
    ...(spec.date ? [`Date: ${spec.date}`] : []),
    ...(spec.messageId ? [`Message-ID: ${spec.messageId}`] : []),
    'MIME-Version: 1.0',
  ];
  const text = spec.text ?? 'Bonjour,\r\nVeuillez trouver mon dossier ci-joint.\r\nCordialement';
  const bodyPart = spec.html
    ? [`Content-Type: text/html; charset=utf-8`, 'Content-Transfer-Encoding: 8bit', '', spec.html]
    : [`Content-Type: text/plain; charset=utf-8`, 'Content-Transfer-Encoding: 8bit', '', text];
  const attachments = spec.attachments ?? [];
  if (attachments.length === 0) return Buffer.from([...head, ...bodyPart, ''].join(CRLF));
  const parts = [
    bodyPart.join(CRLF),
    ...attachments.map((a) =>
      [
        `Content-Type: ${a.type}${a.nameStyle === 'rfc2231' ? '' : `; name="${a.name}"`}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: ${disposition(a)}`,
        '',
        base64Lines(a.bytes),
      ].join(CRLF),
    ),
  ];
  return Buffer.from(
    [
      ...head,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      'This is a multi-part message in MIME format.',
      ...parts.map((p) => `--${boundary}${CRLF}${p}`),
      `--${boundary}--`,
      '',
    ].join(CRLF),
  );
}

/** RFC 5322 date of an instant in UTC: `Fri, 25 Aug 2023 09:58:03 +0000`. */
export function mailDate(instant: Date): string {
  return instant.toUTCString().replace('GMT', '+0000');
}

/** An mbox of messages, each after its From_ line, body lines starting "From " escaped. */
export function mbox(messages: readonly { fromLine: string; raw: Buffer }[]): Buffer {
  return Buffer.from(
    messages
      .map(({ fromLine, raw }) => {
        const body = raw
          .toString('latin1')
          .replace(/\r\n/g, '\n')
          .replace(/^(>*From )/gm, '>$1');
        return `${fromLine}\n${body}${body.endsWith('\n') ? '' : '\n'}\n`;
      })
      .join(''),
    'latin1',
  );
}

/** asctime as mbox From_ lines write it: `Fri Aug 25 09:58:03 2023` (UTC fields). */
export function asctime(instant: Date, zone?: string): string {
  const [wd, , , , time] = instant.toUTCString().split(' ');
  const month = instant.toUTCString().split(' ')[2];
  const day = String(instant.getUTCDate()).padStart(2, ' ');
  return `${wd!.slice(0, 3)} ${month} ${day} ${time}${zone ? ` ${zone}` : ''} ${instant.getUTCFullYear()}`;
}
