/** Reading back a result file written by `check`; a missing, damaged or invalid file is none. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { Result } from '../../schemas/result.ts';
import { resultFile } from './write.ts';

/** The text of `results/<candidate>.yaml` and the result it holds, when it is a valid one. */
export async function readResult(
  resultsDir: string,
  candidate: string,
): Promise<{ text: string; result: Result } | undefined> {
  const text = await readFile(resultFile(resultsDir, candidate), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = Result.safeParse(parse(text));
    return parsed.success && parsed.data.candidate === candidate
      ? { text, result: parsed.data }
      : undefined;
  } catch {
    return undefined;
  }
}
