/**
 * `rules.similarity.corpus` names a folder holding a corpus index. A folder that does not exist
 * or holds no index would make the similarity rule compare with nothing while looking checked:
 * `validate` reports it at the field. Not blocking: `check` still decides every dossier,
 * compares them with each other and says in each finding that no corpus was compared.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Errors } from '../../errors.ts';
import { INDEX_FILE } from '../../similarity/corpus-index.ts';
import type { RuleContext } from './context.ts';

/** Checks the corpus folder of session.yaml, relative to the session folder `dir`. */
export function corpusRules(ctx: RuleContext, dir: string): void {
  const found = ctx.one('session');
  const rule = found?.data.rules.similarity;
  if (!found || !rule) return;
  const written = rule.corpus;
  const abs = resolve(dir, written);
  const raw = ctx.raw('session')[0]?.value as
    { rules?: { similarity?: { corpus?: unknown } } } | undefined;
  // The default applies when the key is absent: point at the rule itself.
  const path =
    raw?.rules?.similarity?.corpus === undefined
      ? ['rules', 'similarity']
      : ['rules', 'similarity', 'corpus'];
  const isFolder = existsSync(abs) && statSync(abs).isDirectory();
  if (!isFolder) {
    ctx.report(found.file, path, Errors.CorpusFolderMissing, [written, abs], {
      expected: 'an existing corpus folder',
      blocking: false,
    });
  } else if (!existsSync(join(abs, INDEX_FILE))) {
    ctx.report(found.file, path, Errors.CorpusNotIndexed, [written, abs], {
      expected: `a folder holding ${INDEX_FILE}`,
      blocking: false,
    });
  }
}
