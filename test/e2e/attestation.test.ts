import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOutcomes } from '../../pipeline/outcomes/run.ts';
import { Session } from '../../schemas/session.ts';
import { launchChromium } from '../support/browser.ts';
import { demoCopy } from '../outcomes/support.ts';
import { parse } from 'yaml';

const ARTEFACTS = new URL('../../test-results/', import.meta.url).pathname;
const A4 = { width: 595.28, height: 841.89 };

let browser: Browser;
let dir: string;
let session: Session;

beforeAll(async () => {
  dir = await demoCopy();
  await runOutcomes(dir);
  session = Session.parse(parse(await readFile(join(dir, 'session.yaml'), 'utf8')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

// @axe-core/playwright needs a page of an explicit context.
async function open(code: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(
    pathToFileURL(join(dir, 'reports', 'outcomes', 'attestations', `${code}.html`)).href,
  );
  return page;
}

const titleOf = (id: string) => `${id} ${session.blocks.find((b) => b.id === id)?.title ?? '?'}`;

async function pdfPages(page: Page): Promise<{ count: number; width: number; height: number }> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const task = getDocument({ data: new Uint8Array(pdf) });
  const doc = await task.promise;
  const first = await doc.getPage(1);
  const [, , width, height] = first.view as [number, number, number, number];
  const count = doc.numPages;
  await task.destroy();
  return { count, width, height };
}

describe('attestation in Chromium', () => {
  it('names exactly the validated blocks of a partial outcome, with their session.yaml titles', async () => {
    const page = await open('C004');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Attestation de réussite partielle');
    const blocks = await page.locator('.blocks li').allTextContents();
    expect(blocks).toEqual(['B1', 'B2', 'B4'].map(titleOf));
    expect(await page.locator('.name').textContent()).toBe('Sacha Démontier');
    await mkdir(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTEFACTS, 'attestation.png'), fullPage: true });
    await page.context().close();
  });

  it('names every required block and the final exam on a total outcome', async () => {
    const page = await open('C009');
    expect(await page.locator('h1').textContent()).toBe('Attestation de réussite totale');
    expect(await page.locator('.blocks li').allTextContents()).toEqual(
      ['B1', 'B2', 'B3', 'B5'].map(titleOf),
    );
    expect(await page.locator('.exam').textContent()).toContain('épreuve finale de certification');
    await page.context().close();
  });

  it('prints to a single A4 page', async () => {
    for (const code of ['C004', 'C009']) {
      const page = await open(code);
      const pdf = await pdfPages(page);
      expect(pdf.count).toBe(1);
      expect(pdf.width).toBeCloseTo(A4.width, 0);
      expect(pdf.height).toBeCloseTo(A4.height, 0);
      await page.context().close();
    }
  });

  it('has no WCAG 2.2 AA violation (axe-core)', async () => {
    for (const code of ['C004', 'C009']) {
      const page = await open(code);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(0);
      await page.context().close();
    }
  });

  it('gives staff pages without WCAG 2.2 AA violation either', async () => {
    for (const name of ['index', 'tutoring']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, 'reports', 'outcomes', `${name}.html`)).href);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${name}: ${v.id}: ${v.help}`)).toEqual([]);
      await context.close();
    }
  });

  it('has no attestation for a refusal or an incomplete outcome', async () => {
    const page = await browser.newPage();
    for (const code of ['C007', 'C013', 'C014', 'C019']) {
      const url = pathToFileURL(
        join(dir, 'reports', 'outcomes', 'attestations', `${code}.html`),
      ).href;
      await expect(page.goto(url)).rejects.toThrow();
    }
    await page.context().close();
  });
});
