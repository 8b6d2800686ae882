/**
 * Messages stored one per file: a folder of `.eml` files (as mail clients save them), a
 * Maildir (`cur/` and `new/`, whose file names start with the delivery time, so sorting by
 * name is delivery order), or one `.eml` file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** One message file. */
export interface FileMessage {
  /** Path relative to the source, e.g. `new/1692957483.M1P2.mx`. */
  readonly name: string;
  /** Absent when larger than the limit. */
  readonly bytes?: Buffer;
  readonly size: number;
}

async function files(dir: string, filter: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && filter(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

async function load(path: string, name: string, limit: number): Promise<FileMessage> {
  const { size } = await stat(path);
  if (size > limit) return { name, size };
  return { name, size, bytes: await readFile(path) };
}

/** The `.eml` files of a folder (not its subfolders), by name. */
export async function* emlMessages(dir: string, limit: number): AsyncGenerator<FileMessage> {
  for (const name of await files(dir, (n) => /\.eml$/i.test(n)))
    yield await load(join(dir, name), name, limit);
}

/** The unique part of a Maildir file name (its flags after `:` change when it moves to cur/). */
const unique = (name: string): string => basename(name).split(':')[0]!;

/**
 * The messages of a Maildir, `cur/` and `new/` merged in delivery order: by the name's time
 * and microseconds (`1692957483.M95P17.mx` before `1692957483.M858828P17.mx`), compared as
 * numbers. A message the server moves from new/ to cur/ while it is read is read once.
 */
export async function* maildirMessages(dir: string, limit: number): AsyncGenerator<FileMessage> {
  const list = async () => [
    ...(await files(join(dir, 'cur'), () => true)).map((n) => `cur/${n}`),
    ...(await files(join(dir, 'new'), () => true)).map((n) => `new/${n}`),
  ];
  const byKey = new Map((await list()).map((name) => [unique(name), name]));
  const keys = [...byKey.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const key of keys) {
    const name = byKey.get(key)!;
    const found = await load(join(dir, name), name, limit).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const moved = (await list()).find((n) => unique(n) === key);
      return moved ? load(join(dir, moved), moved, limit) : undefined;
    });
    if (found) yield found;
  }
}

/** One `.eml` file. */
export async function* singleMessage(path: string, limit: number): AsyncGenerator<FileMessage> {
  yield await load(path, basename(path), limit);
}
