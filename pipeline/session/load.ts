/**
 * Loads a session folder: session.yaml, candidates.yaml, juries.yaml, submissions.yaml, each
 * validated by its schema. Commands that need valid data call `loadSession`; `validate`
 * reports every problem with its position instead.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { CandidatesFile } from '../../schemas/candidates.ts';
import { JuriesFile } from '../../schemas/juries.ts';
import { Session } from '../../schemas/session.ts';
import { SubmissionsFile } from '../../schemas/submissions.ts';
import { RecevableError } from '../errors.ts';

/** A session whose files are all valid. */
export interface LoadedSession {
  /** Absolute path of the session folder. */
  readonly dir: string;
  readonly session: Session;
  readonly candidates: CandidatesFile;
  readonly juries: JuriesFile;
  readonly submissions: SubmissionsFile;
}

/** The content files of a session and their schemas. */
export const sessionFiles = {
  session: { file: 'session.yaml', schema: Session },
  candidates: { file: 'candidates.yaml', schema: CandidatesFile },
  juries: { file: 'juries.yaml', schema: JuriesFile },
  submissions: { file: 'submissions.yaml', schema: SubmissionsFile },
} as const;

async function readYaml<S extends z.ZodType>(dir: string, file: string, schema: S): Promise<z.infer<S>> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new RecevableError(
      'SESSION_FILE_MISSING',
      `${path} cannot be read.`,
      `Create ${file} in the session folder (see README, "Content files").`,
    );
  }
  const result = schema.safeParse(parse(text, { maxAliasCount: 100 }));
  if (!result.success) {
    throw new RecevableError(
      'SESSION_INVALID',
      `${path} is not valid: ${result.error.issues[0]?.message ?? 'unknown problem'}.`,
      `Run \`recevable validate ${dir}\` to see every problem with its line and column.`,
    );
  }
  return result.data;
}

/** Loads and validates every file of the session folder; throws a RecevableError on bad data. */
export async function loadSession(dir: string): Promise<LoadedSession> {
  const abs = resolve(dir);
  const [session, candidates, juries, submissions] = await Promise.all([
    readYaml(abs, sessionFiles.session.file, sessionFiles.session.schema),
    readYaml(abs, sessionFiles.candidates.file, sessionFiles.candidates.schema),
    readYaml(abs, sessionFiles.juries.file, sessionFiles.juries.schema),
    readYaml(abs, sessionFiles.submissions.file, sessionFiles.submissions.schema),
  ]);
  return { dir: abs, session, candidates, juries, submissions };
}
