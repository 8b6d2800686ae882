/**
 * The `--shard i/n` side of `recevable check`: parses the shard options, runs `checkShard` and
 * reports what the shard decided and what waits for `recevable merge`. The job summary and
 * annotations of GitHub Actions are left to the merge, which sees every candidate.
 */
import type { CheckSessionOptions } from '../checks/index.ts';
import { Exit, type Args } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Io } from '../output.ts';
import { printTable } from '../results/report.ts';
import { summarise } from '../results/summary.ts';
import { parseShard, shardName } from './partition.ts';
import { checkShard } from './run.ts';

/** Runs `check <dir> --shard i/n [--out dir]`; returns the exit code. */
export async function shardCommand(
  dir: string,
  args: Args,
  options: CheckSessionOptions,
  io: Io,
): Promise<number> {
  const text = args.values['shard'];
  const out = args.values['out'];
  if (typeof text !== 'string')
    throw recevableError(Errors.BadArguments, 'check', '--out goes with --shard i/n');
  if (options.only)
    throw recevableError(
      Errors.BadArguments,
      'check',
      '--only and --shard exclude each other: a shard decides the candidates its number gives it',
    );
  if (args.values['strict'])
    throw recevableError(
      Errors.BadArguments,
      'check',
      '--strict gates the whole session: pass it to `recevable merge`, not to a shard',
    );
  const part = parseShard(text);
  const report = await checkShard(dir, part, options, typeof out === 'string' ? out : undefined);
  const { results, pending, stats, candidates } = report;
  if (args.values['json'])
    io.json({ shard: part, out: report.out, candidates, results, pending, stats });
  printTable(io, results, summarise(report.loaded.session.id, results));
  io.say(
    `Shard ${shardName(part)}: ${candidates.length} candidates, ${results.length} decided here, ` +
      `${pending.length} decided by \`recevable merge\` (their dossiers take part in similarity); written to ${report.out}.`,
  );
  io.say(
    io.style(
      'dim',
      `${stats.read} dossiers read, ${stats.cached} from the cache, ${stats.kept} results kept, ${stats.written} files written.`,
    ),
  );
  return Exit.ok;
}
