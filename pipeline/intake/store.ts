/**
 * Where intake records a dossier: the file as `submissions/<code>-<n>.<ext>` and one more entry
 * at the end of `submissions.yaml` (comments and the entries staff wrote kept as they are).
 *
 * Crash safety comes from the order of writes, each atomic: the file, then the entry. A message
 * is recorded once its entry exists (same Message-ID and sha256, or without Message-ID the same
 * sha256 and time); a file without entry is the leftover of a run that was stopped, reused when
 * it holds the same bytes and skipped otherwise, so numbering is the same as in one clean run.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { Submission } from '../../schemas/submissions.ts';
import { writeIfChanged } from '../files/atomic.ts';

const HEADER = '# yaml-language-server: $schema=../../schemas/json/submissions.schema.json\n';
export const SUBMISSIONS_FILE = 'submissions.yaml';

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

const keyOf = (s: Pick<Submission, 'messageId' | 'sha256' | 'receivedAt'>): string =>
  s.messageId ? `${s.messageId}\n${s.sha256}` : `\n${s.sha256}\n${s.receivedAt}`;

/** submissions.yaml and submissions/ of one session, as intake appends to them. */
export class SubmissionsStore {
  private readonly keys: Set<string>;
  private readonly files: Set<string>;
  private readonly dir: string;
  private readonly document: Document;
  private readonly dryRun: boolean;

  private constructor(
    dir: string,
    document: Document,
    entries: readonly Submission[],
    dryRun: boolean,
  ) {
    this.dir = dir;
    this.document = document;
    this.dryRun = dryRun;
    this.keys = new Set(entries.filter((e) => e.sha256).map(keyOf));
    this.files = new Set(entries.map((e) => e.file));
  }

  /** Opens the store on the session's validated entries; creates an empty submissions.yaml when there is none. */
  static async open(
    dir: string,
    entries: readonly Submission[] | undefined,
    dryRun: boolean,
  ): Promise<SubmissionsStore> {
    const path = join(dir, SUBMISSIONS_FILE);
    const text = await readFile(path, 'utf8').catch(() => `${HEADER}submissions: []\n`);
    return new SubmissionsStore(dir, parseDocument(text), entries ?? [], dryRun);
  }

  /** True when this message's dossier is already recorded. */
  has(entry: Pick<Submission, 'messageId' | 'sha256' | 'receivedAt'>): boolean {
    return this.keys.has(keyOf(entry));
  }

  /**
   * The path of the next submission of `code`: the first `<code>-<n>` no entry names and no
   * other file holds (a file with the same bytes is a stopped run's copy of this one).
   */
  async nextFile(code: string, ext: string, sha256: string): Promise<string> {
    const present = await readdir(join(this.dir, 'submissions')).catch(() => [] as string[]);
    for (let n = 1; ; n += 1) {
      const stem = `${code}-${n}`;
      if ([...this.files].some((f) => f.startsWith(`submissions/${stem}.`))) continue;
      const taken = present.filter((name) => name.startsWith(`${stem}.`) && !name.endsWith('.tmp'));
      let free = true;
      for (const name of taken) {
        const bytes = await readFile(join(this.dir, 'submissions', name));
        if (name !== `${stem}.${ext}` || sha256Of(bytes) !== sha256) free = false;
      }
      if (free) return `submissions/${stem}.${ext}`;
    }
  }

  /** Writes the dossier file (atomically). */
  async writeFile(file: string, bytes: Uint8Array): Promise<void> {
    if (!this.dryRun) await writeIfChanged(join(this.dir, file), bytes);
  }

  /** Appends the entry to submissions.yaml (atomically). */
  async append(entry: Submission): Promise<void> {
    this.keys.add(keyOf(entry));
    this.files.add(entry.file);
    const doc = this.document;
    let list = doc.get('submissions');
    if (!isSeq(list)) {
      doc.set('submissions', doc.createNode([]));
      list = doc.get('submissions');
    }
    if (!isSeq(list)) throw new Error('submissions.yaml: submissions is not a list');
    if (list.items.length === 0) list.flow = false;
    const node = doc.createNode(entry);
    if (isMap(node)) node.flow = false;
    list.items.push(node);
    if (this.dryRun) return;
    await writeIfChanged(join(this.dir, SUBMISSIONS_FILE), doc.toString({ lineWidth: 0 }));
  }
}
