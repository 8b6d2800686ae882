/**
 * `importSpreadsheet(dir, file, options)`: a staff spreadsheet (CSV, XLSX, ODS) merged into
 * the session's YAML — candidates (with the « Sujet dossier / tuteurs » table: topic, tutor,
 * contract and its dates) and tutors into candidates.yaml, jury members into juries.yaml.
 *
 * All or nothing: every problem of every cell is reported at once and nothing is written
 * when there is one, nor when the merged file would not pass `recevable validate` (checked on
 * a copy of the session's YAML). Importing the same file twice changes nothing.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { Errors } from '../errors.ts';
import { writeIfChanged } from '../files/atomic.ts';
import { sessionFiles } from '../session/files.ts';
import { loadSession } from '../session/load.ts';
import { validateSession } from '../session/validate.ts';
import { unifiedDiff } from './diff.ts';
import { TARGETS, type Kind } from './fields.ts';
import { merge } from './merge.ts';
import { readSheet } from './read.ts';
import { problemAt, readRows, type Column, type DatesRead, type ImportProblem } from './rows.ts';
import { editList } from './yaml-edit.ts';

export type { ImportProblem } from './rows.ts';
export { KINDS, type Kind } from './fields.ts';

/** Options of `importSpreadsheet`. */
export interface ImportOptions {
  readonly as: Kind;
  /** Sheet name; default the first sheet with data. */
  readonly sheet?: string;
  /** `Header=field,…` for columns the built-in headers do not name. */
  readonly map?: string;
  /** Compute and return the change, write nothing. */
  readonly dryRun?: boolean;
}

/** What an import read, would change or changed. */
export interface ImportReport {
  readonly kind: Kind;
  readonly file: string;
  readonly sheet: string;
  readonly sheets: readonly string[];
  /** `XLSX`, `CSV, Windows-1252, delimiter ";"`… */
  readonly source: string;
  /** The YAML file of the session merged into, relative to the session folder. */
  readonly target: string;
  /** 1-based. */
  readonly headerRow: number;
  readonly columns: Column[];
  /** Filled rows under the header. */
  readonly rows: number;
  readonly added: string[];
  readonly updated: { key: string; fields: string[] }[];
  readonly unchanged: number;
  /** How dates were read, per field and format. */
  readonly dates: DatesRead[];
  /** Candidates after the import: how many have a topic and a tutor (candidates only). */
  readonly topics?: { total: number; withTopic: number; withTutor: number };
  readonly problems: ImportProblem[];
  /** Unified diff of the target file; empty when nothing changes. */
  readonly diff: string;
  readonly written: boolean;
}

/** The problems of `target` among the session's YAML files, with `target` replaced by `text`, validated in a scratch folder. */
async function problemsOf(
  dir: string,
  target: string,
  text: string | undefined,
): Promise<Map<string, ImportProblem>> {
  const scratch = await mkdtemp(join(tmpdir(), 'recevable-import-'));
  try {
    for (const entry of sessionFiles) {
      if (entry.role !== 'input' || entry.file.includes('*')) continue;
      if (entry.file === target && text !== undefined) await writeFile(join(scratch, target), text);
      else await copyFile(join(dir, entry.file), join(scratch, entry.file)).catch(() => undefined);
    }
    const { problems } = await validateSession(scratch, { roles: ['input'] });
    const found = new Map<string, ImportProblem>();
    for (const p of problems) {
      // Only what the target file says: other files' problems (a corpus folder the scratch
      // copy lacks) are not the import's.
      if (p.level === 'warning' || p.file !== target) continue;
      const cell = `${p.file}:${p.line}:${p.column}`;
      found.set(
        `${p.code} ${p.message}`,
        problemAt(cell, Errors.ImportBreaksSession, p.fix, p.message),
      );
    }
    return found;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Reads, merges and (unless `dryRun` or a problem) writes. Throws a RecevableError on usage or unreadable input. */
export async function importSpreadsheet(
  dir: string,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const target = TARGETS[options.as];
  const loaded = await loadSession(dir);
  const { table, date1904, sheets } = await readSheet(file, options.sheet);
  const rows = readRows(table, target, options.map, file, {
    blocks: loaded.session.blocks,
    tutors: loaded.candidates.tutors,
    date1904,
  });
  const path = join(loaded.dir, target.file);
  const before = await readFile(path, 'utf8').catch(() => '');
  const raw = (parseDocument(before).toJS() ?? {}) as Record<string, unknown>;
  const list = Array.isArray(raw[target.list])
    ? (raw[target.list] as Record<string, unknown>[])
    : [];
  const merged = merge(rows.records, list, target);
  const problems = [...rows.problems, ...merged.problems];
  const after =
    problems.length === 0
      ? editList(before, target.list, merged.updates, merged.additions)
      : before;
  if (problems.length === 0 && after !== before) {
    const was = await problemsOf(loaded.dir, target.file, undefined);
    for (const [key, p] of await problemsOf(loaded.dir, target.file, after))
      if (!was.has(key)) problems.push(p);
  }
  const ok = problems.length === 0;
  const written =
    ok && !options.dryRun && after !== before ? await writeIfChanged(path, after) : false;

  let topics: ImportReport['topics'];
  if (options.as === 'candidates') {
    const entries = (((ok ? parseDocument(after).toJS() : raw) ?? {}) as Record<string, unknown>)[
      'candidates'
    ];
    const all = Array.isArray(entries) ? (entries as Record<string, unknown>[]) : [];
    topics = {
      total: all.length,
      withTopic: all.filter((c) => typeof c['topic'] === 'string').length,
      withTutor: all.filter((c) => typeof c['tutor'] === 'string').length,
    };
  }
  return {
    kind: options.as,
    file,
    sheet: table.sheet,
    sheets,
    source: table.source,
    target: target.file,
    headerRow: rows.headerRow + 1,
    columns: rows.columns,
    rows: rows.records.length,
    added: ok ? merged.changes.filter((c) => c.added).map((c) => c.key) : [],
    updated: ok
      ? merged.changes.filter((c) => !c.added).map(({ key, fields }) => ({ key, fields }))
      : [],
    unchanged: merged.unchanged,
    dates: rows.dates,
    ...(topics ? { topics } : {}),
    problems,
    diff: ok ? unifiedDiff(before, after, target.file) : '',
    written,
  };
}
