/** The demo session's site in Chromium: every page type, axe, screenshots, privacy. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { findSecrets, secretsOf } from './helpers/privacy.ts';
import { ARTEFACTS, axeViolations, serveSession, type ServedSite } from './helpers/site.ts';

const DEMO = join(import.meta.dirname, '../../content/demo-2023');

type Browser = Awaited<ReturnType<typeof launchChromium>>;
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSession(DEMO), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** One page of each type the demo has now (day and room pages exist once it is scheduled). */
async function pageTypes(): Promise<Record<string, string>> {
  const files = (await readdir(site.outDir, { recursive: true })).map(String);
  const roomPage = files.find((f) => /^passage\/[\d-]+\/[^/]+\/index\.html$/.test(f));
  const dayPage = files.find((f) => /^passage\/[\d-]+\/index\.html$/.test(f));
  return {
    home: '',
    passage: 'passage/',
    ...(dayPage ? { day: dayPage.replace('index.html', '') } : {}),
    ...(roomPage ? { door: roomPage.replace('index.html', '') } : {}),
    display: 'affichage/?t=2023-09-20T10:40',
    candidate: 'candidats/C001/',
  };
}

describe('demo site', () => {
  it('shows the deadline of the demo session on the home page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    const text = (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain('Rendu du dossier professionnel');
    expect(text).toContain('vendredi 25 août 2023 à 12 h 00');
    await context.close();
  });

  it('shows every page type without a WCAG 2.2 AA violation, with screenshots', async () => {
    const types = await pageTypes();
    const found: Record<string, string[]> = {};
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(types)) {
        const response = await page.goto(site.url + path);
        found[`${name}@${viewport.width}`] = response?.ok()
          ? await axeViolations(page)
          : [`HTTP ${response?.status()}`];
        await page.screenshot({
          path: join(ARTEFACTS, `demo-${name}-${viewport.width}x${viewport.height}.png`),
          fullPage: name !== 'display',
        });
      }
      await context.close();
    }
    expect(Object.values(found).flat()).toEqual([]);
  });

  it('publishes no name, e-mail or company of the demo people', async () => {
    expect(await findSecrets(site.outDir, await secretsOf(DEMO))).toEqual([]);
  });
});
