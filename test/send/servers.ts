/**
 * Real SMTP servers on 127.0.0.1 for the send tests: Postfix's `smtp-sink` (accepts and dumps
 * every message, or refuses, holds or drops as told) and an `smtp-server` that answers each
 * recipient as the test wants. Each is started on a free port and stopped by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A free TCP port of 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function listening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`smtp-sink did not listen on ${port}`);
}

/** A running smtp-sink. */
export interface Sink {
  readonly url: string;
  readonly dump: string;
  /** The messages it received, parsed (smtp-sink's own X- headers left in). */
  messages(): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** Starts `smtp-sink -d <dump>` with extra flags, e.g. `['-q', '.']`, `['-f', 'RCPT']`. */
export async function startSink(flags: string[] = [], dump?: string): Promise<Sink> {
  const folder = dump ?? (await mkdtemp(join(tmpdir(), 'recevable-sink-')));
  const port = await freePort();
  const root = process.getuid?.() === 0 ? ['-u', 'root'] : [];
  const child: ChildProcess = spawn(
    '/usr/sbin/smtp-sink',
    [...root, ...flags, '-d', `${folder}/%Y%m%d%H%M%S.`, `127.0.0.1:${port}`, '100'],
    { stdio: 'ignore' },
  );
  await listening(port);
  return {
    url: `smtp://127.0.0.1:${port}`,
    dump: folder,
    messages: async () => {
      const names = (await readdir(folder)).sort();
      return Promise.all(names.map(async (n) => simpleParser(await readFile(join(folder, n)))));
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** An smtp-server that answers RCPT TO per address: a code ≥ 400 refuses it with that code. */
export async function startPicky(
  answer: (address: string) => number,
): Promise<{ url: string; received: string[][]; stop(): Promise<void> }> {
  const received: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = answer(address.address);
      if (code < 400) return callback();
      const error = Object.assign(new Error(`${code} mailbox ${address.address} refused`), {
        responseCode: code,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
