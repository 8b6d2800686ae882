/** The school's Markdown pages on the built site: linked from the home page, readable, accessible. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { ARTEFACTS, axeViolations, serveSession, type ServedSite } from './helpers/site.ts';

const DEMO = join(import.meta.dirname, '../../content/demo-2023');
const NO_PAGES = join(import.meta.dirname, '../fixtures/site/session-2023');
const RULES = 'pages/reglement-epreuve/';

type Browser = Awaited<ReturnType<typeof launchChromium>>;
let demo: ServedSite;
let bare: ServedSite;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  demo = await serveSession(DEMO);
  bare = await serveSession(NO_PAGES);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await bare?.close();
});

async function open(url: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe('the rules page of the demo', () => {
  it('is linked from the home page and opens with its title and description', async () => {
    const page = await open(demo.url);
    await page
      .getByRole('link', { name: 'Règlement de l’épreuve finale de certification' })
      .click();
    expect(new URL(page.url()).pathname).toBe(`/${RULES}`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('main h1').innerText()).toBe('Règlement de l’épreuve');
    expect(await page.title()).toBe('Règlement de l’épreuve — Recevable');
    expect(await page.getAttribute('meta[name="description"]', 'content')).toContain(
      'Comment se déroule l’épreuve finale\u00a0: le dossier professionnel',
    );
    await page.context().close();
  });

  it('gives the exam, the jury, the outcomes and the appeal period from the Markdown', async () => {
    const page = await open(demo.url + RULES);
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toEqual([
      'Les blocs de compétences',
      'Le dossier professionnel',
      'La soutenance',
      'Le jury',
      'Les résultats',
      'Recours',
      'Dates clés de la session 2023',
    ]);
    const text = (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');
    for (const expected of [
      'La soutenance dure 45 minutes',
      '15 minutes de présentation orale',
      '30 minutes d’entretien avec le jury',
      'deux professionnels extérieurs à l’école',
      'validation totale',
      'validation partielle',
      'refus : aucun bloc de compétences n’est validé',
      'deux semaines après la communication des résultats',
      'vendredi 25 août 2023 à 12 h 00',
    ])
      expect(text).toContain(expected);
    expect(await page.locator('main strong').first().innerText()).toBe('dossier professionnel');
    await page.context().close();
  });

  it('turns the ordinary spaces of the Markdown before « : » and inside « » into no-break ones', async () => {
    const source = await readFile(join(DEMO, 'pages/reglement-epreuve.md'), 'utf8');
    expect(source).toContain('La soutenance dure **45 minutes** :');
    expect(source).toContain('« Sommaire »');
    const page = await open(demo.url + RULES);
    const text = await page.locator('main').innerText();
    expect(text).toContain('La soutenance dure 45 minutes\u00a0:');
    expect(text).toContain('«\u00a0Sommaire\u00a0»');
    await page.context().close();
  });

  it.each([
    [1280, 800],
    [390, 844],
  ])('has no WCAG 2.2 AA violation at %i×%i, and no sideways scroll', async (width, height) => {
    const page = await open(demo.url + RULES, { width, height });
    const found = await axeViolations(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    if (overflow > 0) found.push(`scrolls sideways by ${overflow}px`);
    await page.screenshot({
      path: join(ARTEFACTS, `demo-rules-${width}x${height}.png`),
      fullPage: true,
    });
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe('a session without pages', () => {
  it('has no pages section on the home page and no page under /pages/', async () => {
    const page = await open(bare.url);
    expect(await page.locator('#pages').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Règlement et informations' }).count()).toBe(0);
    const response = await page.goto(bare.url + RULES);
    expect(response?.status()).toBe(404);
    await page.context().close();
  });
});
