/**
 * What `recevable check --shard i/n` writes next to its results, and `recevable merge` reads:
 * the shard manifest (`manifest.json`) and the readings it exports for the session-level
 * checks (`readings.jsonl.gz`, one `ShardReading` per line).
 */
import { z } from 'zod';
import { Document } from './document.ts';

const sha256 = () => z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hexadecimal');

/** Version of the shard files; `merge` refuses any other. */
export const SHARD_FORMAT = 1;

/** Which part of the session a shard decides. */
export const ShardPart = z.strictObject({
  /** 1-based number of the shard. */
  index: z.number().int().min(1),
  /** Number of shards the session is split into. */
  count: z.number().int().min(1),
});
export type ShardPart = z.infer<typeof ShardPart>;

/** What the shard's decisions were made from: shards merge only when these are equal. */
export const ShardInputs = z.strictObject({
  /** Name and version of the tool (package.json). */
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  /** Fingerprint of the code that reads and decides (changes with any source change). */
  build: z.string(),
  /** SHA-256 of the session's input files (YAML and templates), each by path and content. */
  session: sha256(),
  /** SHA-256 of the corpus index file; null when the session has none. */
  corpus: sha256().nullable(),
  /** The reading and checking options (e.g. `libreoffice`), as given to the run. */
  options: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])),
});
export type ShardInputs = z.infer<typeof ShardInputs>;

/** `manifest.json` of a shard folder. */
export const ShardManifest = z.strictObject({
  /** Version of the shard files. */
  format: z.literal(SHARD_FORMAT),
  /** The session id of session.yaml. */
  session: z.string(),
  shard: ShardPart,
  inputs: ShardInputs,
  /** Every candidate code this shard decided, in the order of candidates.yaml. */
  candidates: z.array(z.string()),
  /** Final results written to `results/<code>.yaml`, by code: SHA-256 of each file. */
  results: z.record(z.string(), sha256()),
  /** The readings exported for the session-level checks (similarity). */
  readings: z.strictObject({
    /** File name inside the shard folder. */
    file: z.string(),
    /** SHA-256 of the file's bytes. */
    sha256: sha256(),
    /** Candidates whose reading it holds, in the order of candidates.yaml. */
    candidates: z.array(z.string()),
  }),
});
export type ShardManifest = z.infer<typeof ShardManifest>;

/** One line of `readings.jsonl.gz`: a readable dossier as the reader found it. */
export const ShardReading = z.strictObject({
  /** Candidate code. */
  candidate: z.string(),
  /** SHA-256 of the dossier's bytes. */
  sha256: sha256(),
  /** What the reader found: text by page, headings, table of contents, page count. */
  document: Document,
});
export type ShardReading = z.infer<typeof ShardReading>;
