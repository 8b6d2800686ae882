/**
 * Real spreadsheets for the import tests: a flat ODS (XML) written here — with merged cells,
 * typed date cells and serial numbers — and CSV files, converted to XLSX and ODS by
 * LibreOffice itself (`soffice --headless --convert-to`), once, cached by content in the
 * temporary folder (a conversion takes seconds). And a small session folder to import into.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A cell of a flat ODS sheet. */
export type Spec =
  | string
  | null
  | { date: string; shown: string }
  | { float: number }
  | { text: string; rows?: number; columns?: number }
  | { covered: true };

/** A cell hidden under a merged range. */
export const COVERED: Spec = { covered: true };

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

function cell(spec: Spec): string {
  if (spec === null) return '<table:table-cell/>';
  if (typeof spec === 'string') spec = { text: spec };
  if ('covered' in spec) return '<table:covered-table-cell/>';
  if ('date' in spec)
    return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${spec.date}"><text:p>${spec.shown}</text:p></table:table-cell>`;
  if ('float' in spec)
    return `<table:table-cell office:value-type="float" office:value="${spec.float}"><text:p>${spec.float}</text:p></table:table-cell>`;
  const span = `${spec.rows ? ` table:number-rows-spanned="${spec.rows}"` : ''}${spec.columns ? ` table:number-columns-spanned="${spec.columns}"` : ''}`;
  return `<table:table-cell office:value-type="string"${span}><text:p>${escape(spec.text)}</text:p></table:table-cell>`;
}

/** A flat ODS document with one sheet per entry. */
export function fods(sheets: Record<string, Spec[][]>): string {
  const tables = Object.entries(sheets)
    .map(
      ([name, rows]) =>
        `<table:table table:name="${escape(name)}">${rows.map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`).join('\n')}</table:table>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="ddmmyyyy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="ddmmyyyy"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

/**
 * Converts each `name → content` source (`.fods` or `.csv`) to every format of `to` with
 * LibreOffice, one soffice run per source kind and format; the folder of the results,
 * reused while the sources do not change.
 */
export async function convert(
  sources: Record<string, string | Uint8Array>,
  to: readonly ('xlsx' | 'ods')[],
  csvFilter = 'CSV:59,34,76,1',
): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, content] of Object.entries(sources)) hash.update(name).update(content);
  hash.update(to.join()).update(csvFilter);
  const dir = join(tmpdir(), `recevable-import-fixtures-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, 'done'))) return dir;
  const work = `${dir}.${process.pid}`;
  await mkdir(work, { recursive: true });
  for (const [name, content] of Object.entries(sources)) await writeFile(join(work, name), content);
  const profile = pathToFileURL(join(work, 'profile')).href;
  for (const kind of ['fods', 'csv']) {
    const inputs = Object.keys(sources).filter((n) => n.endsWith(`.${kind}`));
    if (inputs.length === 0) continue;
    for (const format of to) {
      const filter = kind === 'csv' ? [`--infilter=${csvFilter}`] : [];
      const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...filter];
      const run = spawnSync(
        'soffice',
        [...args, '--convert-to', format, '--outdir', work, ...inputs],
        {
          cwd: work,
          timeout: 120_000,
          env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
        },
      );
      if (run.status !== 0) throw new Error(`soffice failed: ${String(run.stderr)}`);
    }
  }
  await writeFile(join(work, 'done'), '');
  await rename(work, dir).catch(() => undefined); // another worker may have finished first
  return existsSync(join(dir, 'done')) ? dir : work;
}

export const SESSION_YAML = `# A small session for the import tests.
id: test-2023
title: Session de test
timezone: Europe/Paris
blocks:
  - { id: B1, kind: socle, title: Socle }
  - { id: B4, kind: specialisation, title: Concevoir et développer des solutions applicatives }
  - { id: B5, kind: specialisation, title: Infrastructure et cloud }
keyDates:
  - { id: tableau-sujets, at: 2023-01-02, title: Tableau « Sujet dossier / tuteurs » complété }
  - { id: remise-dossier, at: 2023-08-25T12:00, title: Rendu du dossier professionnel }
  - { id: convocations, at: 2023-09-04, title: Envoi des convocations }
  - { id: soutenances, from: 2023-09-20, to: 2023-09-22, title: Soutenances }
rules:
  deadline: remise-dossier
  pages: { min: 50, max: 60 }
  plan:
    - { id: introduction, title: Introduction }
  eligibility: { internshipMinMonths: 6 }
defence:
  keyDate: soutenances
  days: [2023-09-20, 2023-09-21]
  hours: { start: "08:30", end: "18:00" }
  presentationMinutes: 15
  interviewMinutes: 30
  deliberationMinutes: 15
  convocationNoticeDays: 14
  convocationsSentOn: convocations
  venue: { name: EPSI Montpellier, address: "1 rue de l'Exemple, 34000 Montpellier" }
  rooms:
    - { id: R101, name: Salle 101 }
`;

export const CANDIDATES_YAML = `# Candidates of the test session.
candidates:
  # Enrolled in September.
  - { code: C001, name: Camille Exemplet, email: camille.exemplet@example.org, specialisation: B4, tutor: T01 }
  - code: C002 # a block entry, with a comment of its own
    name: Alix Fictivon
    email: alix.fictivon@example.org
    specialisation: B5
tutors:
  - { id: T01, name: Hélène Tuteurin, email: helene.tuteurin@example.org }
  - { id: T02, name: Marc Accompagnet, email: marc.accompagnet@example.org }
`;

export const JURIES_YAML = `# Jury members.
members:
  - { id: J01, name: Bruno Jurelet, email: bruno.jurelet@example.org, company: Globex Conseil, expertise: [B4], available: [2023-09-20] }
`;

/** A fresh session folder in `dir`. */
export async function makeSession(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'session.yaml'), SESSION_YAML);
  await writeFile(join(dir, 'candidates.yaml'), CANDIDATES_YAML);
  await writeFile(join(dir, 'juries.yaml'), JURIES_YAML);
  await writeFile(join(dir, 'submissions.yaml'), 'submissions: []\n');
  return dir;
}
