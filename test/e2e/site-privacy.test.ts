/** Nothing private in the built site unless the session publishes names. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/site/build.ts';
import { findSecrets, normalise, secretsOf } from './helpers/privacy.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
let privateSite: string;
let publicSession: string;
let publicSite: string;

const temp = (prefix: string) => mkdtemp(join(tmpdir(), `recevable-privacy-${prefix}`));

beforeAll(async () => {
  privateSite = await temp('private-');
  publicSession = await temp('names-');
  publicSite = await temp('names-out-');
  await cp(FIXTURE, publicSession, { recursive: true });
  const session = join(publicSession, 'session.yaml');
  await writeFile(
    session,
    (await readFile(session, 'utf8')).replace(
      'publish: { names: false }',
      'publish: { names: true }',
    ),
  );
  await buildSite({ sessionDir: FIXTURE, outDir: privateSite });
  await buildSite({ sessionDir: publicSession, outDir: publicSite });
});
afterAll(async () => {
  for (const dir of [privateSite, publicSession, publicSite])
    if (dir) await rm(dir, { recursive: true, force: true });
});

describe('privacy of the built site', () => {
  it('decodes the escapings a page or a JSON file may use', () => {
    expect(normalise('Brise &amp; Mar&#xE9;e &#83;ARL')).toBe('brise & marée sarl');
    expect(normalise('"Lynx \\u003cCloud\\u003e \\u0026 Co"')).toBe('"lynx <cloud> & co"');
    expect(normalise('Bastien D&#39;&Eacute;preuve')).toContain("bastien d'");
    expect(normalise('Aurore\n      Fixturelle')).toBe('aurore fixturelle');
  });

  it('contains no name, e-mail or company of candidates, tutors or jurors', async () => {
    const secrets = await secretsOf(FIXTURE);
    expect(secrets.length).toBeGreaterThan(50);
    expect(await findSecrets(privateSite, secrets)).toEqual([]);
  });

  it('contains no similarity source nor staff detail of the results', async () => {
    const leaks = [
      'corpus/2021/dossier-secret-confidentiel.pdf',
      'corpus/2022/memoire-anonyme-beta.pdf',
      '14% shared with C004',
      'Received 2023-08-24',
    ];
    const found = await findSecrets(
      privateSite,
      leaks.map((value) => ({ kind: 'name', value, owner: 'results' })),
    );
    expect(found).toEqual([]);
  });

  it('finds the names once the session publishes them, and still no e-mail nor company', async () => {
    const secrets = await secretsOf(publicSession);
    const found = await findSecrets(publicSite, secrets);
    expect(found).toContain('candidats/C001/index.html: name Aurore Fixturelle (C001)');
    expect(found).toContain('passage/2023-09-20/R101/index.html: name Mathilde Jurassienne (J01)');
    expect(found).toContain("passage/index.html: name Bastien D'Épreuve (C002)");
    expect(found.filter((f) => !f.includes(': name '))).toEqual([]);
    // Tutors are never on the site, even with names published.
    expect(found.filter((f) => / \(T0\d\)$/.test(f))).toEqual([]);
  });
});
