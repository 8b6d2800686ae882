/** Every page type of the public site in Chromium: content, keyboard, axe, 390×844, print. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventUid } from '../../pipeline/calendar/ics.ts';
import { launchChromium } from '../support/browser.ts';
import {
  ARTEFACTS,
  axeViolations,
  serveSession,
  type Page,
  type ServedSite,
} from './helpers/site.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const PAGES = {
  home: '',
  passage: 'passage/',
  day: 'passage/2023-09-20/',
  door: 'passage/2023-09-20/R101/',
  'candidate-refused': 'candidats/C010/',
  'candidate-review': 'candidats/C008/',
  'candidate-scheduled': 'candidats/C001/',
  'candidate-no-result': 'candidats/C009/',
  display: 'affichage/?t=2023-09-20T10:40',
  'not-found': 'page-inconnue/',
};

type Browser = Awaited<ReturnType<typeof launchChromium>>;
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSession(FIXTURE), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page in a fresh context of the given size (axe needs its own context). */
async function open(
  path: string,
  viewport = { width: 1280, height: 800 },
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(site.url + path);
  return page;
}

const text = async (page: Page, selector = 'main') =>
  (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');

function icalEvents(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics) as unknown[])
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
}

describe('home', () => {
  it('shows the session, its blocks and every key date in chronological order, in Paris time', async () => {
    const page = await open('');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const body = await text(page);
    expect(body).toContain(
      "Certification Expert en informatique et système d'information — session 2023",
    );
    expect(body).toContain('Concevoir et sécuriser des solutions d');
    expect(body).toContain('vendredi 25 août 2023 à 12 h 00');
    expect(body).toContain('du mercredi 20 septembre au vendredi 22 septembre 2023');
    await expect(page.locator('#date-remise-dossier').isVisible()).resolves.toBe(true);
    const ids = await page
      .locator('#frise > li')
      .evaluateAll((items: Element[]) => items.map((i) => i.id));
    expect(ids).toEqual([
      'date-tableau-sujets',
      'date-atelier-ete',
      'date-veille-ete',
      'date-reunion-mars',
      'date-remise-dossier',
      'date-validation-dossiers',
      'date-convocations',
      'date-soutenances',
      'date-veille-hiver',
      'date-commission',
    ]);
    await page.context().close();
  });

  it('marks past, in-progress and next key dates from the visitor’s clock', async () => {
    const context = await browser.newContext();
    await context.clock.setFixedTime(new Date('2023-09-21T10:00:00+02:00'));
    const page = await context.newPage();
    await page.goto(site.url);
    const states = await page
      .locator('#frise > li')
      .evaluateAll((items: Element[]) =>
        Object.fromEntries(items.map((i) => [i.id, (i as HTMLElement).dataset['state'] ?? ''])),
      );
    expect(states).toMatchObject({
      'date-convocations': 'past',
      'date-soutenances': 'current',
      'date-veille-hiver': 'next',
      'date-commission': '',
    });
    expect((await text(page, '#date-soutenances')).includes('(en cours)')).toBe(true);
    await context.clock.setFixedTime(new Date('2023-08-25T11:59:00+02:00'));
    await page.reload();
    expect(await page.locator('#date-remise-dossier').getAttribute('data-state')).toBe('next');
    await context.clock.setFixedTime(new Date('2023-08-25T12:00:00+02:00'));
    await page.reload();
    expect(await page.locator('#date-remise-dossier').getAttribute('data-state')).toBe('past');
    await context.close();
  });

  it('keeps every key date and its date without JavaScript', async () => {
    const page = await open('', undefined, false);
    expect(await page.locator('#frise > li').count()).toBe(10);
    expect(await page.locator('#frise > li[data-state]').count()).toBe(0);
    expect(await text(page)).toContain('vendredi 25 août 2023 à 12 h 00');
    await page.context().close();
  });

  it('links a calendar feed that parses, with the deadline at 10:00 UTC', async () => {
    const page = await open('');
    const href = await page
      .getByRole('link', { name: /S’abonner aux dates clés/ })
      .getAttribute('href');
    const response = await page.request.get(new URL(href!, site.url).href);
    expect(response.headers()['content-type']).toContain('text/calendar');
    const deadline = icalEvents(await response.text()).find(
      (e) => e.uid === eventUid('epsi-2023', 'remise-dossier'),
    );
    expect(deadline?.startDate.toJSDate().toISOString()).toBe('2023-08-25T10:00:00.000Z');
    await page.context().close();
  });
});

describe('order of passage', () => {
  it('lists defences by day, then room, then time, with codes and jury letters', async () => {
    const page = await open('passage/');
    const headings = await page.locator('main h2, main h3').allInnerTexts();
    expect(headings.map((h: string) => h.replace(/\u00a0/g, ' '))).toEqual([
      'mercredi 20 septembre 2023',
      'Salle 101',
      'Salle 102',
      'jeudi 21 septembre 2023',
      'Salle 101',
    ]);
    const firstRoom = await page
      .locator('section.room-day')
      .first()
      .locator('tbody tr')
      .allInnerTexts();
    expect(firstRoom.map((r: string) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '08 h 30 – 09 h 15 C001 Jury A',
      '09 h 30 – 10 h 15 C002 Jury A',
      '10 h 30 – 11 h 15 C005 Jury A',
      '13 h 30 – 14 h 15 C007 Jury A',
    ]);
    expect(await text(page)).toContain('passage ultérieur');
    await page.context().close();
  });

  it('has one page per day and per room, reachable without JavaScript', async () => {
    const page = await open('passage/', undefined, false);
    await page.getByRole('link', { name: 'mercredi 20 septembre 2023' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/passage/2023-09-20/');
    await page.getByRole('link', { name: 'Salle 102 (affiche de porte)' }).click();
    expect(new URL(page.url()).pathname).toBe('/passage/2023-09-20/R102/');
    expect(await page.locator('h1').innerText()).toBe('Salle 102');
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.context().close();
  });

  it('prints one A4 page per room and day', async () => {
    const pdfPages = async (path: string, name: string): Promise<number> => {
      const page = await open(path);
      const file = join(ARTEFACTS, `${name}.pdf`);
      await page.pdf({ path: file, format: 'A4', printBackground: true });
      await page.context().close();
      const { stdout } = await promisify(execFile)('pdfinfo', [file]);
      return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    };
    expect(await pdfPages('passage/2023-09-20/R101/', 'door-sign-2023-09-20-R101')).toBe(1);
    expect(await pdfPages('passage/2023-09-20/', 'day-2023-09-20')).toBe(2);
    expect(await pdfPages('passage/', 'passage-all')).toBe(3);
  });
});

describe('candidate pages', () => {
  it('explains a refusal check by check, in French, with the page', async () => {
    const page = await open('candidats/C010/');
    const body = await text(page);
    expect(body).toContain('Dossier non recevable');
    expect(body).toMatch(
      /Nombre de pages : non conforme\s+Votre dossier compte 47 pages ; le référentiel demande de 50 à 60 pages\./,
    );
    expect(body).toContain('Page 3 du dossier.');
    expect(body).toContain('Aucune soutenance n’est prévue');
    await page.context().close();
  });

  it('shows the similarity message but never its sources', async () => {
    const page = await open('candidats/C008/');
    const html = await page.content();
    expect(html).toContain('une personne de l’équipe va vérifier');
    expect(html).not.toContain('memoire-anonyme');
    expect(html).not.toContain('14% shared');
    await page.context().close();
  });

  it('gives the defence with a calendar file whose UID is the convocation’s', async () => {
    const page = await open('candidats/C001/');
    const body = await text(page);
    expect(body).toContain('mercredi 20 septembre 2023');
    expect(body).toContain('de 08 h 30 à 09 h 15');
    expect(body).toContain('Salle 101, EPSI Montpellier');
    expect(body).toContain('Jury A');
    const href = await page
      .getByRole('link', { name: /Ajouter la soutenance/ })
      .getAttribute('href');
    const ics = await (await page.request.get(new URL(href!, page.url()).href)).text();
    const [event] = icalEvents(ics);
    expect(event?.uid).toBe(eventUid('epsi-2023', 'defence-C001'));
    expect(event?.startDate.toJSDate().toISOString()).toBe('2023-09-20T06:30:00.000Z');
    await page.context().close();
  });

  it('is noindex and linked from no public page nor sitemap', async () => {
    const page = await open('candidats/C009/');
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toContain('noindex');
    expect(await text(page)).toContain('Aucun résultat pour votre dossier');
    const files = (await readdir(site.outDir, { recursive: true })).map(String);
    const publicPages = files.filter((f) => f.endsWith('.html') && !f.startsWith('candidats'));
    expect(publicPages.length).toBeGreaterThan(5);
    for (const file of publicPages)
      expect(await readFile(join(site.outDir, file), 'utf8')).not.toContain('candidats/');
    for (const file of files.filter((f) => /sitemap|robots/.test(f)))
      expect(await readFile(join(site.outDir, file), 'utf8')).not.toContain('candidats');
    await page.context().close();
  });
});

describe('accessibility', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])(
    'has no WCAG 2.2 AA violation on any page type at %i×%i, and no sideways scroll',
    async (width, height) => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(site.url + path);
        found[name] = await axeViolations(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        if (name !== 'display' && overflow > 0)
          found[name].push(`scrolls sideways by ${overflow}px`);
        await page.screenshot({
          path: join(ARTEFACTS, `${name}-${width}x${height}.png`),
          fullPage: name !== 'display',
        });
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(PAGES).map((name) => [name, []])));
      await context.close();
    },
  );

  it('starts keyboard use with a visible skip link to the content', async () => {
    const page = await open('passage/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    expect(await skip.evaluate((a: Element) => a === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 10).toBe(true);
    const outline = await skip.evaluate((a: Element) => getComputedStyle(a).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.context().close();
  });
});
