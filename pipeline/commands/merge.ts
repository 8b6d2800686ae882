/** `recevable merge <session-dir> <shard dirs…>`: the shards of a sharded check → results/*.yaml. */
import type { SessionCheck } from '../checks/index.ts';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { printTable, reportToCi } from '../results/report.ts';
import { mergeShards } from '../shard/merge.ts';
import { checkSimilarity } from '../similarity/check.ts';

export const command: Command = {
  name: 'merge',
  summary:
    'Join the shards of `check --shard i/n` into results/*.yaml, as one run would write them',
  usage: [
    'recevable merge <session-dir> <shard-dir>… [--json] [--strict]',
    '',
    '  --json    print { "results": [...], "summary": {...}, "stats": {...} } on stdout',
    '  --strict  exit 3 when a dossier is not admissible, needs review or is in error',
    '',
    'Refuses shards that do not cover every candidate exactly once (a shard missing or given',
    'twice), or that were built from other session files, corpus index, tool version or',
    'options than one another or than this checkout. The similarity of the session (all pairs',
    'and the corpus) is computed here from the readings the shards exported: no dossier is read.',
    '',
    'Exit codes: 0 merged, 1 invalid session data or shards refused, 2 usage, 3 --strict gate.',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
  },
  run: async (args, io) => {
    const [dir, ...shards] = args.positionals;
    if (dir === undefined || shards.length === 0)
      throw recevableError(
        Errors.BadArguments,
        'merge',
        'expected the session folder, then the shard folders',
      );
    const report = await mergeShards(dir, shards, {
      sessionChecks: (loaded): Record<string, SessionCheck> =>
        loaded.session.rules.similarity ? { similarity: checkSimilarity } : {},
    });
    const { results, summary, stats } = report;
    if (args.values['json']) io.json({ results, summary, stats });
    printTable(io, results, summary);
    io.say(
      io.style(
        'dim',
        `${stats.shards} shards merged: ${stats.taken} results as the shards decided them, ${stats.decided} decided here, ${stats.written} files written.`,
      ),
    );
    const gate = await reportToCi(results, summary, dir, io);
    return args.values['strict'] && gate ? Exit.strict : Exit.ok;
  },
};
