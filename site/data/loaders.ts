/**
 * Content-layer loaders of the public site. Each reads the session folder through
 * `readSiteData` (schemas + cross-file checks) and throws on bad data, so the build stops
 * with the file and the problem, where Astro's `file()` loader would only log.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readSiteData, type SiteData } from './read.ts';

/** The demo session, built when `RECEVABLE_SESSION` is not set. */
const DEFAULT_SESSION = 'content/demo-2023';

/** The session folder to build: `RECEVABLE_SESSION`, relative to the project root. */
function sessionDir(root: URL): string {
  return resolve(fileURLToPath(root), process.env['RECEVABLE_SESSION'] || DEFAULT_SESSION);
}

const cache = new Map<string, { signature: string; data: Promise<SiteData> }>();

/** The Markdown pages of the session folder, relative to it (none without a `pages/` folder). */
async function pageFiles(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'pages')).catch(() => []);
  return names.filter((n) => n.endsWith('.md')).map((n) => `pages/${n}`);
}

/** Modification times of what the site reads: a changed file invalidates the cached read. */
async function signature(dir: string): Promise<string> {
  const paths = ['session.yaml', 'candidates.yaml', 'juries.yaml', 'schedule.yaml', 'results'];
  paths.push(...(await pageFiles(dir)));
  const times = await Promise.all(
    paths.map((p) =>
      stat(join(dir, p)).then(
        (s) => `${s.mtimeMs}:${s.size}`,
        () => '-',
      ),
    ),
  );
  return times.join('|');
}

/** The session data, read once per build for all collections. */
async function siteData(context: LoaderContext): Promise<SiteData> {
  const dir = sessionDir(context.config.root);
  const sig = await signature(dir);
  let entry = cache.get(dir);
  if (!entry || entry.signature !== sig) {
    entry = { signature: sig, data: readSiteData(dir) };
    cache.set(dir, entry);
    entry.data.catch(() => cache.delete(dir));
  }
  return entry.data;
}

/** A loader storing `pick(data)` entries, keyed by `id`; an empty list leaves the collection empty. */
function sessionLoader<T extends Record<string, unknown>>(
  name: string,
  pick: (data: SiteData) => readonly T[],
  id: (item: T) => string,
): Loader {
  return {
    name: `recevable-${name}`,
    load: async (context) => {
      const items = pick(await siteData(context));
      context.store.clear();
      for (const item of items) context.store.set({ id: id(item), data: item });
    },
  };
}

/** The loaders of the collections, one per kind of published data. */
export const loaders = {
  session: sessionLoader(
    'session',
    (d) => [d.session],
    () => 'session',
  ),
  publication: sessionLoader(
    'publication',
    (d) => [
      {
        results: d.results !== undefined,
        schedule: d.schedule !== undefined,
        pages: d.pages.length > 0,
      },
    ],
    () => 'publication',
  ),
  candidates: sessionLoader(
    'candidates',
    (d) => d.candidates,
    (c) => c.code,
  ),
  results: sessionLoader(
    'results',
    (d) => d.results ?? [],
    (r) => r.candidate,
  ),
  schedule: sessionLoader(
    'schedule',
    (d) => (d.schedule ? [d.schedule] : []),
    () => 'schedule',
  ),
  /** The school's pages, rendered by Astro's Markdown pipeline (remark plugins of astro.config). */
  pages: {
    name: 'recevable-pages',
    load: async (context) => {
      const { pages } = await siteData(context);
      context.store.clear();
      for (const { page, markdown, path } of pages) {
        const rendered = await context.renderMarkdown(markdown, { fileURL: pathToFileURL(path) });
        context.store.set({ id: page.slug, data: page, body: markdown, rendered });
      }
    },
  } satisfies Loader,
};
