/**
 * Every source as one shape: messages in order (IMAP by UID, an mbox in file order, a folder by
 * file name), each with the time its source vouches for, and a `settle` that records how far
 * the source was read (IMAP only; files are read whole on each run).
 */
import { Errors, recevableError } from '../errors.ts';
import { emlMessages, maildirMessages, singleMessage, type FileMessage } from './folders.ts';
import { openImap, type ImapOptions } from './imap.ts';
import { mboxMessages, NotAnMbox } from './mbox.ts';
import type { Source } from './source.ts';
import type { Incoming, Reader } from './types.ts';
import { fromLineStamp } from './when.ts';

export type { Incoming, Outcome, Reader } from './types.ts';

const fromFile = (m: FileMessage): Incoming => ({
  place: m.name,
  size: m.size,
  ...(m.bytes ? { bytes: m.bytes } : {}),
});

/** Opens the source. */
export async function openReader(
  source: Source,
  options: Omit<ImapOptions, 'password'> & { password?: string | undefined; timeZone: string },
): Promise<Reader> {
  const notes: string[] = [];
  const files = (generate: () => AsyncGenerator<FileMessage>): Reader => ({
    async *messages() {
      for await (const m of generate()) yield fromFile(m);
    },
    settle: () => Promise.resolve(),
    close: () => Promise.resolve(),
    notes,
  });
  switch (source.kind) {
    case 'imap':
      if (options.password === undefined)
        throw recevableError(Errors.IntakeNoPassword, source.label);
      return openImap(source, { ...options, password: options.password });
    case 'eml':
      return files(() => singleMessage(source.path, options.limit));
    case 'eml-dir':
      return files(() => emlMessages(source.path, options.limit));
    case 'maildir':
      return files(() => maildirMessages(source.path, options.limit));
    case 'mbox':
      return {
        async *messages() {
          let count = 0;
          try {
            for await (const m of mboxMessages(source.path, options.limit)) {
              count += 1;
              const where = `line ${m.line}`;
              const stamp = fromLineStamp(m.fromLine, where, options.timeZone);
              yield {
                place: where,
                size: m.size,
                ...(m.bytes ? { bytes: m.bytes } : {}),
                ...(stamp ? { stamp } : {}),
              };
            }
          } catch (error) {
            if (error instanceof NotAnMbox)
              throw recevableError(Errors.IntakeNotMbox, source.path, error.firstLine);
            throw error;
          }
          if (count === 0) notes.push(`${source.path} holds no message (an empty mbox)`);
        },
        settle: () => Promise.resolve(),
        close: () => Promise.resolve(),
        notes,
      };
  }
}
