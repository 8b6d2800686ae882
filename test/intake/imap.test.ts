/**
 * `recevable intake` against a real Dovecot 2.3 on 127.0.0.1: messages delivered through its
 * LMTP, so INTERNALDATE is the server's clock. The deadline is set between deliveries: the
 * on-time messages arrive before it, the late one in the second right after it (its `Date:`
 * claims a minute before the deadline).
 */
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSession } from '../../pipeline/checks/index.ts';
import { intakeSession } from '../../pipeline/intake/index.ts';
import { formatInZone } from '../../pipeline/time.ts';
import {
  cases,
  copySession,
  expectedFiles,
  raw,
  scenarioSession,
  ZONE,
  removeSessions,
} from './cases.ts';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { mailDate, rawMail } from './mail.ts';

let server: Dovecot;
let deadline: Date;
/** A session after one clean run. */
let clean: string;

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const submissionsOf = async (dir: string) =>
  (
    parse(await readFile(join(dir, 'submissions.yaml'), 'utf8')) as {
      submissions: Record<string, string>[];
    }
  ).submissions;

async function mailboxInfo(): Promise<{ uid: number; flags: string[]; internalDate: Date }[]> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: server.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  await client.connect();
  await client.mailboxOpen('INBOX', { readOnly: true });
  const out: { uid: number; flags: string[]; internalDate: Date }[] = [];
  for await (const m of client.fetch(
    '1:*',
    { uid: true, flags: true, internalDate: true },
    { uid: true },
  ))
    out.push({
      uid: m.uid,
      flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent'),
      internalDate: new Date(m.internalDate!),
    });
  await client.logout();
  return out;
}

function runCli(dir: string, env: Record<string, string> = {}, wait?: RegExp) {
  const child = spawn(
    process.execPath,
    ['pipeline/bin.js', 'intake', dir, '--from', server.url(), '--json'],
    {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, RECEVABLE_IMAP_PASSWORD: server.password, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (wait?.test(stderr)) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = await startDovecot();
  const list = await cases(new Date(0));
  for (const c of list.filter((c) => !c.late)) await server.deliver(raw(c, new Date()));
  // Two seconds later, the late message: the deadline is set one second before the time the
  // server gives it, so every on-time message (INTERNALDATE in whole seconds) is before it
  // whatever the load of the machine. Its Date: claims a minute before that deadline.
  await sleepUntil(Math.ceil(Date.now() / 1000) * 1000 + 2100);
  const sentAt = Date.now();
  const late = (await cases(new Date(sentAt - 1000))).find((c) => c.late)!;
  await server.deliver(raw(late, new Date()));
  const internal = (await mailboxInfo()).at(-1)!.internalDate;
  // The server's time is the delivery's, not the sender's claim.
  expect(Math.abs(internal.getTime() - sentAt)).toBeLessThan(2000);
  deadline = new Date(internal.getTime() - 1000);
  clean = await scenarioSession(deadline);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await removeSessions();
});

describe('intake from IMAP (Dovecot)', () => {
  it('records every case of the scenario with INTERNALDATE as evidence, and ignores the others with the reason', async () => {
    const report = await intakeSession(clean, { from: server.url(), password: server.password });
    const entries = await submissionsOf(clean);
    expect(entries.map((e) => [e['candidate'], e['file'], e['originalName']])).toEqual(
      expectedFiles,
    );
    for (const e of entries) {
      expect(e['receivedBy']).toBe('imap-internaldate');
      expect(e['evidence']).toMatch(
        /^INTERNALDATE of INBOX UID \d+ \(UIDVALIDITY \d+\) on imap:\/\/dossiers@127\.0\.0\.1:\d+\/INBOX$/,
      );
      expect(e['receivedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      const bytes = await readFile(join(clean, e['file']!));
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e['sha256']);
    }
    const c002 = entries.find((e) => e['candidate'] === 'C002')!;
    expect(c002['receivedAt']).toBe(formatInZone(new Date(deadline.getTime() + 1000), ZONE));
    expect(c002['messageId']).toBe('<c002@client.example>');
    expect(c002['from']).toBe('c002@example.org');
    expect(entries.find((e) => e['candidate'] === 'C006')!['from']).toBe(
      'camille.perso@gmail.example',
    );
    // The DOCX named .pdf is stored as received: its bytes are a zip (DOCX), its name .pdf.
    const c007 = await readFile(join(clean, 'submissions/C007-1.pdf'));
    expect(c007.subarray(0, 2).toString()).toBe('PK');
    expect(report.added.find((a) => a.candidate === 'C006')?.matchedBy).toBe('subject');
    expect(report.ignored.map((i) => [i.messageId, i.from, i.reason])).toEqual([
      ['<c005@client.example>', 'c005@example.org', 'no attachment'],
      [
        '<stranger@client.example>',
        'inconnu@nowhere.example',
        "sender inconnu@nowhere.example is not a candidate's address in candidates.yaml, and no candidate code is in the subject or body",
      ],
    ]);
  });

  it('never changes the mailbox: no \\Seen, nothing moved, every message still there', async () => {
    const flags = await mailboxInfo();
    expect(flags).toHaveLength(10);
    expect(flags.every((m) => m.flags.length === 0)).toBe(true);
    expect((await readdir(join(server.maildir, 'new'))).length).toBe(10);
    expect(await readdir(join(server.maildir, 'cur'))).toEqual([]);
  });

  it('adds nothing on a second run and fetches only UIDs above the last one seen', async () => {
    const before = await readFile(join(clean, 'submissions.yaml'), 'utf8');
    const again = await intakeSession(clean, { from: server.url(), password: server.password });
    expect(again.added).toEqual([]);
    expect(again.ignored).toEqual([]);
    expect(await readFile(join(clean, 'submissions.yaml'), 'utf8')).toBe(before);
    const state = parse(await readFile(join(clean, 'intake-state.yaml'), 'utf8')) as {
      mailboxes: { lastUid: number; unmatched: number[] }[];
    };
    expect(state.mailboxes[0]).toMatchObject({ lastUid: 10, unmatched: [8] });
  });

  it('reads the Maildir Dovecot wrote the same way, timed by the Received: field of its LMTP', async () => {
    const dir = await copySession(clean);
    const report = await intakeSession(dir, { from: server.maildir });
    expect(report.added.map((a) => [a.candidate, a.file, a.originalName])).toEqual(expectedFiles);
    const c002 = report.added.find((a) => a.candidate === 'C002')!;
    expect(c002.receivedBy).toBe('received-header');
    expect(c002.evidence).toMatch(/^topmost Received: header \(by \S+\): ".+ \+0000"$/);
    const byImap = (await submissionsOf(clean)).find((e) => e['candidate'] === 'C002')!;
    // LMTP writes Received: as DATA begins, INTERNALDATE when it saves: the same second or the next.
    const gap = Date.parse(byImap['receivedAt']!) - Date.parse(c002.receivedAt);
    expect(gap === 0 || gap === 1000).toBe(true);
  });

  it('lets check decide on the intake time: on time passes, one second late fails, with the evidence', async () => {
    const { results } = await checkSession(clean, { libreoffice: false, write: false });
    const byCode = new Map(results.map((r) => [r.candidate, r]));
    expect(byCode.get('C001')!.checks['deadline']!.status).toBe('pass');
    const late = byCode.get('C002')!.checks['deadline']!;
    expect(late.status).toBe('fail');
    expect(late.evidence).toMatchObject({
      lateSeconds: 1,
      receivedBy: 'imap-internaldate',
      messageId: '<c002@client.example>',
      from: 'c002@example.org',
    });
    expect(late.detail).toContain('imap-internaldate: INTERNALDATE of INBOX UID 10');
    // Two sends: both recorded, the latest on time decided.
    expect(byCode.get('C003')!.submission?.file).toBe('submissions/C003-2.pdf');
  });

  it('gives the same submissions.yaml as one clean run after being killed midway, at either write', async () => {
    for (const stall of ['3:file', '5:entry']) {
      const dir = await copySession(clean);
      const killed = await runCli(dir, { RECEVABLE_INTAKE_STALL: stall }, /stalled/);
      expect(killed.signal).toBe('SIGKILL');
      const rerun = await runCli(dir);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await readFile(join(dir, 'submissions.yaml'), 'utf8')).toBe(
        await readFile(join(clean, 'submissions.yaml'), 'utf8'),
      );
      expect((await readdir(join(dir, 'submissions'))).sort()).toEqual(
        (await readdir(join(clean, 'submissions'))).sort(),
      );
      expect(await readFile(join(dir, 'intake-state.yaml'), 'utf8')).toBe(
        await readFile(join(clean, 'intake-state.yaml'), 'utf8'),
      );
    }
  }, 60_000);

  it('prints one JSON document with --json: added, and ignored with messageId, from and reason', async () => {
    const run = await runCli(await copySession(clean));
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      added: { candidate: string; receivedBy: string; sha256: string }[];
      ignored: Record<string, unknown>[];
    };
    expect(json.added.map((a) => a.candidate)).toEqual(expectedFiles.map(([code]) => code));
    expect(json.added[0]).toMatchObject({
      receivedBy: 'imap-internaldate',
      file: 'submissions/C001-1.pdf',
    });
    expect(json.ignored[0]).toEqual({
      messageId: '<c005@client.example>',
      from: 'c005@example.org',
      reason: 'no attachment',
      place: 'UID 4',
      candidate: 'C005',
    });
    expect(run.stderr).toContain('+ C002  submissions/C002-1.pdf');
  }, 30_000);

  it('writes a French receipt per new submission, from the organiser to the candidate', async () => {
    const dir = await copySession(clean);
    const report = await intakeSession(dir, {
      from: server.url(),
      password: server.password,
      receipts: true,
    });
    expect(report.added.map((a) => a.receipt)).toEqual(
      expectedFiles.map(([, file]) =>
        file!.replace('submissions/', 'receipts/').replace('.pdf', '.eml'),
      ),
    );
    const eml = await readFile(join(dir, 'receipts/C008-1.eml'));
    const mail = await PostalMime.parse(eml);
    expect(mail.from).toMatchObject({ address: 'certification@example.org' });
    expect(mail.to?.[0]).toMatchObject({ name: 'Élodie Lefèvre', address: 'c008@example.org' });
    expect(mail.messageId).toMatch(/^<.+@recevable>$/);
    expect(mail.inReplyTo).toBe('<c008@client.example>');
    const entry = (await submissionsOf(dir)).find((e) => e['candidate'] === 'C008')!;
    const size = (await readFile(join(dir, entry['file']!))).length;
    expect(mail.text).toContain(`Fichier\u202f: Dossier_Élodie.pdf (enregistré sous C008-1.pdf)`);
    expect(mail.text).toContain(`Empreinte SHA-256\u202f: ${entry['sha256']}`);
    expect(mail.text).toContain(
      `${String(size).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}\u00a0octets`,
    );
    expect(mail.text).toContain('(heure de Paris)');
    // A second run writes no receipt again: nothing is new.
    const again = await intakeSession(dir, {
      from: server.url(),
      password: server.password,
      receipts: true,
    });
    expect(again.added).toEqual([]);
  });

  it('reads the mailbox again after a UIDVALIDITY change and records nothing twice', async () => {
    const dir = await copySession(clean);
    await intakeSession(dir, { from: server.url(), password: server.password });
    const before = await readFile(join(dir, 'submissions.yaml'), 'utf8');
    server.doveadm('mailbox', 'update', '-u', server.user, '--uid-validity', '4242', 'INBOX');
    const after = await intakeSession(dir, { from: server.url(), password: server.password });
    expect(after.notes.join()).toContain('UIDVALIDITY');
    expect(after.added).toEqual([]);
    expect(after.alreadyRecorded).toBe(8);
    expect(await readFile(join(dir, 'submissions.yaml'), 'utf8')).toBe(before);
  });

  it('reads an unmatched message again once candidates.yaml knows its sender', async () => {
    const dir = await copySession(clean);
    await intakeSession(dir, { from: server.url(), password: server.password });
    const fixed = await scenarioSession(deadline, 'inconnu@nowhere.example');
    await import('node:fs/promises').then((fs) =>
      fs.copyFile(join(fixed, 'candidates.yaml'), join(dir, 'candidates.yaml')),
    );
    const again = await intakeSession(dir, { from: server.url(), password: server.password });
    expect(again.added.map((a) => [a.candidate, a.file])).toEqual([
      ['C009', 'submissions/C009-1.pdf'],
    ]);
  });

  it('fetches only what arrived since the last run', async () => {
    const dir = await copySession(clean);
    await intakeSession(dir, { from: server.url(), password: server.password });
    await server.deliver(
      rawMail({
        from: 'c005@example.org',
        subject: 'Dossier (cette fois avec le fichier)',
        date: mailDate(new Date()),
        messageId: '<c005-b@client.example>',
        attachments: [
          { name: 'dossier.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') },
        ],
      }),
    );
    const next = await intakeSession(dir, { from: server.url(), password: server.password });
    expect(next.added.map((a) => [a.candidate, a.file, a.place])).toEqual([
      ['C005', 'submissions/C005-1.pdf', 'UID 11'],
    ]);
    expect(next.ignored).toEqual([]);
  });

  it('says which login failed, and never takes a password in the URL', async () => {
    const dir = await copySession(clean);
    await expect(
      intakeSession(dir, { from: server.url(), password: 'faux' }),
    ).rejects.toMatchObject({
      code: 'INTAKE_IMAP_AUTH',
    });
    await expect(intakeSession(dir, { from: server.url() })).rejects.toMatchObject({
      code: 'USAGE_INTAKE_NO_PASSWORD',
    });
    await expect(
      intakeSession(dir, { from: `imap://dossiers:secret@127.0.0.1:${server.imapPort}/INBOX` }),
    ).rejects.toMatchObject({ code: 'USAGE_INTAKE_PASSWORD_IN_URL' });
    await expect(
      intakeSession(dir, { from: server.url('Nulle-part'), password: server.password }),
    ).rejects.toMatchObject({ code: 'INTAKE_MAILBOX_MISSING' });
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await expect(
      intakeSession(dir, { from: `imap://dossiers@127.0.0.1:${closed}/INBOX`, password: 'x' }),
    ).rejects.toMatchObject({ code: 'INTAKE_IMAP_FAILED' });
  });
});
