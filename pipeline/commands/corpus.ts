/** `recevable corpus add|list|remove|stats <corpus-dir>`: the similarity index of past dossiers. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { openCorpus, type NewCorpusDoc } from '../similarity/corpus-index.ts';
import { fingerprint } from '../similarity/fingerprint.ts';
import { tokenize } from '../similarity/normalise.ts';
import { readSourceText } from '../similarity/text-source.ts';

const usage = `recevable corpus add <corpus-dir> <files…> [--year 2022] [--candidate C003] [--json]
recevable corpus list <corpus-dir> [--json]
recevable corpus remove <corpus-dir> <id> [--json]   (deletes the text and its postings)
recevable corpus stats <corpus-dir> [--json]`;

const bad = (reason: string) => recevableError(Errors.BadArguments, 'corpus', reason);

/** Id of a file in the corpus: its name without extension, prefixed by the year when given. */
export function corpusId(file: string, year?: number): string {
  const stem =
    basename(file, extname(file))
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document';
  return year === undefined ? stem : `${year}-${stem}`;
}

export const command: Command = {
  name: 'corpus',
  summary: 'Adds, lists, removes past dossiers of the similarity corpus; prints its size',
  usage,
  options: { year: { type: 'string' }, candidate: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ positionals, values }, io) => {
    const [action, dir, ...rest] = positionals;
    if (!action || !dir)
      throw bad('expected an action (add, list, remove, stats) and a corpus folder');
    const json = values['json'] === true;
    if (action === 'add') {
      if (rest.length === 0) throw bad('corpus add needs at least one file');
      const yearText = values['year'];
      const year = typeof yearText === 'string' ? Number(yearText) : undefined;
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999))
        throw bad(`--year expects a year such as 2022, not "${String(yearText)}"`);
      const candidate = typeof values['candidate'] === 'string' ? values['candidate'] : undefined;
      const docs: NewCorpusDoc[] = [];
      const failed: { file: string; code: string; message: string }[] = [];
      for (const file of rest) {
        try {
          const { text, layout } = await readSourceText(file);
          const tokens = tokenize(text);
          if (tokens.count === 0)
            throw recevableError(Errors.TextUnreadable, file, 'it has no words');
          docs.push({
            id: corpusId(file, year),
            name: basename(file),
            year,
            candidate,
            sha256: createHash('sha256')
              .update(await readFile(file))
              .digest('hex'),
            words: tokens.count,
            text,
            layout,
            hashes: fingerprint(tokens).hashes,
          });
        } catch (error) {
          const e = error as { code?: string; message: string };
          failed.push({ file, code: e.code ?? 'SIMILARITY_TEXT_UNREADABLE', message: e.message });
        }
      }
      const index = openCorpus(dir, { create: true });
      try {
        const { added, unchanged } = index.add(docs);
        if (json) io.json({ added, unchanged, failed });
        else {
          io.say(
            `${added.length} added, ${unchanged.length} already in the corpus, ${failed.length} failed (${index.file})`,
          );
          for (const f of failed) io.say(`  ${io.style('red', 'error')} ${f.message} [${f.code}]`);
        }
      } finally {
        index.close();
      }
      return failed.length > 0 ? Exit.invalid : Exit.ok;
    }
    const index = openCorpus(dir);
    try {
      if (action === 'list') {
        const docs = index.list();
        if (json) io.json({ documents: docs });
        else
          for (const d of docs)
            io.say(
              `${d.id.padEnd(24)} ${String(d.year ?? '').padEnd(5)} ${String(d.words).padStart(7)} words  ${d.name}`,
            );
        return Exit.ok;
      }
      if (action === 'remove') {
        const [id] = rest;
        if (!id) throw bad('corpus remove needs the id of a document (see corpus list)');
        if (!index.remove(id)) throw recevableError(Errors.CorpusUnknownId, id, dir);
        if (json) io.json({ removed: id });
        else io.say(`${id} removed: its text and postings are deleted from ${index.file}`);
        return Exit.ok;
      }
      if (action === 'stats') {
        const stats = index.stats();
        if (json) io.json(stats);
        else
          io.say(
            `${stats.documents} documents, ${stats.words} words, ${stats.postings} postings (${stats.distinctFingerprints} distinct fingerprints), ${(stats.bytes / 1048576).toFixed(1)} MB`,
          );
        return Exit.ok;
      }
      throw bad(`unknown action "${action}" (expected add, list, remove or stats)`);
    } finally {
      index.close();
    }
  },
};
