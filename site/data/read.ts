/**
 * Reads a session folder for the public site: every file through its schema, cross-file
 * references checked, and only what may be published kept (the public projection). Bad data
 * throws a RecevableError naming the file and the problem, which fails the Astro build.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { recevableError, Errors } from '../../pipeline/errors.ts';
import { toInstant } from '../../pipeline/time.ts';
import { CandidatesFile } from '../../schemas/candidates.ts';
import { JuriesFile } from '../../schemas/juries.ts';
import { Result } from '../../schemas/result.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { Session } from '../../schemas/session.ts';
import type { PublicCandidate, PublicResult, PublicSchedule, PublicSlot } from './public.ts';

/** Largest content file read (a YAML file of 1,000 candidates is ~150 kB). */
const MAX_BYTES = 5 * 1024 * 1024;

/** Everything the site publishes about a session. */
export interface SiteData {
  readonly session: Session;
  readonly candidates: readonly PublicCandidate[];
  /** Absent before the checks ran. */
  readonly results?: readonly PublicResult[];
  /** Absent before the order of passage is published. */
  readonly schedule?: PublicSchedule;
}

/** The path as staff know it: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function fail(path: string, problem: string): never {
  throw recevableError(Errors.SiteDataInvalid, shown(path), problem);
}

/** Reads and validates one YAML file; `undefined` when it does not exist and is optional. */
async function readYaml<S extends z.ZodType>(
  path: string,
  schema: S,
  optional = false,
): Promise<z.infer<S> | undefined> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    if (optional) return undefined;
    throw recevableError(Errors.SiteDataMissing, shown(path));
  }
  if (size > MAX_BYTES) fail(path, `the file is ${size} bytes; at most ${MAX_BYTES} are read.`);
  const text = await readFile(path, 'utf8');
  if (text.includes('\u0000')) fail(path, 'the file is binary, not YAML text.');
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]?.replace(/:$/, '');
    fail(path, `not readable as YAML (${reason}).`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    fail(path, `${issue?.message ?? 'invalid content'}${where}.`);
  }
  return parsed.data;
}

async function readResults(
  dir: string,
  codes: ReadonlySet<string>,
): Promise<PublicResult[] | undefined> {
  const folder = join(dir, 'results');
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return undefined;
  }
  const files = names.filter((n) => n.endsWith('.yaml') && n !== 'summary.yaml').sort();
  const results = await Promise.all(
    files.map(async (name) => {
      const path = join(folder, name);
      const result = (await readYaml(path, Result))!;
      if (!codes.has(result.candidate))
        fail(path, `candidate ${result.candidate} is not in candidates.yaml.`);
      if (name !== `${result.candidate}.yaml`)
        fail(
          path,
          `the file holds the result of ${result.candidate}; name it ${result.candidate}.yaml.`,
        );
      return publicResult(result);
    }),
  );
  return results;
}

/** Only the status and the French message of each check: evidence and detail may name sources. */
function publicResult(result: Result): PublicResult {
  return {
    candidate: result.candidate,
    status: result.status,
    checks: Object.values(result.checks).map((f) => ({
      rule: f.rule,
      status: f.status,
      message: f.message,
      ...(f.place?.page ? { page: f.place.page } : {}),
    })),
  };
}

function publicSchedule(
  path: string,
  schedule: Schedule,
  session: Session,
  codes: ReadonlySet<string>,
  members: ReadonlyMap<string, string>,
): PublicSchedule {
  const names = session.publish.names;
  if (schedule.session !== session.id)
    fail(path, `session is ${schedule.session}, expected ${session.id}.`);
  const rooms = new Set(session.defence.rooms.map((r) => r.id));
  const seen = new Set<string>();
  const slots: PublicSlot[] = schedule.slots.map((slot, i) => {
    if (!codes.has(slot.candidate))
      fail(path, `slots.${i}: candidate ${slot.candidate} is not in candidates.yaml.`);
    if (!rooms.has(slot.room))
      fail(path, `slots.${i}: room ${slot.room} is not a room of session.yaml.`);
    const unknown = slot.jury.find((id) => !members.has(id));
    if (unknown) fail(path, `slots.${i}: jury member ${unknown} is not in juries.yaml.`);
    if (seen.has(slot.candidate))
      fail(path, `slots.${i}: candidate ${slot.candidate} has two slots.`);
    seen.add(slot.candidate);
    const start = Date.parse(withOffset(slot.start, session.timezone));
    const end = Date.parse(withOffset(slot.end, session.timezone));
    const free = Date.parse(withOffset(slot.deliberationEnd, session.timezone));
    if (!(start < end && end <= free))
      fail(path, `slots.${i}: expected start < end ≤ deliberationEnd.`);
    return {
      candidate: slot.candidate,
      room: slot.room,
      juryLabel: slot.juryLabel,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      deliberationEnd: new Date(free).toISOString(),
      kind: slot.kind,
      ...(names ? { jurors: slot.jury.map((id) => members.get(id) ?? id) } : {}),
    };
  });
  slots.sort((a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room));
  return {
    version: schedule.version,
    slots,
    unscheduled: schedule.unscheduled.map((u) => u.candidate).sort(),
  };
}

function withOffset(text: string, timeZone: string): string {
  return toInstant(text, timeZone).toISOString();
}

/** Reads the session folder `dir` for the site; throws a RecevableError on bad data. */
export async function readSiteData(dir: string): Promise<SiteData> {
  const session = (await readYaml(join(dir, 'session.yaml'), Session))!;
  const [candidatesFile, juriesFile] = await Promise.all([
    readYaml(join(dir, 'candidates.yaml'), CandidatesFile),
    readYaml(join(dir, 'juries.yaml'), JuriesFile),
  ]);
  const names = session.publish.names;
  const candidates = candidatesFile!.candidates.map((c) => ({
    code: c.code,
    specialisation: c.specialisation,
    ...(names ? { name: c.name } : {}),
  }));
  const codes = new Set(candidates.map((c) => c.code));
  if (codes.size !== candidates.length)
    fail(join(dir, 'candidates.yaml'), 'two candidates share a code.');
  const members = new Map(juriesFile!.members.map((m) => [m.id, m.name]));
  const schedulePath = join(dir, 'schedule.yaml');
  const [results, schedule] = await Promise.all([
    readResults(dir, codes),
    readYaml(schedulePath, Schedule, true),
  ]);
  return {
    session,
    candidates,
    ...(results ? { results } : {}),
    ...(schedule
      ? { schedule: publicSchedule(schedulePath, schedule, session, codes, members) }
      : {}),
  };
}
