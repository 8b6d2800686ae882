/**
 * The intake scenario every source is tested on: a session of eight candidates and the
 * messages of the "Done when" — on time, one second late while `Date:` claims on time,
 * two sends, a zipped dossier, no attachment, an unknown sender with the code in the subject, a
 * DOCX named `.pdf`, an RFC 2231 French file name — plus an unknown sender without a code.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { parse, stringify } from 'yaml';
import { formatInZone } from '../../pipeline/time.ts';
import { makeDocx, makePdf } from '../fixtures/dossier/generate.ts';
import { planSections } from '../checks/mini-session.ts';
import { mailDate, rawMail, type MailSpec } from './mail.ts';

const DEMO = new URL('../../content/demo-2023/', import.meta.url);
export const ZONE = 'Europe/Paris';
export const CODES = ['C001', 'C002', 'C003', 'C004', 'C005', 'C006', 'C007', 'C008', 'C009'];
export const email = (code: string): string => `${code.toLowerCase()}@example.org`;

/** Session folders made by this test file, removed by `removeSessions`. */
const made: string[] = [];
const sessionDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-intake-'));
  made.push(dir);
  return dir;
};

/** Removes every session folder made so far (call in `afterAll`). */
export async function removeSessions(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/**
 * A session folder whose deadline is `deadline` (an instant, written in Paris time), candidates
 * C001…C009 (C008 is Élodie; C009 has the address `extra` when given), and no submissions.yaml.
 */
export async function scenarioSession(deadline: Date, extra?: string): Promise<string> {
  const dir = await sessionDir();
  const session = parse(await readFile(new URL('session.yaml', DEMO), 'utf8')) as {
    keyDates: { id: string; at?: string }[];
  };
  const key = session.keyDates.find((k) => k.id === 'remise-dossier')!;
  key.at = formatInZone(deadline, ZONE).slice(0, 19);
  await writeFile(join(dir, 'session.yaml'), stringify(session));
  await copyFile(new URL('juries.yaml', DEMO), join(dir, 'juries.yaml'));
  const candidates = CODES.map((code) => ({
    code,
    name: code === 'C008' ? 'Élodie Lefèvre' : `Candidat ${code}`,
    email: code === 'C009' && extra ? extra : email(code),
    specialisation: 'B4',
  }));
  await writeFile(join(dir, 'candidates.yaml'), stringify({ candidates }));
  return dir;
}

/** Copies a session folder's YAML (for a second run from the same start). */
export async function copySession(dir: string): Promise<string> {
  const copy = await sessionDir();
  for (const f of ['session.yaml', 'candidates.yaml', 'juries.yaml'])
    await copyFile(join(dir, f), join(copy, f));
  await mkdir(join(copy, 'submissions'), { recursive: true });
  return copy;
}

/** The dossier files of the scenario: real PDFs and a real DOCX, small. */
export interface Dossiers {
  readonly pdf: (seed: number) => Promise<Uint8Array>;
  readonly docx: Uint8Array;
}

let cached: Promise<Dossiers> | undefined;
export function dossiers(): Promise<Dossiers> {
  cached ??= (async () => {
    const pdfs = new Map<number, Uint8Array>();
    const pdf = async (seed: number) => {
      if (!pdfs.has(seed))
        pdfs.set(seed, await makePdf({ pages: 3, sections: planSections, seed }));
      return pdfs.get(seed)!;
    };
    return { pdf, docx: await makeDocx({ pages: 2, sections: planSections, seed: 7 }) };
  })();
  return cached;
}

/** One message of the scenario; `late` is delivered one second after the deadline. */
export interface Case {
  readonly label: string;
  readonly late?: boolean;
  /** Earliest first: the order messages arrive in. */
  readonly spec: (sent: Date) => MailSpec;
}

const PDF = 'application/pdf';

/** The scenario's messages in arrival order (the late one last). */
export async function cases(deadline: Date): Promise<Case[]> {
  const d = await dossiers();
  const [p1, p2, p3, p4, p6, p8, p9, p33] = await Promise.all(
    [1, 2, 3, 4, 6, 8, 9, 33].map((seed) => d.pdf(seed)),
  );
  const claimed = mailDate(new Date(deadline.getTime() - 60_000));
  const id = (n: string) => `<${n}@client.example>`;
  const attach = (name: string, bytes: Uint8Array, type = PDF) => [{ name, type, bytes }];
  return [
    {
      label: 'on time',
      spec: (at) => ({
        from: `Candidat C001 <${email('C001')}>`,
        subject: 'Dossier professionnel',
        date: mailDate(at),
        messageId: id('c001'),
        attachments: attach('Dossier_C001.pdf', p1!),
      }),
    },
    {
      label: 'first of two sends',
      spec: (at) => ({
        from: email('C003'),
        subject: 'Mon dossier',
        date: mailDate(at),
        messageId: id('c003-a'),
        attachments: attach('dossier.pdf', p3!),
      }),
    },
    {
      label: 'zipped dossier',
      spec: (at) => ({
        from: email('C004'),
        subject: 'Dossier (zip)',
        date: mailDate(at),
        messageId: id('c004'),
        attachments: [
          {
            name: 'Dossier.zip',
            type: 'application/zip',
            bytes: zipSync({ 'Dossier C004/dossier-pro.pdf': p4! }),
          },
        ],
      }),
    },
    {
      label: 'no attachment',
      spec: (at) => ({
        from: email('C005'),
        subject: 'Dossier',
        date: mailDate(at),
        messageId: id('c005'),
        text: 'Bonjour, je vous envoie mon dossier demain.',
      }),
    },
    {
      label: 'unknown sender, code in the subject',
      spec: (at) => ({
        from: 'Camille <camille.perso@gmail.example>',
        subject: 'Dossier professionnel C006',
        date: mailDate(at),
        messageId: id('c006'),
        attachments: attach('rapport.pdf', p6!),
      }),
    },
    {
      label: 'a DOCX named .pdf',
      spec: (at) => ({
        from: email('C007'),
        subject: 'Dossier',
        date: mailDate(at),
        messageId: id('c007'),
        attachments: attach('Dossier.pdf', d.docx),
      }),
    },
    {
      label: 'RFC 2231 French file name',
      spec: (at) => ({
        from: `=?UTF-8?B?${Buffer.from('Élodie Lefèvre').toString('base64')}?= <${email('C008')}>`,
        subject: 'Dossier',
        date: mailDate(at),
        messageId: id('c008'),
        attachments: [{ name: 'Dossier_Élodie.pdf', type: PDF, bytes: p8!, nameStyle: 'rfc2231' }],
      }),
    },
    {
      label: 'unknown sender, no code',
      spec: (at) => ({
        from: 'inconnu@nowhere.example',
        subject: 'Question',
        date: mailDate(at),
        messageId: id('stranger'),
        attachments: attach('document.pdf', p9!),
      }),
    },
    {
      label: 'second of two sends',
      spec: (at) => ({
        from: email('C003'),
        subject: 'Mon dossier (version corrigée)',
        date: mailDate(at),
        messageId: id('c003-b'),
        attachments: attach('dossier-v2.pdf', p33!),
      }),
    },
    {
      label: 'one second late, Date: claims on time',
      late: true,
      spec: () => ({
        from: email('C002'),
        subject: 'Dossier professionnel',
        date: claimed,
        messageId: id('c002'),
        attachments: attach('Dossier C002.pdf', p2!),
      }),
    },
  ];
}

/** Raw bytes of a case sent at `at`. */
export const raw = (c: Case, at: Date): Buffer => rawMail(c.spec(at));

/** What the scenario records, in order: candidate, file, original name. */
export const expectedFiles = [
  ['C001', 'submissions/C001-1.pdf', 'Dossier_C001.pdf'],
  ['C003', 'submissions/C003-1.pdf', 'dossier.pdf'],
  ['C004', 'submissions/C004-1.pdf', 'Dossier.zip › Dossier C004/dossier-pro.pdf'],
  ['C006', 'submissions/C006-1.pdf', 'rapport.pdf'],
  ['C007', 'submissions/C007-1.pdf', 'Dossier.pdf'],
  ['C008', 'submissions/C008-1.pdf', 'Dossier_Élodie.pdf'],
  ['C003', 'submissions/C003-2.pdf', 'dossier-v2.pdf'],
  ['C002', 'submissions/C002-1.pdf', 'Dossier C002.pdf'],
];
