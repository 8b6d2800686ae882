import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/site/build.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const made: string[] = [];

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** Every file of a folder with its bytes, by relative path. */
async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) =>
    d.isFile(),
  );
  const entries = await Promise.all(
    names.map(async (d) => {
      const path = join(d.parentPath, d.name);
      return [path.slice(dir.length + 1), (await readFile(path)).toString('base64')] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe('buildSite', () => {
  it('builds the same bytes twice from the same session', async () => {
    const [a, b] = [await temp('recevable-site-a-'), await temp('recevable-site-b-')];
    const first = await buildSite({ sessionDir: FIXTURE, outDir: a });
    await buildSite({ sessionDir: FIXTURE, outDir: b });
    expect(first.pages).toBe(19); // home, 404, passage, 2 days, 3 room-days, display, 10 candidates
    const [filesA, filesB] = [await files(a), await files(b)];
    expect([...filesA.keys()]).toContain('calendrier.ics');
    expect(filesB).toEqual(filesA);
  }, 90_000);

  it('stops on a broken result file, naming it, and writes nothing', async () => {
    const session = await temp('recevable-site-bad-');
    await cp(FIXTURE, session, { recursive: true });
    await writeFile(join(session, 'results/C004.yaml'), 'candidate: C004\nstatus: [');
    const out = await temp('recevable-site-bad-out-');
    const error = (await buildSite({ sessionDir: session, outDir: out }).catch(
      (e: unknown) => e,
    )) as {
      code?: string;
      message?: string;
    };
    expect(error.code).toBe('SITE_DATA_INVALID');
    expect(error.message).toMatch(/results\/C004\.yaml:2:\d+: Invalid YAML/);
    expect(await readdir(out)).toEqual([]);
  }, 60_000);

  it('says in French that results and order of passage are not published yet', async () => {
    const session = await temp('recevable-site-early-');
    await cp(FIXTURE, session, { recursive: true });
    await rm(join(session, 'results'), { recursive: true });
    await rm(join(session, 'schedule.yaml'));
    const out = await temp('recevable-site-early-out-');
    const built = await buildSite({ sessionDir: session, outDir: out });
    const home = await readFile(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Résultats pas encore publiés');
    expect(home).toContain('L’ordre de passage n’est pas encore publié.');
    expect(await readFile(join(out, 'candidats/C001/index.html'), 'utf8')).toContain(
      'Résultats pas encore publiés',
    );
    expect(await readdir(join(out, 'passage'))).toEqual(['index.html']);
    expect(built.pages).toBe(1 + 1 + 1 + 1 + 10); // home, passage, display, 404, candidates
  }, 60_000);

  it('escapes hostile titles in pages and in the display’s embedded data', async () => {
    const session = await temp('recevable-site-hostile-');
    await cp(FIXTURE, session, { recursive: true });
    const hostile = '</script><script>alert(1)</script> & co';
    const file = join(session, 'session.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8'))
        .replace(/^title: .*$/m, `title: "Session ${hostile}"`)
        .replace('title: Rendu du dossier professionnel', `title: "Rendu ${hostile}"`),
    );
    const out = await temp('recevable-site-hostile-out-');
    await buildSite({ sessionDir: session, outDir: out });
    const home = await readFile(join(out, 'index.html'), 'utf8');
    const display = await readFile(join(out, 'affichage/index.html'), 'utf8');
    expect(home).not.toContain('<script>alert(1)');
    expect(home).toContain('Rendu &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(display).not.toContain('<script>alert(1)');
    expect(display).toContain('Session \\u003c/script>\\u003cscript>alert(1)\\u003c/script> & co');
    const json = JSON.parse(await readFile(join(out, 'affichage/horaire.json'), 'utf8')) as {
      title: string;
    };
    expect(json.title).toBe(`Session ${hostile}`);
  }, 60_000);
});
