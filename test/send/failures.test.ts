import { spawn } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { cancellation } from '../../pipeline/convocations/compose.ts';
import { readSchedule } from '../../pipeline/schedule/files.ts';
import { loadSession } from '../../pipeline/session/load.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { sendSession } from '../../pipeline/send/index.ts';
import { JournalLine } from '../../schemas/mail-journal.ts';
import { captureIo } from '../support/io.ts';
import { startPicky, startSink, type Sink } from './servers.ts';

const demo = new URL('../../content/demo-2023/', import.meta.url);
const bin = new URL('../../pipeline/bin.js', import.meta.url).pathname;
const onTime = () => new Date('2023-09-04T09:00:00+02:00');
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function session(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'recevable-send-')), 'demo');
  await cp(demo, dir, { recursive: true });
  return dir;
}

async function sink(flags: string[] = [], dump?: string): Promise<Sink> {
  const s = await startSink(flags, dump);
  stops.push(() => s.stop());
  return s;
}

async function journal(dir: string): Promise<JournalLine[]> {
  const text = await readFile(join(dir, 'mail', 'sent.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JournalLine.parse(JSON.parse(l)));
}

const one = { what: ['convocation'] as const, only: ['C001'], clock: onTime };

describe('refusals by the server', () => {
  it('records a 5xx recipient as rejected and never sends it again', async () => {
    const dir = await session();
    const refusing = await sink(['-f', 'RCPT']);
    const first = await sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: refusing.url } });
    expect(first.sent).toBe(0);
    expect(first.rejected).toHaveLength(1);
    expect(first.rejected[0]!.reply).toMatch(/^5\d\d /);
    expect((await journal(dir)).map((l) => l.status)).toEqual(['rejected']);
    const open = await sink();
    const again = await sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: open.url } });
    expect(again.sent).toBe(0);
    expect(again.skipped).toBe(1);
    expect(await open.messages()).toEqual([]);
  });

  it('records a 4xx recipient as deferred and delivers it on the next run', async () => {
    const dir = await session();
    const busy = await sink(['-r', 'RCPT']);
    const first = await sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: busy.url } });
    expect(first.deferred.map((d) => d.reply)).toEqual([expect.stringMatching(/^4\d\d /)]);
    const open = await sink();
    const again = await sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: open.url } });
    expect(again.sent).toBe(1);
    expect(await open.messages()).toHaveLength(1);
    expect((await journal(dir)).map((l) => l.status)).toEqual(['deferred', 'unknown', 'sent']);
  });

  it('refuses one recipient among several: 550 rejected, 450 deferred, the third delivered', async () => {
    const dir = await session();
    await mkdir(join(dir, 'receipts'));
    const mail = new MailComposer({
      from: 'certification@example.org',
      to: 'gone@example.org',
      cc: ['full@example.org', 'ok@example.org'],
      subject: 'Accusé de réception',
      text: 'Bonjour,\n',
      messageId: '<receipt-C001-1@recevable>',
    });
    await writeFile(join(dir, 'receipts', 'C001-1.eml'), await mail.compile().build());
    let full = true;
    const picky = await startPicky((address) =>
      address === 'gone@example.org' ? 550 : address === 'full@example.org' && full ? 450 : 250,
    );
    stops.push(() => picky.stop());
    const env = { RECEVABLE_SMTP_URL: picky.url };
    const first = await sendSession(dir, { what: ['receipt'], env });
    expect(first.sent).toBe(1);
    expect(first.rejected.map((r) => [r.recipient, r.reply.slice(0, 3)])).toEqual([
      ['gone@example.org', '550'],
    ]);
    expect(first.deferred.map((r) => [r.recipient, r.reply.slice(0, 3)])).toEqual([
      ['full@example.org', '450'],
    ]);
    full = false;
    const again = await sendSession(dir, { what: ['receipt'], env });
    expect(again.sent).toBe(1);
    expect(picky.received).toEqual([['ok@example.org'], ['full@example.org']]);
    const third = await sendSession(dir, { what: ['receipt'], env });
    expect(third.sent).toBe(0);
    expect(picky.received).toHaveLength(2);
  });
});

describe('the lost 250 (RFC 1047)', () => {
  it('leaves unknown a message whose connection dropped after the final dot, and never duplicates it', async () => {
    const dir = await session();
    const dropping = await sink(['-q', '.']);
    const first = await sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: dropping.url } });
    expect(first.unknown).toHaveLength(1);
    expect(first.sent).toBe(0);
    expect(await dropping.messages()).toHaveLength(1); // the server did take it
    expect((await journal(dir)).map((l) => l.status)).toEqual(['unknown', 'unknown']);
    const open = await sink([], dropping.dump);
    const again = await sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: open.url } });
    expect(again.sent).toBe(0);
    expect(again.unknown.map((u) => u.file)).toEqual(['convocations/C001.eml']);
    expect(await open.messages()).toHaveLength(1);
    const io = captureIo();
    expect(
      await main(
        ['send', dir, '--what', 'convocations', '--only', 'C001', '--late', 'test', '--json'],
        io,
      ),
    ).toBe(0);
    expect(io.out[0]).toMatchObject({ sent: 0, unknown: [{ file: 'convocations/C001.eml' }] });
    const resent = await sendSession(dir, {
      ...one,
      resendUnknown: true,
      env: { RECEVABLE_SMTP_URL: open.url },
    });
    expect(resent.sent).toBe(1);
  });
});

describe('kill -9 in the middle of a run', () => {
  it('delivers each message exactly once over the killed run and the next', async () => {
    const dir = await session();
    const slow = await sink(['-W', '.:1']);
    const env = { ...process.env, RECEVABLE_SMTP_URL: slow.url };
    const args = [bin, 'send', dir, '--what', 'convocations', '--late', 'test replay', '--json'];
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    const path = join(dir, 'mail', 'sent.jsonl');
    // Kill while the server holds its reply to the third message: dumped, but never confirmed.
    for (;;) {
      const lines = await readFile(path, 'utf8').then(
        (t) => t.split('\n').filter(Boolean),
        () => [],
      );
      if (lines.length >= 5) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await slow.stop();
    const open = await sink([], slow.dump);
    const io = captureIo();
    process.env['RECEVABLE_SMTP_URL'] = open.url;
    try {
      expect(
        await main(['send', dir, '--what', 'convocations', '--late', 'replay', '--json'], io),
      ).toBe(0);
    } finally {
      delete process.env['RECEVABLE_SMTP_URL'];
    }
    const report = io.out[0] as { unknown: { file: string }[] };
    expect(report.unknown.map((u) => u.file)).toEqual(['convocations/C003.eml']);
    const ids = (await open.messages()).map((m) => m.messageId);
    const expected = (await journal(dir)).map((l) => l.messageId);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(ids).toHaveLength(new Set(ids).size);
    const convocations = (await readdir(join(dir, 'convocations'))).filter(
      (f) => f.endsWith('.eml') && !f.startsWith('jury-'),
    );
    expect(ids).toHaveLength(convocations.length);
  });
});

describe('guards', () => {
  it('sends no convocation before the convocationsSentOn key date, unless --now', async () => {
    const dir = await session();
    const open = await sink();
    const env = { RECEVABLE_SMTP_URL: open.url };
    const early = () => new Date('2023-09-01T10:00:00+02:00');
    const held = await sendSession(dir, { ...one, clock: early, env });
    expect(held.refused).toEqual([
      {
        file: 'convocations/C001.eml',
        reason:
          'not before the convocationsSentOn key date (2023-09-04); add --now to send it today',
      },
    ]);
    expect(await open.messages()).toEqual([]);
    const now = await sendSession(dir, { ...one, clock: early, now: true, env });
    expect(now.sent).toBe(1);
  });

  it('refuses a convocation sent with less than the notice unless --late, and records why', async () => {
    const dir = await session();
    const open = await sink();
    const io = captureIo();
    process.env['RECEVABLE_SMTP_URL'] = open.url;
    try {
      expect(
        await main(['send', dir, '--what', 'convocations', '--only', 'C001', '--json'], io),
      ).toBe(1);
      expect(io.out[0]).toMatchObject({
        sent: 0,
        refused: [
          {
            file: 'convocations/C001.eml',
            reason: expect.stringMatching(
              /days before the defence on 2023-09-2\d; at least 14 are required: add --late/,
            ) as unknown,
          },
        ],
      });
      const late = captureIo();
      expect(
        await main(
          ['send', dir, '--what', 'convocations', '--only', 'C001', '--late', 'room change'],
          late,
        ),
      ).toBe(0);
    } finally {
      delete process.env['RECEVABLE_SMTP_URL'];
    }
    expect((await journal(dir)).at(-1)).toMatchObject({ status: 'sent', late: 'room change' });
  });
});

describe('the journal and the server settings', () => {
  it('ignores a last line cut short by a crash, and names a damaged line', async () => {
    const dir = await session();
    const open = await sink();
    const env = { RECEVABLE_SMTP_URL: open.url };
    await sendSession(dir, { ...one, env });
    await appendFile(join(dir, 'mail', 'sent.jsonl'), '{"time":"2023-09-04T07:00:00.000Z","mess');
    const again = await sendSession(dir, { ...one, only: ['C002'], env });
    expect(again.warnings[0]).toMatch(/its last line was cut short/);
    expect(again.sent).toBe(1);
    expect((await journal(dir)).map((l) => l.file)).toEqual([
      'convocations/C001.eml',
      'convocations/C001.eml',
      'convocations/C002.eml',
      'convocations/C002.eml',
    ]);
    await appendFile(join(dir, 'mail', 'sent.jsonl'), '{"time": 3}\n');
    await expect(sendSession(dir, { ...one, env })).rejects.toThrow(
      /mail\/sent\.jsonl:5: not a journal line of recevable send: time/,
    );
  });

  it('takes no password in the URL, and needs a server only to send', async () => {
    const dir = await session();
    await expect(
      sendSession(dir, { ...one, env: { RECEVABLE_SMTP_URL: 'smtp://u:secret@127.0.0.1:25' } }),
    ).rejects.toMatchObject({
      code: 'USAGE_SEND_BAD_SMTP_URL',
      message: expect.not.stringContaining('secret') as unknown,
    });
    await expect(sendSession(dir, { ...one, env: {} })).rejects.toMatchObject({
      code: 'USAGE_SEND_NO_SMTP',
    });
    const dry = await sendSession(dir, { ...one, dryRun: true, env: {} });
    expect(dry.planned).toEqual([
      { file: 'convocations/C001.eml', to: [expect.stringContaining('@') as unknown] },
    ]);
  });

  it("uses session.yaml's mail.smtp when no URL is set", async () => {
    const dir = await session();
    const open = await sink();
    const port = Number(new URL(open.url).port);
    const text = await readFile(join(dir, 'session.yaml'), 'utf8');
    await writeFile(
      join(dir, 'session.yaml'),
      `${text}mail:\n  smtp: { host: 127.0.0.1, port: ${port} }\n`,
    );
    expect((await sendSession(dir, { ...one, env: {} })).sent).toBe(1);
    expect(await open.messages()).toHaveLength(1);
  });
});

describe('cancellations', () => {
  it('mails a CANCEL only to whom the invitation went, once it went', async () => {
    const dir = await session();
    const open = await sink();
    const env = { RECEVABLE_SMTP_URL: open.url };
    const loaded = await loadSession(dir);
    const slot = (await readSchedule(dir))!.slots.find((s) => s.candidate === 'C001')!;
    const camille = loaded.candidates.candidates.find((c) => c.code === 'C001')!;
    const withdrawn = {
      candidate: 'C001',
      version: 3,
      scope: 'defence' as const,
      jury: [],
      sequence: (slot.sequence ?? 0) + 1,
      start: slot.start,
      end: slot.end,
      room: slot.room,
    };
    const to = { name: camille.name, email: camille.email };
    const message = await cancellation(loaded.session, withdrawn, to, onTime());
    await writeFile(join(dir, 'convocations', 'C001-cancel-v3.eml'), message.eml);
    // Nothing to cancel before the invitation went: the REQUEST goes, the CANCEL waits.
    const first = await sendSession(dir, { ...one, env });
    expect(first.sent).toBe(1);
    expect(first.skipped).toBe(1);
    expect((await open.messages()).map((m) => m.messageId)).toEqual([
      expect.stringContaining('.C001.') as unknown,
    ]);
    // Once it went, the CANCEL (higher SEQUENCE) follows on the next run, then nothing more.
    const second = await sendSession(dir, { ...one, env });
    expect(second.sent).toBe(1);
    expect((await journal(dir)).at(-1)).toMatchObject({
      file: 'convocations/C001-cancel-v3.eml',
      status: 'sent',
      invitation: { method: 'CANCEL', sequence: withdrawn.sequence },
    });
    expect((await sendSession(dir, { ...one, env })).sent).toBe(0);
  });
});
