/**
 * Validates a whole session folder and reports every problem at once: each registered file
 * read defensively and checked against its schema, then the cross-file rules on the files
 * that passed. Never throws for bad content; throws a usage error when `dir` is not a
 * session folder at all.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Errors, recevableError } from '../errors.ts';
import {
  isPattern,
  sessionFiles,
  type DataOf,
  type SessionData,
  type SessionFileEntry,
} from './files.ts';
import { issuesToProblems, keysAt } from './issues.ts';
import { listNames, problem, sortProblems, uniqueProblems, type Problem } from './problem.ts';
import { readYamlFile } from './read.ts';
import { RuleContext, type ParsedFile, type Rule } from './rules/context.ts';
import { outcomeRules } from '../outcomes/rules.ts';
import { resultRules, scheduleRules } from './rules/outputs.ts';
import { candidateRules, juryRules, submissionRules } from './rules/people.ts';
import { pageRules } from './rules/pages.ts';
import { sessionRules } from './rules/session.ts';
import { topicRules } from './rules/topics.ts';
import { corpusRules } from './rules/corpus.ts';

/** A session whose input files are all valid. */
export type LoadedSession = SessionData & {
  /** Absolute path of the session folder. */
  readonly dir: string;
  /** The pipeline's outputs, when they were validated too (`roles` with `output`) and exist. */
  readonly schedule?: DataOf<'schedule'>;
  /** Every `results/<code>.yaml`, by code; empty when there is none. */
  readonly results?: readonly DataOf<'results'>[];
};

/** Every problem of the folder, sorted; `loaded` when none of them blocks loading. */
export interface Validation {
  readonly problems: Problem[];
  readonly loaded?: LoadedSession;
}

/** Which files to check: `input` only is what commands need before they run. */
export interface ValidateOptions {
  readonly roles?: readonly SessionFileEntry['role'][];
  /** Files not to read at all, by registry key (a command that does not need them). */
  readonly skip?: readonly SessionFileEntry['key'][];
  /** The moment dated rules are judged at (the topic/tutor table's key date); default now. */
  readonly now?: Date;
}

const rules: readonly Rule[] = [
  sessionRules,
  candidateRules,
  juryRules,
  submissionRules,
  scheduleRules,
  resultRules,
  outcomeRules,
  pageRules,
];

/** Validates every file of the session folder `dir`. */
export async function validateSession(
  dir: string,
  options: ValidateOptions = {},
): Promise<Validation> {
  const abs = resolve(dir);
  await assertSessionFolder(dir, abs);
  const roles = options.roles ?? ['input', 'output'];
  const skip = options.skip ?? [];
  const entries = sessionFiles.filter((e) => roles.includes(e.role) && !skip.includes(e.key));
  const files = await listFiles(abs, entries);

  const problems: Problem[] = [];
  const parsedFiles: ParsedFile[] = [];
  await Promise.all(
    files.map(async ({ file, entry }) => {
      const frontMatter = entry.format === 'markdown';
      const read = await readYamlFile(join(abs, file), file, { frontMatter });
      problems.push(...read.problems);
      const parsed = read.parsed;
      if (!parsed) return;
      if (parsed.value === null || parsed.value === undefined) {
        const keys = listNames(keysAt(entry.schema, [])).replace(/ or /, ' and ');
        problems.push(problem({ file, line: 1, column: 1 }, Errors.SessionFileEmpty, [file, keys]));
        return;
      }
      const result = entry.schema.safeParse(parsed.value);
      parsedFiles.push({
        file,
        key: entry.key,
        parsed,
        ...(result.success ? { data: result.data } : {}),
      });
      if (!result.success) {
        problems.push(...issuesToProblems(result.error.issues, entry.schema, parsed, file));
      }
    }),
  );

  parsedFiles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const ctx = new RuleContext(parsedFiles);
  for (const rule of [...rules, topicRules(options.now ?? new Date())]) rule(ctx);
  corpusRules(ctx, abs);
  problems.push(...ctx.problems);

  const rank = (file: string) => entries.findIndex((e) => matches(e, file));
  const sorted = sortProblems(uniqueProblems(problems), rank);
  if (sorted.some((p) => p.blocking !== false)) return { problems: sorted };
  return { problems: sorted, loaded: assemble(abs, parsedFiles, entries) };
}

async function assertSessionFolder(dir: string, abs: string): Promise<void> {
  try {
    if (!(await stat(abs)).isDirectory()) throw new Error('not a directory');
    await stat(join(abs, 'session.yaml'));
  } catch {
    throw recevableError(Errors.NotADirectory, dir);
  }
}

interface FoundFile {
  readonly file: string;
  readonly entry: SessionFileEntry;
}

/** The files to read: required ones even when missing (reading reports it), others if present. */
async function listFiles(abs: string, entries: readonly SessionFileEntry[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const entry of entries) {
    if (!isPattern(entry)) {
      if (entry.required || (await exists(join(abs, entry.file)))) {
        found.push({ file: entry.file, entry });
      }
      continue;
    }
    const folder = entry.file.slice(0, entry.file.lastIndexOf('/') + 1);
    let names: string[];
    try {
      names = await readdir(join(abs, folder));
    } catch {
      continue; // no results/ folder yet: nothing to check
    }
    for (const name of names.sort()) {
      const file = `${folder}${name}`;
      if (matches(entry, file)) found.push({ file, entry });
    }
  }
  return found;
}

/** True when `file` belongs to `entry`: exact paths win over patterns. */
function matches(entry: SessionFileEntry, file: string): boolean {
  if (!isPattern(entry)) return entry.file === file;
  // Against the whole registry: a file with an entry of its own is never a pattern's, even
  // when that entry is skipped (results/summary.yaml is not a result).
  if (sessionFiles.some((e) => !isPattern(e) && e.file === file)) return false;
  const pattern = entry.file.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pattern.join('[^/]*')}$`).test(file);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function assemble(
  abs: string,
  files: readonly ParsedFile[],
  entries: readonly SessionFileEntry[],
): LoadedSession {
  const data: Record<string, unknown> = { dir: abs };
  for (const entry of entries) {
    if (!isPattern(entry)) data[entry.key] = files.find((f) => f.file === entry.file)?.data;
    else if (entry.format === 'markdown') {
      data[entry.key] = files
        .filter((f) => f.key === entry.key)
        .map((f) => ({
          file: f.file,
          data: f.data,
          body: f.parsed.markdown?.body ?? '',
          bodyLine: f.parsed.markdown?.line ?? 1,
        }));
    } else if (entry.role === 'output') {
      // The files are sorted by name: results come by candidate code.
      data[entry.key] = files.filter((f) => f.key === entry.key).map((f) => f.data);
    }
  }
  return data as LoadedSession;
}
