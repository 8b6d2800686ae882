import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePaperwork } from '../../pipeline/paperwork/index.ts';
import { launchChromium } from '../support/browser.ts';
import { demoCopy, fill } from '../paperwork/support.ts';
import { parse, stringify } from 'yaml';

const ARTEFACTS = new URL('../../test-results/', import.meta.url).pathname;
const PDFJS = new URL('../../node_modules/pdfjs-dist/build/', import.meta.url).pathname;

const PAGE = `<!doctype html><html lang="fr"><body style="margin:0"><canvas id="c"></canvas><script type="module">
window.addEventListener('error', (e) => { window.rendered = { error: String(e.message) }; });
window.addEventListener('unhandledrejection', (e) => { window.rendered = { error: String(e.reason) }; });
import * as pdfjs from '/pdfjs/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs';
const name = new URLSearchParams(location.search).get('pdf');
const doc = await pdfjs.getDocument({ url: '/' + name }).promise;
const page = await doc.getPage(1);
const viewport = page.getViewport({ scale: 1.5 });
const canvas = document.getElementById('c');
canvas.width = viewport.width; canvas.height = viewport.height;
await page.render({ canvas, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE }).promise;
const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
let ink = 0; for (let i = 0; i < data.length; i += 4) if (data[i] < 128) ink++;
window.rendered = { width: canvas.width, height: canvas.height, pages: doc.numPages, ink };
</script></body></html>`;

let browser: Browser;
let server: Server;
let base: string;
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  const dir = await demoCopy();
  const path = join(dir, 'schedule.yaml');
  const data = parse(await readFile(path, 'utf8')) as { slots: unknown[] };
  data.slots = data.slots.slice(0, 1);
  await writeFile(path, stringify(data));
  await writePaperwork(dir);
  const sheet = await readFile(join(dir, 'paperwork', 'fiches', 'C001.pdf'));
  files.set('sheet.pdf', sheet);
  files.set(
    'filled.pdf',
    await fill(sheet, {
      radios: {
        'criteria.E1': 'acquired',
        'criteria.E2': 'acquired',
        'dossier.decision': 'validated',
      },
    }),
  );
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    void (async () => {
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
        return;
      }
      if (url.pathname.startsWith('/pdfjs/')) {
        const body = await readFile(join(PDFJS, url.pathname.slice(7))).catch(() => undefined);
        if (body) {
          res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
          return;
        }
      }
      const pdf = files.get(url.pathname.slice(1));
      if (pdf) {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function render(pdf: string, png?: string) {
  const page = await browser.newPage();
  await page.goto(`${base}?pdf=${pdf}`);
  await page.waitForFunction(() => 'rendered' in window, undefined, { timeout: 30_000 });
  const result = (await page.evaluate(
    () => (window as unknown as { rendered: unknown }).rendered,
  )) as {
    width: number;
    height: number;
    pages: number;
    ink: number;
    error?: string;
  };
  expect(result.error).toBeUndefined();
  if (png) {
    await mkdir(ARTEFACTS, { recursive: true });
    await page.locator('#c').screenshot({ path: join(ARTEFACTS, png) });
  }
  await page.close();
  return result;
}

describe('evaluation sheet in Chromium (pdf.js)', () => {
  it('renders the first page of a sheet as an A4 page with its text and form boxes', async () => {
    const blank = await render('sheet.pdf', 'paperwork-sheet.png');
    expect(blank.pages).toBe(2);
    expect(blank.height / blank.width).toBeCloseTo(841.89 / 595.28, 2);
    expect(blank.ink).toBeGreaterThan(20_000);
    const png = await readFile(join(ARTEFACTS, 'paperwork-sheet.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows the boxes a juror ticked', async () => {
    const blank = await render('sheet.pdf');
    const filled = await render('filled.pdf', 'paperwork-sheet-filled.png');
    expect(filled.ink).toBeGreaterThan(blank.ink + 30);
  });
});
