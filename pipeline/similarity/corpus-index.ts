/**
 * The corpus of past dossiers on disk, in one node:sqlite file `<corpus-dir>/index.sqlite`.
 * Postings are a WITHOUT ROWID table of integer pairs (fingerprint hash, document): no object
 * per fingerprint in memory. Texts are kept deflated so passages can be shown side by side;
 * removing a document deletes its text and postings and vacuums them out of the file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Errors, recevableError } from '../errors.ts';
import type { Layout } from './exclusions.ts';

/** File name of the index inside a corpus folder. */
export const INDEX_FILE = 'index.sqlite';
const FORMAT = '2';

/** One document of the corpus, as listed. */
export interface CorpusDoc {
  /** Stable id, e.g. `2022-C003`. */
  readonly id: string;
  /** File name it was added from. */
  readonly name: string;
  readonly year: number | null;
  /** Candidate code when known (to exclude a candidate's own earlier dossier). */
  readonly candidate: string | null;
  readonly sha256: string;
  readonly words: number;
  /** Fingerprints indexed. */
  readonly fingerprints: number;
}

/** A document to add. */
export interface NewCorpusDoc {
  readonly id: string;
  readonly name: string;
  readonly year?: number | undefined;
  readonly candidate?: string | undefined;
  readonly sha256: string;
  readonly words: number;
  readonly text: string;
  readonly layout: Layout;
  /** Winnowed fingerprint hashes of the text. */
  readonly hashes: Uint32Array;
}

/** An open corpus index. */
export interface CorpusIndex {
  readonly file: string;
  /** Number of documents. */
  count(): number;
  /** Adds documents in one transaction; returns what was added and what was already there. */
  add(docs: readonly NewCorpusDoc[]): { added: string[]; unchanged: string[] };
  list(): CorpusDoc[];
  /** Deletes a document, its text and its postings; false when the id is unknown. */
  remove(id: string): boolean;
  stats(): {
    documents: number;
    words: number;
    postings: number;
    distinctFingerprints: number;
    bytes: number;
  };
  /**
   * For each hash held by at most `maxDocs` documents, the internal numbers of those documents;
   * for the hashes held by more (common phrases), only their document frequency.
   */
  lookup(
    hashes: Iterable<number>,
    maxDocs?: number,
  ): { postings: Map<number, number[]>; frequent: Map<number, number> };
  /** Listing and text of a document by internal number. */
  load(n: number): { doc: CorpusDoc; text: string; layout: Layout };
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS docs (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  year INTEGER, candidate TEXT, sha256 TEXT NOT NULL UNIQUE, words INTEGER NOT NULL, hashes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS texts (n INTEGER PRIMARY KEY, text BLOB NOT NULL, layout TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS postings (hash INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (hash, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS df (hash INTEGER PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
`;

interface DocRow {
  n: number;
  id: string;
  name: string;
  year: number | null;
  candidate: string | null;
  sha256: string;
  words: number;
  hashes: Uint8Array;
}

const toDoc = (row: DocRow): CorpusDoc => ({
  id: row.id,
  name: row.name,
  year: row.year,
  candidate: row.candidate,
  sha256: row.sha256,
  words: row.words,
  fingerprints: row.hashes.byteLength / 4,
});

const unpack = (blob: Uint8Array): Uint32Array =>
  new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));

// A posting travels packed as hash * 2^21 + slot: one JSON number per row, exact below 2^53.
const SLOT_BITS = 21;
const SLOTS = 2 ** SLOT_BITS;
const ROWS_PER_STATEMENT = 65_536;

/**
 * Writes the postings and document frequencies of freshly inserted documents, whose numbers
 * are consecutive (SQLite gives each new row the largest rowid + 1). One statement per batch
 * of rows: a statement per posting costs more than the B-tree insert itself.
 */
function writePostings(
  db: DatabaseSync,
  fresh: readonly { n: number; hashes: Uint32Array }[],
): void {
  const insertPostings = db.prepare(
    `INSERT OR IGNORE INTO postings (hash, doc)
     SELECT value >> ${SLOT_BITS}, (value & ${SLOTS - 1}) + ?2 FROM json_each(?1)`,
  );
  const countUp = db.prepare(
    `INSERT INTO df (hash, n) SELECT value >> ${SLOT_BITS}, value & ${SLOTS - 1} FROM json_each(?1)
     WHERE true ON CONFLICT (hash) DO UPDATE SET n = n + excluded.n`,
  );
  for (let from = 0; from < fresh.length; from += SLOTS) {
    const group = fresh.slice(from, from + SLOTS);
    const first = group[0]?.n ?? 0;
    let total = 0;
    for (const doc of group) total += doc.hashes.length;
    const keys = new Float64Array(total);
    let at = 0;
    for (const doc of group) for (const h of doc.hashes) keys[at++] = h * SLOTS + doc.n - first;
    // Sorted inserts keep the B-tree writes local.
    keys.sort();
    const counts: number[] = [];
    for (let i = 0; i < keys.length;) {
      const hash = Math.floor((keys[i] ?? 0) / SLOTS);
      let j = i + 1;
      while (j < keys.length && Math.floor((keys[j] ?? 0) / SLOTS) === hash) j++;
      counts.push(hash * SLOTS + (j - i));
      i = j;
    }
    for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT)
      insertPostings.run(`[${keys.subarray(i, i + ROWS_PER_STATEMENT).join(',')}]`, first);
    for (let i = 0; i < counts.length; i += ROWS_PER_STATEMENT)
      countUp.run(`[${counts.slice(i, i + ROWS_PER_STATEMENT).join(',')}]`);
  }
}

function sortedUnique(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i] ?? 0;
  return sorted.slice(0, count);
}

/** Opens (or, with `create`, creates) the index of a corpus folder. */
export function openCorpus(dir: string, options: { create?: boolean } = {}): CorpusIndex {
  const file = join(dir, INDEX_FILE);
  if (!existsSync(file)) {
    if (!options.create) throw recevableError(Errors.CorpusMissing, dir);
    mkdirSync(dir, { recursive: true });
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file);
    db.exec('PRAGMA secure_delete = ON; PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL;');
    db.exec(SCHEMA);
    const format = db.prepare(`SELECT value FROM meta WHERE key = 'format'`).get() as
      { value: string } | undefined;
    if (!format) db.prepare(`INSERT INTO meta (key, value) VALUES ('format', ?)`).run(FORMAT);
    else if (format.value !== FORMAT)
      throw new Error(`index format ${format.value}, this version reads ${FORMAT}`);
  } catch (error) {
    throw recevableError(Errors.CorpusCorrupt, file, (error as Error).message);
  }
  // Common fingerprints (more than ?2 documents) come back once, with their count and no document.
  const byHashes = db.prepare(
    `SELECT d.hash, d.n, p.doc FROM json_each(?1) AS j CROSS JOIN df AS d ON d.hash = j.value
     LEFT JOIN postings AS p ON p.hash = d.hash AND d.n <= ?2`,
  );
  byHashes.setReturnArrays(true);
  const docByN = db.prepare('SELECT * FROM docs WHERE n = ?');

  return {
    file,
    count: () => (db.prepare('SELECT count(*) AS c FROM docs').get() as { c: number }).c,
    add(docs) {
      const added: string[] = [];
      const unchanged: string[] = [];
      const findSha = db.prepare('SELECT id FROM docs WHERE sha256 = ?');
      const findId = db.prepare('SELECT sha256 FROM docs WHERE id = ?');
      const insertDoc = db.prepare(
        'INSERT INTO docs (id, name, year, candidate, sha256, words, hashes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const insertText = db.prepare('INSERT INTO texts (n, text, layout) VALUES (?, ?, ?)');
      const fresh: { n: number; hashes: Uint32Array }[] = [];
      db.exec('BEGIN');
      try {
        for (const doc of docs) {
          if (findSha.get(doc.sha256)) {
            unchanged.push(doc.id);
            continue;
          }
          if (findId.get(doc.id)) throw recevableError(Errors.CorpusDuplicateId, doc.id, doc.name);
          const unique = sortedUnique(doc.hashes);
          const info = insertDoc.run(
            doc.id,
            doc.name,
            doc.year ?? null,
            doc.candidate ?? null,
            doc.sha256,
            doc.words,
            new Uint8Array(unique.buffer),
          );
          const n = Number(info.lastInsertRowid);
          insertText.run(n, deflateRawSync(doc.text, { level: 1 }), JSON.stringify(doc.layout));
          fresh.push({ n, hashes: unique });
          added.push(doc.id);
        }
        writePostings(db, fresh);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      return { added, unchanged };
    },
    list: () =>
      (db.prepare('SELECT * FROM docs ORDER BY id').all() as unknown as DocRow[]).map(toDoc),
    remove(id) {
      const row = db.prepare('SELECT n, hashes FROM docs WHERE id = ?').get(id) as
        { n: number; hashes: Uint8Array } | undefined;
      if (!row) return false;
      const del = db.prepare('DELETE FROM postings WHERE hash = ? AND doc = ?');
      const countDown = db.prepare('UPDATE df SET n = n - 1 WHERE hash = ?');
      db.exec('BEGIN');
      for (const h of unpack(row.hashes)) {
        del.run(h, row.n);
        countDown.run(h);
      }
      db.exec('DELETE FROM df WHERE n <= 0');
      db.prepare('DELETE FROM texts WHERE n = ?').run(row.n);
      db.prepare('DELETE FROM docs WHERE n = ?').run(row.n);
      db.exec('COMMIT');
      // Retention: the text must leave the file, not only the tables.
      db.exec('VACUUM');
      return true;
    },
    stats() {
      const one = (sql: string): number =>
        Number((db.prepare(sql).get() as { v: number | null }).v ?? 0);
      return {
        documents: one('SELECT count(*) AS v FROM docs'),
        words: one('SELECT sum(words) AS v FROM docs'),
        postings: one('SELECT count(*) AS v FROM postings'),
        distinctFingerprints: one('SELECT count(*) AS v FROM df'),
        bytes: one(
          'SELECT page_count * page_size AS v FROM pragma_page_count(), pragma_page_size()',
        ),
      };
    },
    lookup(hashes, maxDocs = Infinity) {
      const postings = new Map<number, number[]>();
      const frequent = new Map<number, number>();
      const limit = Number.isFinite(maxDocs) ? maxDocs : Number.MAX_SAFE_INTEGER;
      // One query per batch: a statement per hash costs more than the B-tree probe itself.
      // Sorted, the probes walk the B-trees in order.
      const all = sortedUnique(Uint32Array.from(hashes));
      for (let from = 0; from < all.length; from += 4096) {
        const rows = byHashes.all(
          `[${all.subarray(from, from + 4096).join(',')}]`,
          limit,
        ) as unknown as [number, number, number | null][];
        for (const [hash, n, doc] of rows) {
          if (doc === null) frequent.set(hash, n);
          else {
            const list = postings.get(hash);
            if (list) list.push(doc);
            else postings.set(hash, [doc]);
          }
        }
      }
      return { postings, frequent };
    },
    load(n) {
      const row = docByN.get(n) as DocRow | undefined;
      const text = db.prepare('SELECT text, layout FROM texts WHERE n = ?').get(n) as
        { text: Uint8Array; layout: string } | undefined;
      if (!row || !text)
        throw recevableError(Errors.CorpusCorrupt, file, `document ${n} has no text`);
      return {
        doc: toDoc(row),
        text: inflateRawSync(text.text).toString('utf8'),
        layout: JSON.parse(text.layout) as Layout,
      };
    },
    close: () => db.close(),
  };
}
