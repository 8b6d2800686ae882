/**
 * Bad input to intake: each hostile message is ignored (or recorded) with a reason naming what
 * is wrong, and the run goes on with the next message. Every mailbox here also holds one good
 * message after the bad one, which must still be recorded.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSession } from '../../pipeline/checks/index.ts';
import { intakeSession } from '../../pipeline/intake/index.ts';
import { zipBomb } from '../read/hostile-files.ts';
import { dossiers, scenarioSession, removeSessions } from './cases.ts';
import { asctime, mbox, rawMail, type MailSpec } from './mail.ts';

const DEADLINE = new Date('2023-08-25T10:00:00Z');
const RECEIVED = (day = 'Thu, 24 Aug 2023 16:03:00 +0000') => [
  `from smtp.client.example by mx.ecole.example with ESMTPS id 1; ${day}`,
];
let pdf: Uint8Array;
let work: string;

const good = (): MailSpec => ({
  from: 'c009@example.org',
  subject: 'Dossier',
  messageId: '<good@client.example>',
  received: RECEIVED(),
  attachments: [{ name: 'dossier.pdf', type: 'application/pdf', bytes: pdf }],
});

/** Runs intake on a folder holding `bad` (as given, or built) then the good message. */
async function folderWith(bad: Buffer | MailSpec) {
  const dir = await mkdtemp(join(work, 'eml-'));
  await writeFile(join(dir, '1-bad.eml'), Buffer.isBuffer(bad) ? bad : rawMail(bad));
  await writeFile(join(dir, '2-good.eml'), rawMail(good()));
  const session = await scenarioSession(DEADLINE);
  const report = await intakeSession(session, { from: dir });
  expect(report.added.map((a) => a.candidate)).toContain('C009');
  return { report, session, bad: report.ignored.find((i) => i.place === '1-bad.eml') };
}

const spec = (over: Partial<MailSpec>): MailSpec => ({
  from: 'c001@example.org',
  subject: 'Dossier',
  messageId: '<bad@client.example>',
  received: RECEIVED(),
  ...over,
});

beforeAll(async () => {
  pdf = await (await dossiers()).pdf(1);
  work = await mkdtemp(join(tmpdir(), 'recevable-intake-hostile-'));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await removeSessions();
});

describe('intake of hostile input', () => {
  it('ignores the truncated last message of an mbox (its MIME boundary never closes) and records the others', async () => {
    const whole = mbox([
      { fromLine: `From c009@example.org ${asctime(DEADLINE)}`, raw: rawMail(good()) },
      {
        fromLine: `From c001@example.org ${asctime(DEADLINE)}`,
        raw: rawMail(
          spec({ attachments: [{ name: 'd.pdf', type: 'application/pdf', bytes: pdf }] }),
        ),
      },
    ]);
    const path = join(work, 'truncated.mbox');
    await writeFile(path, whole.subarray(0, whole.length - 2000));
    const session = await scenarioSession(DEADLINE);
    const report = await intakeSession(session, { from: path });
    expect(report.added.map((a) => a.candidate)).toEqual(['C009']);
    expect(report.ignored).toHaveLength(1);
    expect(report.ignored[0]!.reason).toMatch(
      /^truncated message: the MIME boundary "b-recevable-test" is never closed/,
    );
    const second = whole.toString('latin1').indexOf('\nFrom c001@example.org ');
    const line = whole
      .toString('latin1')
      .slice(0, second + 1)
      .split('\n').length;
    expect(report.ignored[0]!.place).toBe(`line ${line}`);
  });

  it('says an empty mbox holds no message, and refuses a file that is no mbox, naming its first line', async () => {
    const empty = join(work, 'empty.mbox');
    await writeFile(empty, '');
    const session = await scenarioSession(DEADLINE);
    const report = await intakeSession(session, { from: empty });
    expect(report.added).toEqual([]);
    expect(report.notes).toEqual([`${empty} holds no message (an empty mbox)`]);
    const notMbox = join(work, 'notes.mbox');
    await writeFile(notMbox, 'Liste des candidats\nC001\n');
    await expect(intakeSession(session, { from: notMbox })).rejects.toMatchObject({
      code: 'INTAKE_NOT_MBOX',
      message: expect.stringContaining('found "Liste des candidats"') as unknown,
    });
  });

  it('ignores an empty .eml and a file of random bytes', async () => {
    expect((await folderWith(Buffer.alloc(0))).bad?.reason).toBe('empty file: no message in it');
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await folderWith(noise)).bad?.reason).toBe('not an e-mail message: no header section');
  });

  it('skips a message larger than 100 MB without holding it in memory, in an mbox and as a file', async () => {
    /** Writes a 103 MB message (after a From_ line when `from` is given), then the good one. */
    const huge = async (path: string, from: boolean) => {
      const out = createWriteStream(path);
      const write = (text: string) =>
        new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
      if (from) await write(`From c001@example.org ${asctime(DEADLINE)}\n`);
      await write(
        'From: c001@example.org\nSubject: Dossier\nMessage-ID: <huge@client.example>\nReceived: by mx; Thu, 24 Aug 2023 16:03:00 +0000\nContent-Type: multipart/mixed; boundary="h"\n\n--h\nContent-Type: application/pdf; name="scan.pdf"\nContent-Transfer-Encoding: base64\n\n',
      );
      const block = `${'QUFB'.repeat(19)}\n`.repeat(10_000);
      for (let i = 0; i < 140; i++) await write(block);
      await write('--h--\n\n');
      if (from)
        await write(
          mbox([
            { fromLine: `From c009@example.org ${asctime(DEADLINE)}`, raw: rawMail(good()) },
          ]).toString('latin1'),
        );
      await new Promise((resolve) => out.end(resolve));
    };
    const reason =
      'message of 103 MB, larger than the 100 MB intake reads: save its attachment by hand';
    const path = join(work, 'huge.mbox');
    await huge(path, true);
    const session = await scenarioSession(DEADLINE);
    const report = await intakeSession(session, { from: path });
    expect(report.added.map((a) => a.candidate)).toEqual(['C009']);
    expect(report.ignored.map((i) => [i.place, i.reason])).toEqual([['line 1', reason]]);
    const dir = await mkdtemp(join(work, 'huge-'));
    await huge(join(dir, '1-bad.eml'), false);
    await writeFile(join(dir, '2-good.eml'), rawMail(good()));
    const files = await intakeSession(await scenarioSession(DEADLINE), { from: dir });
    expect(files.added.map((a) => a.candidate)).toEqual(['C009']);
    expect(files.ignored.map((i) => [i.place, i.reason])).toEqual([['1-bad.eml', reason]]);
  }, 60_000);

  it("refuses a zip bomb within the reader's zip limits, declared or lying about its size", async () => {
    const declared = await folderWith(
      spec({
        attachments: [{ name: 'dossier.zip', type: 'application/zip', bytes: await zipBomb(61) }],
      }),
    );
    expect(declared.bad?.reason).toBe(
      "dossier.zip refused: it exceeds the reader's zip limits (word/document.xml declares 61 MB)",
    );
    // A .pdf entry that says it is 1 KB and inflates to 61 MB: stopped while inflating.
    const zip = Buffer.from(zipSync({ 'dossier.pdf': new Uint8Array(61 * 1024 * 1024) }));
    const lie = (at: number) => zip.writeUInt32LE(1024, at);
    lie(22); // local header: uncompressed size
    lie(zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24); // central directory
    const lying = await folderWith(
      spec({ attachments: [{ name: 'dossier.zip', type: 'application/zip', bytes: zip }] }),
    );
    expect(lying.bad?.reason).toMatch(
      /^dossier\.zip refused: it exceeds the reader's zip limits \(dossier\.pdf inflates past \d+ MB\)$/,
    );
  });

  it('reads malformed MIME without crashing: no parts, broken base64, no header end', async () => {
    const noParts = Buffer.from(
      'From: c001@example.org\r\nSubject: Dossier\r\nMessage-ID: <m1@x>\r\nReceived: by mx; Thu, 24 Aug 2023 16:03:00 +0000\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x--\r\n',
    );
    expect((await folderWith(noParts)).bad?.reason).toBe('no attachment');
    const broken = Buffer.from(
      'From: c001@example.org\r\nSubject: Dossier\r\nMessage-ID: <m2@x>\r\nReceived: by mx; Thu, 24 Aug 2023 16:03:00 +0000\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: application/pdf; name="d.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%% not base64 !!!\r\n--x--\r\n',
    );
    const { report } = await folderWith(broken);
    // Stored as received: `check` decides what the bytes are.
    expect(report.added.map((a) => [a.candidate, a.originalName])).toContainEqual([
      'C001',
      'd.pdf',
    ]);
  });

  it('ignores winmail.dat, a WeTransfer link, an image, and says why', async () => {
    const tnef = await folderWith(
      spec({
        attachments: [
          {
            name: 'winmail.dat',
            type: 'application/ms-tnef',
            bytes: Buffer.from([0x78, 0x9f, 0x3e, 0x22]),
          },
        ],
      }),
    );
    expect(tnef.bad?.reason).toMatch(/^winmail\.dat only \(Outlook's TNEF format/);
    const link = await folderWith(
      spec({ html: '<p>Mon dossier : <a href="https://we.tl/t-AbCdEf123">télécharger</a></p>' }),
    );
    expect(link.bad?.reason).toBe(
      'a link only (WeTransfer), no attached file: files behind links are not fetched; ask the candidate to attach the dossier',
    );
    expect(link.bad).toMatchObject({ candidate: 'C001', from: 'c001@example.org' });
    const image = await folderWith(
      spec({
        attachments: [
          { name: 'page1.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
        ],
      }),
    );
    expect(image.bad?.reason).toBe(
      'an image only (page1.jpg): a dossier is a PDF, DOCX or ODT file',
    );
  });

  it('keeps the dossier of several candidate files, with a warning naming them', async () => {
    const { report } = await folderWith(
      spec({
        attachments: [
          { name: 'CV.pdf', type: 'application/pdf', bytes: pdf },
          {
            name: 'Dossier professionnel.pdf',
            type: 'application/pdf',
            bytes: pdf.subarray(0, 100),
          },
        ],
      }),
    );
    const c001 = report.added.find((a) => a.candidate === 'C001')!;
    expect(c001.originalName).toBe('Dossier professionnel.pdf');
    expect(c001.warnings).toEqual([
      '2 candidate files in the message (CV.pdf, Dossier professionnel.pdf): stored Dossier professionnel.pdf, the most dossier-like by its name and size; check that it is the dossier',
    ]);
  });

  it("falls back on the sender's Date: with a warning, and check leaves that time to a human", async () => {
    const dir = await mkdtemp(join(work, 'date-'));
    await writeFile(
      join(dir, 'a.eml'),
      rawMail({
        from: 'c001@example.org',
        subject: 'Dossier',
        date: 'Fri, 25 Aug 2023 11:59:00 +0200',
        attachments: [{ name: 'dossier.pdf', type: 'application/pdf', bytes: pdf }],
      }),
    );
    const session = await scenarioSession(DEADLINE);
    const report = await intakeSession(session, { from: dir });
    expect(report.added[0]).toMatchObject({
      receivedBy: 'date-header',
      receivedAt: '2023-08-25T11:59:00+02:00',
      messageId: null,
      warnings: [expect.stringContaining('the time is the Date: the sender wrote') as unknown],
    });
    // No Message-ID: recognised again by sha256 and time.
    expect((await intakeSession(session, { from: dir })).added).toEqual([]);
    const { results } = await checkSession(session, { only: ['C001'], write: false });
    const deadline = results[0]!.checks['deadline']!;
    expect(deadline.status).toBe('review');
    expect(deadline.evidence).toMatchObject({ receivedBy: 'date-header' });
    expect(deadline.evidence['warning']).toContain("not a server's receipt time");
  });

  it('keeps comments and hand-written entries of submissions.yaml when it appends', async () => {
    const session = await scenarioSession(DEADLINE);
    await mkdir(join(session, 'submissions'), { recursive: true });
    await writeFile(join(session, 'submissions/C001.pdf'), pdf);
    const text =
      '# Reçus à la main avant la mise en place de intake\nsubmissions:\n  - { candidate: C001, file: submissions/C001.pdf, receivedAt: 2023-08-20T10:00 } # par clé USB\n';
    await writeFile(join(session, 'submissions.yaml'), text);
    const dir = await mkdtemp(join(work, 'keep-'));
    await writeFile(join(dir, 'good.eml'), rawMail(good()));
    await intakeSession(session, { from: dir });
    const after = await readFile(join(session, 'submissions.yaml'), 'utf8');
    expect(after.startsWith(text.trimEnd())).toBe(true);
    expect((parse(after) as { submissions: unknown[] }).submissions).toHaveLength(2);
  });
});
