/** The eligibility finding on the demo's candidate pages, in French, in Chromium. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { axeViolations, serveSession, type ServedSite } from './helpers/site.ts';

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

/** The check list item of the eligibility rule on a candidate's page, spaces normalised. */
async function eligibilityOf(code: string): Promise<{ text: string; violations: string[] }> {
  const context = await browser.newContext({ locale: 'fr-FR' }); // axe needs its own context
  const page = await context.newPage();
  await page.goto(`${site.url}candidats/${code}/`);
  const item = page.locator('ul.checks li', { hasText: 'Parcours (alternance ou stage)' });
  const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
  const violations = await axeViolations(page);
  await context.close();
  return { text, violations };
}

describe('eligibility on the candidate page', () => {
  it('says an internship of 5 months and 25 days is too short, in French', async () => {
    const { text, violations } = await eligibilityOf('C005');
    expect(text).toBe(
      'Parcours (alternance ou stage) : non conforme Votre stage du 01/03/2023 au 25/08/2023 dure 5 mois et 25 jours : le référentiel demande une alternance ou un stage d’au moins 6 mois. Votre dossier ne peut pas être présenté sur ce stage.',
    );
    expect(violations).toEqual([]);
  });

  it('accepts an internship of exactly 6 months and an alternance', async () => {
    expect((await eligibilityOf('C003')).text).toContain(
      'conforme Votre stage du 02/01/2023 au 01/07/2023 dure 6 mois : le référentiel demande une alternance ou un stage d’au moins 6 mois, c’est respecté.',
    );
    expect((await eligibilityOf('C001')).text).toBe(
      'Parcours (alternance ou stage) : conforme Votre dossier s’appuie sur une alternance : le référentiel l’accepte.',
    );
  });

  it('asks for a check when the internship has no end date', async () => {
    expect((await eligibilityOf('C014')).text).toContain(
      'à vérifier Les dates de votre stage ne sont pas toutes connues',
    );
  });
});
