/**
 * The files of a shard folder: `manifest.json`, `results/<code>.yaml` (the results the shard
 * could decide alone, byte for byte those of an unsharded run) and `readings.jsonl.gz` (the
 * readings the session-level checks need). Reading them back validates every byte: a
 * truncated, edited or foreign file is an error naming it, never a silent partial merge.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ShardManifest, ShardReading, SHARD_FORMAT } from '../../schemas/shard.ts';
import { Errors, recevableError } from '../errors.ts';
import { writeIfChanged } from '../files/atomic.ts';

export const MANIFEST_FILE = 'manifest.json';
export const READINGS_FILE = 'readings.jsonl.gz';

/** SHA-256 (hex) of bytes. */
export const sha256Bytes = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The first problem of a zod error, as `path: message`. */
const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid';
};

/** The readings file's bytes: one JSON line per reading, gzip (deterministic: no time in it). */
export function readingsBytes(readings: readonly ShardReading[]): Uint8Array {
  return gzipSync(readings.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** Writes the manifest last: a folder without one is an unfinished shard. */
export async function writeManifest(dir: string, manifest: ShardManifest): Promise<void> {
  await writeIfChanged(
    join(dir, MANIFEST_FILE),
    `${JSON.stringify(ShardManifest.parse(manifest), null, 2)}\n`,
  );
}

/** The manifest of a shard folder; throws a catalogue error naming the file. */
export async function readManifest(dir: string): Promise<ShardManifest> {
  const file = join(dir, MANIFEST_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) throw recevableError(Errors.ShardNotAShard, dir);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw recevableError(Errors.ShardFileDamaged, file, (error as Error).message);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== SHARD_FORMAT)
    throw recevableError(Errors.ShardFormat, file, String(format), SHARD_FORMAT);
  const parsed = ShardManifest.safeParse(value);
  if (!parsed.success)
    throw recevableError(Errors.ShardFileDamaged, file, firstIssue(parsed.error));
  return parsed.data;
}

/** A file of the shard whose SHA-256 the manifest gives; throws when missing or changed. */
async function verified(dir: string, name: string, sha256: string): Promise<Buffer> {
  const file = join(dir, name);
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) throw recevableError(Errors.ShardFileDamaged, file, 'it is missing');
  if (sha256Bytes(bytes) !== sha256)
    throw recevableError(
      Errors.ShardFileDamaged,
      file,
      `its content is not what ${MANIFEST_FILE} recorded (SHA-256 differs)`,
    );
  return bytes;
}

/** The text of `results/<code>.yaml` in a shard, checked against the manifest. */
export async function readShardResult(
  dir: string,
  manifest: ShardManifest,
  candidate: string,
): Promise<string> {
  const bytes = await verified(dir, `results/${candidate}.yaml`, manifest.results[candidate]!);
  return bytes.toString('utf8');
}

/** The readings of a shard, checked against the manifest, in its order. */
export async function readReadings(dir: string, manifest: ShardManifest): Promise<ShardReading[]> {
  const file = join(dir, manifest.readings.file);
  const bytes = await verified(dir, manifest.readings.file, manifest.readings.sha256);
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw recevableError(Errors.ShardFileDamaged, file, (error as Error).message);
  }
  const lines = text.split('\n').filter((line) => line !== '');
  const out = lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw recevableError(
        Errors.ShardFileDamaged,
        `${file} line ${i + 1}`,
        (error as Error).message,
      );
    }
    const parsed = ShardReading.safeParse(value);
    if (!parsed.success)
      throw recevableError(
        Errors.ShardFileDamaged,
        `${file} line ${i + 1}`,
        firstIssue(parsed.error),
      );
    return parsed.data;
  });
  const codes = out.map((r) => r.candidate).join(',');
  if (codes !== manifest.readings.candidates.join(','))
    throw recevableError(
      Errors.ShardFileDamaged,
      file,
      `it holds the readings of ${codes || 'nobody'}, ${MANIFEST_FILE} lists ${manifest.readings.candidates.join(',') || 'nobody'}`,
    );
  return out;
}
