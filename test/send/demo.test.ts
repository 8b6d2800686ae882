import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventUid } from '../../pipeline/calendar/ics.ts';
import { sendSession } from '../../pipeline/send/index.ts';
import { JournalLine } from '../../schemas/mail-journal.ts';
import { itipViolations } from './itip.ts';
import { startSink, type Sink } from './servers.ts';

const demo = new URL('../../content/demo-2023/', import.meta.url);
let dir: string;
let sink: Sink;
let env: NodeJS.ProcessEnv;
/** The day convocations are sent, 09:00 in Paris. */
const convocationDay = () => new Date('2023-09-04T09:00:00+02:00');

type People = { candidates: { code: string; name: string; email: string }[] };

async function receipt(code: string, email: string, n: number): Promise<void> {
  const mail = new MailComposer({
    from: {
      name: 'EPSI Montpellier — Certifications (démo)',
      address: 'certification@example.org',
    },
    to: email,
    subject: `Accusé de réception de votre dossier (${code})`,
    text: `Bonjour,\n\nNous accusons réception de votre dossier professionnel.\n`,
    messageId: `<receipt-${code}-${n}@recevable>`,
    date: new Date('2023-08-24T16:03:00Z'),
  });
  await writeFile(join(dir, 'receipts', `${code}-${n}.eml`), await mail.compile().build());
}

const calendarOf = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8');

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'recevable-send-')), 'demo');
  await cp(demo, dir, { recursive: true });
  await mkdir(join(dir, 'receipts'));
  const people = parse(await readFile(join(dir, 'candidates.yaml'), 'utf8')) as People;
  await receipt('C001', people.candidates[0]!.email, 1);
  await receipt('C002', people.candidates[1]!.email, 1);
  sink = await startSink();
  env = { RECEVABLE_SMTP_URL: sink.url };
});
afterAll(() => sink.stop());

describe('send on the demo', () => {
  it('delivers every convocation, jury mailing, invitation and receipt once, as the .eml say', async () => {
    const report = await sendSession(dir, {
      what: ['convocation', 'jury', 'receipt'],
      clock: convocationDay,
      env,
    });
    const files = [
      ...(await readdir(join(dir, 'convocations'))).filter((f) => f.endsWith('.eml')),
      ...(await readdir(join(dir, 'receipts'))),
    ];
    expect(report.refused).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.sent).toBe(files.length);
    const dumps = await sink.messages();
    expect(dumps).toHaveLength(files.length);
    const ids = dumps.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(files.length);
    const journal = (await readFile(join(dir, 'mail', 'sent.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JournalLine.parse(JSON.parse(l)));
    // Two lines per message: `unknown` before the final dot, `sent` after the reply.
    expect(journal).toHaveLength(2 * files.length);
    expect(
      journal
        .filter((l) => l.status === 'sent')
        .map((l) => l.messageId)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('sends each candidate a French convocation whose invitation names organiser and candidate', async () => {
    const people = parse(await readFile(join(dir, 'candidates.yaml'), 'utf8')) as People;
    const camille = people.candidates.find((c) => c.code === 'C001')!;
    const mail = (await sink.messages()).find((m) => m.messageId?.includes('.C001.'))!;
    expect(mail.headers.get('x-rcpt-args')).toBe(`<${camille.email}>`);
    expect(mail.from?.value).toEqual([
      { name: 'EPSI Montpellier — Certifications (démo)', address: 'certification@example.org' },
    ]);
    expect(mail.subject).toMatch(/^Convocation à la soutenance — \w+ \d+ septembre 2023 à /);
    expect(mail.text).toContain(`Bonjour ${camille.name},`);
    expect(mail.text).toContain('Vous êtes convoqué(e) à la soutenance orale');
    const ics = calendarOf(mail)!;
    expect(itipViolations(ics, 'REQUEST')).toEqual([]);
    const event = new ICAL.Event(ICAL.Component.fromString(ics).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(eventUid('epsi-2023', 'defence-C001'));
    expect(event.organizer).toBe('mailto:certification@example.org');
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual([`mailto:${camille.email}`]);
    // SEQUENCE 0 may be left out (RFC 5546 §3.2.2); a moved slot's update carries it.
    expect(event.sequence ?? 0).toBe(0);
  });

  it('sends each juror their order of passage and one invitation per defence they sit', async () => {
    const schedule = parse(await readFile(join(dir, 'schedule.yaml'), 'utf8')) as {
      slots: { candidate: string; jury: string[] }[];
    };
    const dumps = await sink.messages();
    const juror = schedule.slots[0]!.jury[0]!;
    const theirs = schedule.slots.filter((s) => s.jury.includes(juror)).map((s) => s.candidate);
    const mailing = dumps.find((m) => m.messageId?.includes(`.jury-${juror}.`))!;
    expect(mailing.text).toContain("Voici l'ordre de passage");
    for (const code of theirs) {
      const invitation = dumps.find((m) => m.messageId?.includes(`.jury-${juror}-${code}.`))!;
      const ics = calendarOf(invitation)!;
      expect(itipViolations(ics, 'REQUEST')).toEqual([]);
      const event = new ICAL.Event(ICAL.Component.fromString(ics).getFirstSubcomponent('vevent')!);
      expect(event.uid).toBe(eventUid('epsi-2023', `defence-${code}`));
      expect(event.attendees).toHaveLength(1);
      expect(String(event.attendees[0]!.getFirstValue())).toBe(
        `mailto:${(invitation.headers.get('x-rcpt-args') as string).slice(1, -1)}`,
      );
    }
  });

  it('delivers the receipts written by intake, bytes unchanged', async () => {
    const mail = (await sink.messages()).find((m) => m.messageId === '<receipt-C002-1@recevable>');
    expect(mail?.subject).toBe('Accusé de réception de votre dossier (C002)');
  });

  it('sends nothing on a second run', async () => {
    const before = (await sink.messages()).length;
    const report = await sendSession(dir, {
      what: ['convocation', 'jury', 'receipt'],
      clock: convocationDay,
      env,
    });
    expect(report.sent).toBe(0);
    expect(report.skipped).toBe(before);
    expect(await sink.messages()).toHaveLength(before);
  });

  it('sends the results of the outcomes, with the attestation PDF for total and partial ones', async () => {
    const before = (await sink.messages()).length;
    const report = await sendSession(dir, {
      what: ['results'],
      clock: () => new Date('2023-10-03T10:00:00+02:00'),
      env,
    });
    const outcomes = parse(await readFile(join(dir, 'outcomes.yaml'), 'utf8')) as {
      outcomes: { candidate: string }[];
    };
    expect(report.noResults.map((n) => n.candidate)).toEqual(expect.arrayContaining(['C014']));
    const dumps = (await sink.messages()).filter((m) => m.messageId?.includes('.results-'));
    expect((await sink.messages()).length).toBe(before + dumps.length);
    expect(report.sent).toBe(dumps.length);
    // One candidate's results go out a week later (its own resultsSentOn): held back until then.
    expect(report.refused).toEqual([
      {
        file: 'mail/results/C021.eml',
        reason: expect.stringContaining('not before its results day 2023-10-10') as unknown,
      },
    ]);
    expect(dumps.length + 1).toBe(
      (await readdir(join(dir, 'mail', 'results'))).filter((f) => f.endsWith('.eml')).length,
    );
    expect(dumps.length).toBeGreaterThan(outcomes.outcomes.length / 2);
    const of = (code: string) => dumps.find((m) => m.messageId?.includes(`.results-${code}.`))!;
    // C004: partial, B3 failed.
    const partial = of('C004');
    expect(partial.text).toContain('Décision\u202f: réussite partielle');
    expect(partial.text).toMatch(/Blocs de compétences non validés\u202f:\n- B3 — /);
    expect(partial.text).toContain('jusqu’au mardi 17 octobre 2023 inclus');
    const pdf = partial.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe('attestation-C004.pdf');
    const file = join(dir, 'C004.pdf');
    await writeFile(file, pdf.content);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Attestation de réussite partielle');
    expect(text).toMatch(/B1\s+Analyser/);
    expect(text).toMatch(/B4\s+/);
    expect(text).not.toMatch(/B3\s+Piloter/);
    expect(text).toContain('17 octobre 2023');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /Pages:\s+1[\s\S]*Page size:\s+595\.28 x 841\.89 pts \(A4\)/,
    );
    const total = of('C001').attachments.find((a) => a.contentType === 'application/pdf');
    expect(total?.filename).toBe('attestation-C001.pdf');
    const refusals = dumps.filter((m) => m.text?.includes('refus de certification'));
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r.attachments).toEqual([]);
  });

  it('composes the same results mails again: only the one held back goes out, on its day', async () => {
    const report = await sendSession(dir, {
      what: ['results'],
      clock: () => new Date('2023-10-10T09:00:00+02:00'),
      env,
    });
    expect(report.sent).toBe(1);
    expect(report.refused).toEqual([]);
    const c021 = (await sink.messages()).filter((m) => m.messageId?.includes('.results-C021.'));
    expect(c021).toHaveLength(1);
    expect(c021[0]!.text).toContain('jusqu’au mardi 24 octobre 2023 inclus');
  });
});
