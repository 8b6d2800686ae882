/**
 * The intake scenario from files the tests write: an mbox as Gmail Takeout writes it (From_
 * lines with +0000), an mbox whose From_ lines have no zone, a folder of .eml files and a
 * Maildir, whose times come from the topmost Received: field.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { intakeSession } from '../../pipeline/intake/index.ts';
import {
  cases,
  dossiers,
  expectedFiles,
  removeSessions,
  scenarioSession,
  type Case,
} from './cases.ts';
import { asctime, mbox, rawMail } from './mail.ts';

/** 2023-08-25 12:00 in Paris. */
const DEADLINE = new Date('2023-08-25T10:00:00Z');
const LATE = new Date(DEADLINE.getTime() + 1000);
let list: Case[];
let work: string;

/** When each case arrived: a minute apart the day before, the late one a second after noon. */
const arrival = (c: Case, i: number): Date =>
  c.late ? LATE : new Date(Date.parse('2023-08-24T16:03:00Z') + i * 60_000);
const received = (at: Date, i: number) => [
  `from smtp.client.example (smtp.client.example [192.0.2.7]) by mx.ecole.example with ESMTPS id 4Rx${i} for <dossiers@ecole.example>; ${at.toUTCString().replace('GMT', '+0000')}`,
  `from [10.0.0.2] by smtp.client.example with ESMTPSA id a${i}; ${new Date(at.getTime() - 5000).toUTCString().replace('GMT', '+0000')}`,
];
/** The sender's clock: the late one claims a minute before the deadline. */
const sent = (c: Case, at: Date) => (c.late ? new Date(DEADLINE.getTime() - 60_000) : at);

const entries = async (dir: string) =>
  (
    parse(await readFile(join(dir, 'submissions.yaml'), 'utf8')) as {
      submissions: Record<string, string>[];
    }
  ).submissions;

beforeAll(async () => {
  list = await cases(DEADLINE);
  work = await mkdtemp(join(tmpdir(), 'recevable-intake-files-'));
  const messages = list.map((c, i) => ({ c, at: arrival(c, i), i }));
  await writeFile(
    join(work, 'takeout.mbox'),
    mbox(
      messages.map(({ c, at, i }) => ({
        fromLine: `From 177520830623624${i}@xxx ${asctime(at, '+0000')}`,
        raw: rawMail(c.spec(sent(c, at))),
      })),
    ),
  );
  await writeFile(
    join(work, 'local.mbox'),
    mbox(
      messages.map(({ c, at }) => ({
        // Wall-clock Paris time (UTC+2 in August), no zone, as mutt or procmail write it.
        fromLine: `From ${c.spec(at).from.replace(/.*<|>.*/g, '')} ${asctime(new Date(at.getTime() + 7_200_000))}`,
        raw: rawMail(c.spec(sent(c, at))),
      })),
    ),
  );
  await mkdir(join(work, 'eml'));
  await mkdir(join(work, 'Maildir/cur'), { recursive: true });
  await mkdir(join(work, 'Maildir/new'), { recursive: true });
  await mkdir(join(work, 'Maildir/tmp'), { recursive: true });
  for (const { c, at, i } of messages) {
    const bytes = rawMail({ ...c.spec(sent(c, at)), received: received(at, i) });
    await writeFile(join(work, 'eml', `${String(i + 1).padStart(2, '0')} ${c.label}.eml`), bytes);
    const unix = Math.floor(at.getTime() / 1000);
    const name = i % 2 ? `new/${unix}.M${i}P4242.mx` : `cur/${unix}.M${i}P4242.mx:2,S`;
    await writeFile(join(work, 'Maildir', name), bytes);
  }
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await removeSessions();
});

describe('intake from files', () => {
  const sources = [
    ['an mbox with +0000 From_ lines (Gmail Takeout)', 'takeout.mbox', 'mbox-from-line'],
    ['an mbox whose From_ lines have no zone', 'local.mbox', 'mbox-from-line'],
    ['a folder of .eml files', 'eml', 'received-header'],
    ['a Maildir', 'Maildir', 'received-header'],
  ] as const;

  for (const [what, name, by] of sources) {
    it(`records the scenario from ${what}, the late one at 12:00:01 by ${by}`, async () => {
      const dir = await scenarioSession(DEADLINE);
      const report = await intakeSession(dir, { from: join(work, name) });
      const got = await entries(dir);
      expect(got.map((e) => [e['candidate'], e['file'], e['originalName']])).toEqual(expectedFiles);
      expect(new Set(got.map((e) => e['receivedBy']))).toEqual(new Set([by]));
      const late = got.find((e) => e['candidate'] === 'C002')!;
      expect(late['receivedAt']).toBe('2023-08-25T12:00:01+02:00');
      expect(got.find((e) => e['candidate'] === 'C001')!['receivedAt']).toBe(
        '2023-08-24T18:03:00+02:00',
      );
      if (name === 'local.mbox')
        expect(late['evidence']).toBe(
          'From_ line (line ' +
            late['evidence']!.match(/line (\d+)/)![1] +
            '): "Fri Aug 25 12:00:01 2023" has no time zone: read in Europe/Paris',
        );
      if (name === 'takeout.mbox')
        expect(late['evidence']).toMatch(
          /^From_ line \(line \d+\): "Fri Aug 25 10:00:01 \+0000 2023"$/,
        );
      if (by === 'received-header')
        expect(late['evidence']).toBe(
          'topmost Received: header (by mx.ecole.example): "Fri, 25 Aug 2023 10:00:01 +0000"',
        );
      expect(report.ignored.map((i) => [i.messageId, i.reason.split(' ')[0]])).toEqual([
        ['<c005@client.example>', 'no'],
        ['<stranger@client.example>', 'sender'],
      ]);
      const again = await intakeSession(dir, { from: join(work, name) });
      expect(again.added).toEqual([]);
      expect(again.alreadyRecorded).toBe(8);
    });
  }

  it('records nothing twice when the same messages come again from another source', async () => {
    const dir = await scenarioSession(DEADLINE);
    await intakeSession(dir, { from: join(work, 'takeout.mbox') });
    const second = await intakeSession(dir, { from: join(work, 'eml') });
    expect(second.added).toEqual([]);
    expect(second.alreadyRecorded).toBe(8);
  });

  it('reads one .eml file, and skips what arrived before --since', async () => {
    const dir = await scenarioSession(DEADLINE);
    const one = await intakeSession(dir, { from: join(work, 'eml', '01 on time.eml') });
    expect(one.added.map((a) => a.file)).toEqual(['submissions/C001-1.pdf']);
    const since = await intakeSession(dir, { from: join(work, 'eml'), since: '2023-08-25' });
    expect(since.added.map((a) => a.candidate)).toEqual(['C002']);
    expect(since.beforeSince).toBe(9);
  });

  it('writes nothing on --dry-run and says what it would record', async () => {
    const dir = await scenarioSession(DEADLINE);
    const dry = await intakeSession(dir, { from: join(work, 'eml'), dryRun: true, receipts: true });
    expect(dry.added.map((a) => a.file)).toEqual(expectedFiles.map(([, f]) => f));
    await expect(readFile(join(dir, 'submissions.yaml'))).rejects.toThrow();
    await expect(readFile(join(dir, 'submissions/C001-1.pdf'))).rejects.toThrow();
    await expect(readFile(join(dir, 'receipts/C001-1.eml'))).rejects.toThrow();
  });

  it('refuses to run while another intake holds the session, and takes over the lock of a killed one', async () => {
    const dir = await scenarioSession(DEADLINE);
    await writeFile(join(dir, '.intake.lock'), `${process.ppid}\n`);
    await expect(intakeSession(dir, { from: join(work, 'eml') })).rejects.toMatchObject({
      code: 'INTAKE_LOCKED',
    });
    await writeFile(join(dir, '.intake.lock'), '2147483646\n');
    const report = await intakeSession(dir, { from: join(work, 'eml') });
    expect(report.added).toHaveLength(8);
    await expect(readFile(join(dir, '.intake.lock'))).rejects.toThrow();
  });

  it('reads a Maildir in delivery order: microseconds compared as numbers, flags after the colon ignored', async () => {
    const dir = await mkdtemp(join(work, 'Maildir-'));
    for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(dir, sub));
    const d = await dossiers();
    const mail = async (id: string, seed: number) =>
      rawMail({
        from: 'c001@example.org',
        subject: 'Dossier',
        messageId: `<${id}@client.example>`,
        received: ['by mx.ecole.example; Thu, 24 Aug 2023 16:03:00 +0000'],
        attachments: [{ name: `${id}.pdf`, type: 'application/pdf', bytes: await d.pdf(seed) }],
      });
    await writeFile(join(dir, 'cur/1692893000.M858828P17.mx:2,S'), await mail('second', 41));
    await writeFile(join(dir, 'new/1692893000.M95P17.mx'), await mail('first', 42));
    const session = await scenarioSession(DEADLINE);
    const report = await intakeSession(session, { from: dir });
    expect(report.added.map((a) => [a.file, a.originalName, a.place])).toEqual([
      ['submissions/C001-1.pdf', 'first.pdf', 'new/1692893000.M95P17.mx'],
      ['submissions/C001-2.pdf', 'second.pdf', 'cur/1692893000.M858828P17.mx:2,S'],
    ]);
  });
});
