/** The hall display in Chromium: 1920×1080, text ≥ 40 px, a whole simulated day, offline. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteData } from '../../site/data/read.ts';
import type { PublicSlot } from '../../site/data/public.ts';
import { launchChromium } from '../support/browser.ts';
import { ARTEFACTS, serveSession, type Page, type ServedSite } from './helpers/site.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const FULL_HD = { width: 1920, height: 1080 };
/** The display's rule, restated: a defence holds the room until the next starts or 10 min after it is due free. */
const GRACE = 10 * 60_000;

type Browser = Awaited<ReturnType<typeof launchChromium>>;
/** Derived from Page: `astro check` does not resolve playwright-core's type re-exports. */
type Route = Parameters<Parameters<Page['route']>[1]>[0];
let site: ServedSite;
let browser: Browser;
let slots: readonly PublicSlot[];

beforeAll(async () => {
  [site, browser, { schedule: { slots } = { slots: [] } }] = await Promise.all([
    serveSession(FIXTURE),
    launchChromium(),
    readSiteData(FIXTURE).then((d) => ({ schedule: d.schedule! })),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A display page whose clock is faked from `fakeNow`, opened at `?t=`. */
async function display(t: string, fakeNow = Date.parse('2031-01-01T00:00:00Z')): Promise<Page> {
  const context = await browser.newContext({ viewport: FULL_HD, locale: 'fr-FR' });
  await context.clock.install({ time: fakeNow });
  const page = await context.newPage();
  await page.goto(`${site.url}affichage/?t=${t}`);
  await page.locator('#horloge').filter({ hasNotText: '--' }).waitFor();
  return page;
}

/** What the screen shows for each room: code in progress and code next ('' when none). */
async function shown(page: Page): Promise<Record<string, [string, string]>> {
  return page.evaluate((): Record<string, [string, string]> =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-room]')].map((room) => [
        room.dataset['room'] ?? '',
        [
          room.querySelector('[data-role="now"] .code')?.textContent ?? '',
          room.querySelector('[data-role="next"] .code')?.textContent ?? '',
        ],
      ]),
    ),
  );
}

/** The expected screen at `time`, straight from the schedule and the grace rule. */
function expected(time: number, day: string): Record<string, [string, string]> {
  const result: Record<string, [string, string]> = {};
  for (const room of ['R101', 'R102', 'R103', 'R104', 'AMPHI']) {
    const mine = slots.filter((s) => s.room === room && s.start.startsWith(day));
    let now = '';
    for (const s of mine)
      if (Date.parse(s.start) <= time && time < Date.parse(s.deliberationEnd) + GRACE)
        now = s.candidate;
    const next = mine.find((s) => Date.parse(s.start) > time)?.candidate ?? '';
    result[room] = [now, next];
  }
  return result;
}

describe('hall display', () => {
  it('fits 1920×1080 without scrolling, with every text at least 40 px tall', async () => {
    const page = await display('2023-09-20T10:40');
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(size[0]).toBeLessThanOrEqual(1920);
    expect(size[1]).toBeLessThanOrEqual(1080);
    const smallest = await page.evaluate(() => {
      const sizes: number[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('script, noscript, [hidden]'))
          continue;
        if (parent.getClientRects().length === 0) continue;
        sizes.push(parseFloat(getComputedStyle(parent).fontSize));
      }
      return Math.min(...sizes);
    });
    expect(smallest).toBeGreaterThanOrEqual(40);
    expect(await page.locator('#horloge').innerText()).toBe('10:40:00');
    expect(await shown(page)).toEqual({
      R101: ['C005', 'C007'],
      R102: ['C004', ''],
      R103: ['', ''],
      R104: ['', ''],
      AMPHI: ['', ''],
    });
    await page.screenshot({ path: join(ARTEFACTS, 'display-1920x1080.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTEFACTS, 'display-390x844.png') });
    await page.context().close();
  });

  it('shows now and next right at every transition of a whole day, from a simulated clock', async () => {
    const day = '2023-09-20';
    const page = await display(`${day}T07:00`);
    let time = Date.parse(`${day}T07:00:00+02:00`);
    const transitions = [
      ...new Set(
        slots
          .filter((s) => s.start.startsWith(day))
          .flatMap((s) =>
            [s.start, s.end, s.deliberationEnd]
              .map(Date.parse)
              .concat(Date.parse(s.deliberationEnd) + GRACE),
          ),
      ),
    ].sort((a, b) => a - b);
    expect(transitions.length).toBeGreaterThan(15);
    const mismatches: string[] = [];
    for (const transition of transitions) {
      for (const at of [transition - 1000, transition]) {
        await page.clock.fastForward(at - time);
        time = at;
        const got = await shown(page);
        const want = expected(at, day);
        if (JSON.stringify(got) !== JSON.stringify(want))
          mismatches.push(
            `${new Date(at).toISOString()}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    expect(await page.locator('#horloge').innerText()).toBe('14:40:00');
    await page.context().close();
  });

  it('rotates groups of four rooms every 10 s when there are more', async () => {
    const page = await display('2023-09-20T10:40');
    const visible = () =>
      page
        .locator('[data-room]:not([hidden])')
        .evaluateAll((rooms: Element[]) => rooms.map((r) => (r as HTMLElement).dataset['room']));
    expect(await visible()).toEqual(['R101', 'R102', 'R103', 'R104']);
    expect(await page.locator('#ecran').innerText()).toBe('Salles 1 à 4 sur 5');
    await page.clock.fastForward(10_000);
    expect(await visible()).toEqual(['AMPHI']);
    expect(await page.locator('#ecran').innerText()).toBe('Salle 5 sur 5');
    await page.screenshot({ path: join(ARTEFACTS, 'display-second-screen-1920x1080.png') });
    await page.clock.fastForward(10_000);
    expect(await visible()).toEqual(['R101', 'R102', 'R103', 'R104']);
    await page.context().close();
  });

  it('says when there is no defence today and when the next ones are', async () => {
    const page = await display('2023-09-19T18:00');
    expect(await page.locator('#message').innerText()).toBe(
      'Aucune soutenance aujourd’hui. Prochaines soutenances le mercredi 20 septembre 2023.',
    );
    await page.context().close();
  });

  it('takes a newer schedule from the poll, then keeps it and says so when the network fails', async () => {
    const context = await browser.newContext({ viewport: FULL_HD });
    await context.clock.install({ time: Date.parse('2031-01-01T00:00:00Z') });
    const page = await context.newPage();
    let requests = 0;
    await page.route('**/affichage/horaire.json', async (route: Route) => {
      requests += 1;
      if (requests > 1) return route.abort('internetdisconnected');
      const response = await route.fetch();
      const data = (await response.json()) as { version: number; slots: { candidate: string }[] };
      data.version += 1;
      for (const s of data.slots) if (s.candidate === 'C005') s.candidate = 'C099';
      return route.fulfill({ response, json: data });
    });
    await page.goto(`${site.url}affichage/?t=2023-09-20T10:40`);
    await expect.poll(() => shown(page)).toMatchObject({ R101: ['C099', 'C007'] });
    expect(await page.locator('#etat').innerText()).toBe('');
    await page.clock.fastForward(30_000);
    await expect
      .poll(() => page.locator('#etat').innerText())
      .toBe('Hors ligne\u00a0: horaire reçu à 10:40');
    expect(requests).toBe(2);
    expect(await shown(page)).toMatchObject({ R101: ['C099', 'C007'] });
    await page.screenshot({ path: join(ARTEFACTS, 'display-offline-1920x1080.png') });
    await context.close();
  });

  it('gives up a request after 10 s and keeps the published schedule', async () => {
    const context = await browser.newContext({ viewport: FULL_HD });
    await context.clock.install({ time: Date.parse('2031-01-01T00:00:00Z') });
    const page = await context.newPage();
    const hanging: (() => void)[] = [];
    await page.route(
      '**/affichage/horaire.json',
      (route: Route) =>
        new Promise<void>((resolve) => hanging.push(() => void route.abort().finally(resolve))),
    );
    await page.goto(`${site.url}affichage/?t=2023-09-20T09:35`);
    await expect.poll(() => hanging.length).toBe(1);
    await page.clock.fastForward(9_000);
    expect(await page.locator('#etat').innerText()).toBe('');
    await page.clock.fastForward(1_500);
    await expect
      .poll(() => page.locator('#etat').innerText())
      .toBe('Hors ligne\u00a0: horaire publié');
    expect(await shown(page)).toMatchObject({ R101: ['C002', 'C005'], R102: ['C003', 'C004'] });
    for (const release of hanging) release();
    await context.close();
  });
});
