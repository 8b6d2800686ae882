/** French typography of every page of the built sites, as a visitor's browser renders them. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveSession, type ServedSite } from './helpers/site.ts';
import { typographyFaults, visibleText } from './helpers/typography.ts';

const SESSIONS = {
  demo: join(import.meta.dirname, '../../content/demo-2023'),
  fixture: join(import.meta.dirname, '../fixtures/site/session-2023'),
};

type Browser = Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
const sites: Partial<Record<keyof typeof SESSIONS, ServedSite>> = {};

beforeAll(async () => {
  browser = await launchChromium();
  // One build at a time: builds share the process environment.
  for (const [name, dir] of Object.entries(SESSIONS))
    sites[name as keyof typeof SESSIONS] = await serveSession(dir);
});
afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.close();
});

/** The path of every HTML page of the built site, as a URL path. */
async function pagePaths(site: ServedSite): Promise<string[]> {
  const files = (await readdir(site.outDir, { recursive: true })).map(String);
  return files
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

describe('typography checker', () => {
  const rules = (text: string) => typographyFaults(text).map((f) => f.rule);

  it('accepts no-break spaces, narrow ones, clock times, URLs and « ?! »', () => {
    expect(
      rules(
        'Date\u00a0: 08:30\u00a0; non\u202f; quoi\u00a0?! «\u00a0x\u00a0» (ou https://a.fr/?t=1 a@b.fr)',
      ),
    ).toEqual([]);
    expect(rules('« x\u00a0»')).toEqual(['no-break space after « « »']);
  });

  it('reports an ordinary or missing space before : ; ! ?, inside « », and before (', () => {
    expect(rules('Date : 1')).toEqual(['no-break space before « : »']);
    expect(rules('Note: oui; non!')).toEqual([
      'no-break space before « : »',
      'no-break space before « ; »',
      'no-break space before « ! »',
    ]);
    expect(rules('« x »')).toEqual(['no-break space after « « »', 'no-break space before « » »']);
    expect(rules('agenda(ou télécharger)')).toEqual(['space before « ( »']);
  });
});

describe.each(Object.keys(SESSIONS) as (keyof typeof SESSIONS)[])('the %s site', (name) => {
  it('uses French typography on every page', async () => {
    const site = sites[name]!;
    const paths = await pagePaths(site);
    expect(paths.length).toBeGreaterThan(10);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of paths) {
      const display = path.startsWith('affichage/') ? '?t=2023-09-20T10:40' : '';
      await page.goto(site.url + path + display);
      for (const f of typographyFaults(await visibleText(page)))
        found.push(`/${path}: ${f.rule}: ${f.excerpt}`);
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
