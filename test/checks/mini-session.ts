/**
 * A session folder in a temporary directory, with generated dossiers (real PDF and DOCX files)
 * and the demo session's settings, for the orchestrator and command tests.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { makeDocx, makePdf, type DossierSpec } from '../fixtures/dossier/generate.ts';

const DEMO = new URL('../../content/demo-2023/', import.meta.url);

/** One submission of the mini session; `bytes` replaces the generated file. */
export interface MiniSubmission {
  readonly candidate: string;
  readonly file: string;
  readonly receivedAt?: string;
  readonly spec?: DossierSpec;
  readonly bytes?: Uint8Array;
}

/** The five plan sections as headings of a generated dossier (the Sommaire is its TOC page). */
export const planSections: DossierSpec['sections'] = [
  { title: 'Introduction' },
  { title: 'Environnement professionnel' },
  { title: 'Valorisation des compétences' },
  { title: 'Conclusion' },
];

/**
 * Writes a session folder: the demo's session.yaml (with `rules` overridden), candidates
 * `codes`, and the submissions with their files (only those with a `spec` or `bytes`).
 */
export async function miniSession(
  codes: string[],
  submissions: MiniSubmission[],
  rules: Record<string, unknown> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-check-'));
  await mkdir(join(dir, 'submissions'));
  const session = parse(await readFile(new URL('session.yaml', DEMO), 'utf8')) as { rules: object };
  session.rules = { ...session.rules, ...rules };
  await writeFile(join(dir, 'session.yaml'), stringify(session));
  await copyFile(new URL('juries.yaml', DEMO), join(dir, 'juries.yaml'));
  const candidates = codes.map((code) => ({
    code,
    name: `Candidat ${code}`,
    email: `${code.toLowerCase()}@example.org`,
    specialisation: 'B4',
    // The demo's rules include eligibility: an alternance passes it.
    pathway: { kind: 'alternance' },
  }));
  await writeFile(join(dir, 'candidates.yaml'), stringify({ candidates }));
  for (const s of submissions) {
    const bytes =
      s.bytes ??
      (s.spec ? await (s.file.endsWith('.docx') ? makeDocx(s.spec) : makePdf(s.spec)) : undefined);
    if (bytes) await writeFile(join(dir, s.file), bytes);
  }
  const entries = submissions.map((s) => ({
    candidate: s.candidate,
    file: s.file,
    receivedAt: s.receivedAt ?? '2023-08-24T10:00:00+02:00',
  }));
  await writeFile(join(dir, 'submissions.yaml'), stringify({ submissions: entries }));
  return dir;
}
