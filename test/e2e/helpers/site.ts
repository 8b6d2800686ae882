/** Builds a session's site once, serves it on 127.0.0.1 and checks pages with axe-core. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { buildSite, previewSite } from '../../../pipeline/site/build.ts';
import type { launchChromium } from '../../support/browser.ts';

/** A Chromium page (derived: `astro check` does not resolve playwright-core's type re-exports). */
export type Page = Awaited<ReturnType<Awaited<ReturnType<typeof launchChromium>>['newPage']>>;

/** Where screenshots and PDFs are kept as test artefacts (git-ignored). */
export const ARTEFACTS = join(import.meta.dirname, '../../../test-results/site');

/** WCAG 2.2 AA, as the issue asks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A built and served site. */
export interface ServedSite {
  readonly outDir: string;
  /** Base URL ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds `sessionDir` into a temporary folder and serves it with `astro preview` on port 0. */
export async function serveSession(sessionDir: string): Promise<ServedSite> {
  const outDir = await mkdtemp(join(tmpdir(), 'recevable-site-'));
  await buildSite({ sessionDir, outDir });
  const server = await previewSite({ outDir });
  await mkdir(ARTEFACTS, { recursive: true });
  return {
    outDir,
    url: server.url,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** The axe-core violations of the page, as `rule: target` lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}
