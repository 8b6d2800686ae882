/**
 * The `--from` of `recevable intake`: an IMAP mailbox URL, an mbox file, one `.eml` file, a
 * folder of `.eml` files or a Maildir (a folder with `cur/` and `new/`). The IMAP password comes
 * from `RECEVABLE_IMAP_PASSWORD`, never from the URL.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Errors, recevableError } from '../errors.ts';

/** An IMAP mailbox. */
export interface ImapSource {
  readonly kind: 'imap';
  readonly host: string;
  readonly port: number;
  /** `imaps://`: TLS from the first byte; `imap://`: STARTTLS, required unless on loopback. */
  readonly secure: boolean;
  readonly user: string;
  readonly mailbox: string;
  /** The URL without password, as the state and the evidence name it. */
  readonly label: string;
}

/** A file or folder of messages. */
export interface FileSource {
  readonly kind: 'mbox' | 'eml' | 'eml-dir' | 'maildir';
  readonly path: string;
  readonly label: string;
}

export type Source = ImapSource | FileSource;

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** True when the host is this machine, where IMAP without TLS exposes no password. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase());
}

function imapSource(text: string): ImapSource {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw recevableError(Errors.IntakeBadSource, text, 'it is not a valid URL');
  }
  if (url.password) throw recevableError(Errors.IntakePasswordInUrl, url.host);
  const user = decodeURIComponent(url.username);
  if (!user)
    throw recevableError(
      Errors.IntakeBadSource,
      text,
      'the URL names no user (imap://user@host/INBOX)',
    );
  const secure = url.protocol === 'imaps:';
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const label = `${url.protocol}//${url.username}@${url.hostname}:${port}/${mailbox}`;
  return { kind: 'imap', host, port, secure, user, mailbox, label };
}

/** Reads `--from`; throws a usage error naming what is wrong. */
export async function parseSource(text: string): Promise<Source> {
  if (/^imaps?:\/\//i.test(text)) return imapSource(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    throw recevableError(Errors.IntakeBadSource, text, 'only imap:// and imaps:// URLs are read');
  const info = await stat(text).catch(() => undefined);
  if (!info) throw recevableError(Errors.IntakeBadSource, text, 'no such file or folder');
  if (info.isFile()) {
    return { kind: /\.eml$/i.test(text) ? 'eml' : 'mbox', path: text, label: text };
  }
  const isDir = async (name: string) =>
    (await stat(join(text, name)).catch(() => undefined))?.isDirectory();
  if ((await isDir('cur')) && (await isDir('new')))
    return { kind: 'maildir', path: text, label: text };
  return { kind: 'eml-dir', path: text, label: text };
}
