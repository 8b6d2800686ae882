/**
 * Reading schedule.yaml and the admissibility results the scheduler plans from, and the
 * deterministic YAML text of a schedule.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { Result } from '../../schemas/result.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { Errors, recevableError } from '../errors.ts';

/** The YAML text of a schedule, validated by its schema first. */
export function scheduleYaml(schedule: Schedule): string {
  const valid = Schedule.parse(schedule);
  return `# Written by \`recevable schedule\`: edit candidates.yaml or juries.yaml and re-run instead.\n${stringify(valid, { lineWidth: 0 })}`;
}

/** The published schedule of the session, or undefined when there is none yet. */
export async function readSchedule(dir: string): Promise<Schedule | undefined> {
  const path = join(dir, 'schedule.yaml');
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile())
    throw recevableError(Errors.SchedulePreviousInvalid, path, 'it is not a regular file');
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw recevableError(Errors.SchedulePreviousInvalid, path, (error as Error).message);
  }
  const result = Schedule.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw recevableError(
      Errors.SchedulePreviousInvalid,
      path,
      `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

/** A result file is a few kilobytes; anything past this is not one. */
const MAX_RESULT_BYTES = 1_000_000;

/** Admissible candidates from `results/*.yaml`, and the result files that could not be read. */
export async function readAdmissible(
  dir: string,
): Promise<{ codes: string[]; problems: string[]; files: number }> {
  const folder = join(dir, 'results');
  let names: string[];
  try {
    names = (await readdir(folder))
      .filter((n) => n.endsWith('.yaml') && n !== 'summary.yaml')
      .sort();
  } catch {
    return { codes: [], problems: [], files: 0 };
  }
  const codes: string[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const { size, isFile } = await stat(path).then((s) => ({ size: s.size, isFile: s.isFile() }));
      if (!isFile || size > MAX_RESULT_BYTES) {
        problems.push(
          `${path}: ${isFile ? `${size} bytes, more than a result file ever holds` : 'not a regular file'}`,
        );
        continue;
      }
      const result = Result.safeParse(parse(await readFile(path, 'utf8'), { maxAliasCount: 100 }));
      if (!result.success) {
        problems.push(
          `${path}: ${result.error.issues[0]?.path.join('.') ?? ''} ${result.error.issues[0]?.message ?? ''}`.trim(),
        );
      } else if (result.data.status === 'admissible') codes.push(result.data.candidate);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message.split('\n')[0] ?? 'unreadable'}`);
    }
  }
  return { codes: codes.sort(), problems, files: names.length };
}
