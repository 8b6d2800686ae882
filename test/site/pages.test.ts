import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSiteData } from '../../site/data/read.ts';
import { frenchSpacingPlugin } from '../../site/lib/markdown-french.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const made: string[] = [];

/** A copy of the site fixture session with `pages` in its `pages/` folder. */
async function withPages(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-site-pages-'));
  made.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  await mkdir(join(dir, 'pages'));
  for (const [name, text] of Object.entries(pages)) await writeFile(join(dir, 'pages', name), text);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('the pages the site reads', () => {
  it('gives each page its address, its link text and French spacing, by order then title', async () => {
    const dir = await withPages({
      'reglement.md': '---\ntitle: "Règlement : épreuve"\norder: 2\n---\nTexte : ici.\n',
      'acces.md': '---\ntitle: Venir au campus\nlabel: Accès\norder: 1\n---\n',
      'faq.md': '---\ntitle: Questions\norder: 2\n---\n',
    });
    const { pages } = await readSiteData(dir);
    expect(pages.map((p) => p.page)).toEqual([
      { slug: 'acces', title: 'Venir au campus', label: 'Accès', order: 1 },
      { slug: 'faq', title: 'Questions', label: 'Questions', order: 2 },
      {
        slug: 'reglement',
        title: 'Règlement\u00a0: épreuve',
        label: 'Règlement\u00a0: épreuve',
        order: 2,
      },
    ]);
    expect(pages[2]).toMatchObject({
      markdown: 'Texte : ici.\n',
      path: join(dir, 'pages/reglement.md'),
    });
  });

  it('has no pages without a pages/ folder', async () => {
    expect((await readSiteData(FIXTURE)).pages).toEqual([]);
  });

  it('stops the build at the line of a bad front matter', async () => {
    const dir = await withPages({ 'reglement.md': '---\ntitle: Règlement\norder: deux\n---\n' });
    const error = await readSiteData(dir).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('SITE_DATA_INVALID');
    expect(error?.message).toContain(`${join(dir, 'pages/reglement.md')}:3:8`);
  });
});

describe('the French spacing plugin of the Markdown processor', () => {
  it('rewrites a text node only when its spacing changes', () => {
    const set: [string, string][] = [];
    const ctx = {
      setProperty: (_node: unknown, key: 'value', value: string) => set.push([key, value]),
    };
    frenchSpacingPlugin.text({ value: 'Durée : 45 min' }, ctx);
    frenchSpacingPlugin.text({ value: 'Rien à changer.' }, ctx);
    expect(set).toEqual([['value', 'Durée\u00a0: 45 min']]);
  });
});
