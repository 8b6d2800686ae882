/**
 * Builds and serves the public site programmatically: `recevable run` and the tests call
 * these instead of the Astro CLI. The session folder reaches the content loaders through
 * `RECEVABLE_SESSION`, set for the duration of the build only.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'astro';
import { Errors, RecevableError, recevableError } from '../errors.ts';

/** The project root: where astro.config.mjs and site/ live. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What to build. */
export interface BuildSiteOptions {
  /** The session folder (holding session.yaml), absolute or relative to the working folder. */
  readonly sessionDir: string;
  /** Where the static site goes; default `dist/` in the project root. */
  readonly outDir?: string;
  /** Astro's own log level; default `error` (quiet). */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** What was built. */
export interface BuiltSite {
  /** Absolute path of the static site. */
  readonly outDir: string;
  /** Number of HTML pages written. */
  readonly pages: number;
  /** Build duration, milliseconds. */
  readonly ms: number;
}

/**
 * The RecevableError a loader threw. Astro rethrows it as is, but the content config runs in
 * Vite's module graph, so the class differs from ours: it is recognised by name and fields.
 */
function asRecevable(error: unknown): RecevableError | undefined {
  if (error instanceof RecevableError) return error;
  if (error instanceof Error && error.name === 'RecevableError') {
    const { code, hint } = error as Error & { code?: unknown; hint?: unknown };
    if (typeof code === 'string' && typeof hint === 'string')
      return new RecevableError(code, error.message, hint);
  }
  return undefined;
}

async function countPages(dir: string): Promise<number> {
  const files = await readdir(dir, { recursive: true });
  return files.filter((f) => f.endsWith('.html')).length;
}

let queue: Promise<unknown> = Promise.resolve();

const cacheDirs = new Set<string>();

/**
 * A fresh Astro cache for one build, removed when the process exits. Not shared between
 * builds and not removed right after one: Astro writes its data store on a timer that may
 * fire after `build()` returns, and a late write into a shared cache fed the next build
 * the previous session's data.
 */
async function buildCacheDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-astro-cache-'));
  if (cacheDirs.size === 0) {
    process.once('exit', () => {
      for (const d of cacheDirs) rmSync(d, { recursive: true, force: true });
    });
  }
  cacheDirs.add(dir);
  return dir;
}

/**
 * Builds the site of `sessionDir` into `outDir`. Throws a RecevableError: `SITE_DATA_INVALID`
 * or `SITE_DATA_MISSING` (file and problem) on bad session data, `SITE_BUILD_FAILED` otherwise.
 * Builds in one process run one after the other (the session is passed through the environment).
 */
export function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const run = queue.then(() => buildNow(options));
  queue = run.catch(() => undefined);
  return run;
}

async function buildNow({
  sessionDir,
  outDir,
  logLevel = 'error',
}: BuildSiteOptions): Promise<BuiltSite> {
  const out = resolve(outDir ?? join(PROJECT_ROOT, 'dist'));
  const previous = process.env['RECEVABLE_SESSION'];
  process.env['RECEVABLE_SESSION'] = resolve(sessionDir);
  // Astro's telemetry would call a third party from a staff laptop or CI.
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const started = performance.now();
  try {
    await build({ root: PROJECT_ROOT, outDir: out, cacheDir: await buildCacheDir(), logLevel });
  } catch (error) {
    throw (
      asRecevable(error) ??
      recevableError(Errors.SiteBuildFailed, error instanceof Error ? error.message : String(error))
    );
  } finally {
    if (previous === undefined) delete process.env['RECEVABLE_SESSION'];
    else process.env['RECEVABLE_SESSION'] = previous;
  }
  return { outDir: out, pages: await countPages(out), ms: Math.round(performance.now() - started) };
}

/** A running static server of a built site. */
export interface PreviewedSite {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves a built site with `astro preview` on `host` (default 127.0.0.1) and `port` (0: any free port). */
export async function previewSite(
  options: { outDir?: string; host?: string; port?: number } = {},
): Promise<PreviewedSite> {
  const host = options.host ?? '127.0.0.1';
  const server = await preview({
    root: PROJECT_ROOT,
    outDir: resolve(options.outDir ?? join(PROJECT_ROOT, 'dist')),
    logLevel: 'error',
    server: { host, port: options.port ?? 0 },
  });
  return { url: `http://${host}:${server.port}/`, close: () => server.stop() };
}
