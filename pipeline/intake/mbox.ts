/**
 * Splits an mbox file (Gmail Takeout, Thunderbird, mutt: mboxo or mboxrd) into messages while
 * streaming it, so a mailbox of gigabytes never sits in memory: a message is a From_ line and
 * the lines up to the next one; `>From ` lines lose one `>`. A message past the size limit is
 * counted but not kept.
 */
import { createReadStream } from 'node:fs';

/** One message of the mbox. */
export interface MboxMessage {
  /** 1-based line of its From_ line. */
  readonly line: number;
  readonly fromLine: string;
  /** The message without its From_ line; absent when larger than the limit. */
  readonly bytes?: Buffer;
  /** Bytes of the message in the file. */
  readonly size: number;
}

/** Why a file is not an mbox. */
export class NotAnMbox extends Error {
  readonly firstLine: string;
  constructor(firstLine: string) {
    super('not an mbox');
    this.firstLine = firstLine;
  }
}

/** A From_ line: `From <sender> <asctime>`, as every mbox writer starts a message. */
const FROM_LINE = /^From \S*\s+[A-Za-z]{3}\s+[A-Za-z]{3}\s+\d{1,2}\s+\d{1,2}:\d{2}/;
const ESCAPED = /^>+From /;

const text = (line: Buffer): string => line.toString('latin1').replace(/\r$/, '');

/** Streams the messages of `path`; throws NotAnMbox when its first line is not a From_ line. */
export async function* mboxMessages(path: string, limit: number): AsyncGenerator<MboxMessage> {
  let current: { line: number; fromLine: string; chunks: Buffer[]; size: number } | undefined;
  let lineNo = 0;
  let partial: Buffer[] = [];
  let partialSize = 0;
  let previousBlank = true;
  /** The line being read is longer than the limit: its start was dropped. */
  let overlong = false;

  const finish = (): MboxMessage | undefined => {
    if (!current) return undefined;
    const { line, fromLine, chunks, size } = current;
    if (size > limit) return { line, fromLine, size };
    let bytes = Buffer.concat(chunks);
    // The blank line before the next From_ line separates messages; it is not part of one.
    if (bytes.at(-1) === 0x0a) bytes = bytes.subarray(0, bytes.at(-2) === 0x0d ? -2 : -1);
    return { line, fromLine, bytes, size };
  };

  const take = (line: Buffer): MboxMessage | undefined => {
    lineNo += 1;
    const head = text(line.subarray(0, 200));
    const blank = head.trim() === '' && line.length <= 2;
    let done: MboxMessage | undefined;
    if (previousBlank && !overlong && FROM_LINE.test(head)) {
      done = finish();
      current = { line: lineNo, fromLine: text(line).trimEnd(), chunks: [], size: 0 };
    } else if (!current) {
      if (!blank) throw new NotAnMbox(head.trimEnd().slice(0, 80));
    } else {
      current.size += line.length;
      if (current.size <= limit) {
        current.chunks.push(ESCAPED.test(head) ? line.subarray(1) : line);
      } else current.chunks = [];
    }
    previousBlank = blank;
    return done;
  };

  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, at + 1);
      const line = partial.length > 0 ? Buffer.concat([...partial, piece]) : piece;
      partial = [];
      partialSize = 0;
      const done = take(line);
      overlong = false;
      start = at + 1;
      if (done) yield done;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      partialSize += rest.length;
      if (partialSize > limit && !current) throw new NotAnMbox(text(rest.subarray(0, 80)));
      if (partialSize > limit && current) {
        // A line longer than any message we keep: count it, drop it.
        current.size += partialSize;
        current.chunks = [];
        partial = [];
        partialSize = 0;
        overlong = true;
      } else partial.push(Buffer.from(rest));
    }
  }
  if (partial.length > 0) {
    const done = take(Buffer.concat(partial));
    if (done) yield done;
  }
  const last = finish();
  if (last) yield last;
}
