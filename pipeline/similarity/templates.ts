/**
 * The school's template files (`content/<session>/templates/`): their k-grams are subtracted
 * from every dossier, so text every candidate was given never counts as copied.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RecevableError } from '../errors.ts';
import { templateGrams } from './prepare.ts';
import { readSourceText } from './text-source.ts';

/** The template k-grams of a session, and what could not be read. */
export interface Templates {
  readonly grams: Set<number>;
  /** Files used, relative to the session folder. */
  readonly files: string[];
  /** Files that could not be read, with the reason. */
  readonly problems: { file: string; reason: string }[];
}

/** Reads every template file of a session folder (none when the folder is absent). */
export async function loadTemplates(sessionDir: string, k?: number): Promise<Templates> {
  const dir = join(sessionDir, 'templates');
  const names = await readdir(dir).catch(() => [] as string[]);
  const texts: string[] = [];
  const files: string[] = [];
  const problems: Templates['problems'] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    try {
      texts.push((await readSourceText(join(dir, name))).text);
      files.push(`templates/${name}`);
    } catch (error) {
      problems.push({
        file: `templates/${name}`,
        reason: error instanceof RecevableError ? error.message : String(error),
      });
    }
  }
  return { grams: templateGrams(texts, k), files, problems };
}
