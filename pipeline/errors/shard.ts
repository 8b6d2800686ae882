/** The error catalogue's entries for: Sharded checks and their merge (`check --shard`, `merge`). */
import { define } from './define.ts';

export const ShardErrors = {
  ShardBadSpec: define({
    code: 'USAGE_SHARD_SPEC',
    message: (text: string, reason: string) => `--shard ${text}: ${reason}.`,
    hint: () => 'Pass --shard i/n with 1 ≤ i ≤ n, e.g. --shard 2/4 for the second of four shards.',
  }),
  ShardCandidatesDiffer: define({
    code: 'SHARD_CANDIDATES_DIFFER',
    message: (shard: string, missing: string[], extra: string[]) =>
      `${shard} does not hold the candidates its number gives it` +
      (missing.length > 0 ? `: missing ${missing.join(', ')}` : '') +
      (extra.length > 0
        ? `${missing.length > 0 ? ';' : ':'} not its own ${extra.join(', ')}`
        : '') +
      '.',
    hint: () =>
      'Run that shard again from the same session files as the others (`recevable check <session> --shard i/n --out <dir>`).',
  }),
  ShardCountMismatch: define({
    code: 'SHARD_COUNT_MISMATCH',
    message: (shards: string[]) =>
      `The shards come from runs split different ways: ${shards.join(', ')}.`,
    hint: () => 'Merge the shards of one run: the same n in every --shard i/n.',
  }),
  ShardDuplicate: define({
    code: 'SHARD_DUPLICATE',
    message: (shard: string, what: string, dirs: string[]) =>
      `Shard ${shard} is given twice (${what}): ${dirs.join(', ')}.`,
    hint: () => 'Pass each shard folder once: one folder per shard, 1/n to n/n.',
  }),
  ShardFileDamaged: define({
    code: 'SHARD_FILE_DAMAGED',
    message: (file: string, reason: string) => `${file} cannot be merged: ${reason}.`,
    hint: () =>
      'Download that shard’s artefact again, or run the shard again (`recevable check <session> --shard i/n --out <dir>`).',
  }),
  ShardFormat: define({
    code: 'SHARD_FORMAT',
    message: (file: string, found: string, expected: number) =>
      `${file} is in shard format ${found}; this version of recevable reads format ${expected}.`,
    hint: () => 'Run every shard and the merge with the same version of recevable.',
  }),
  ShardInputsDiffer: define({
    code: 'SHARD_INPUTS_DIFFER',
    message: (what: string, other: string, differences: string[]) =>
      `${what} was built from other inputs than ${other}: ${differences.join('; ')}.`,
    hint: () =>
      'Run every shard and the merge on the same commit of the session files and corpus, with the same version of recevable and the same options (the jobs of one workflow run do).',
  }),
  ShardMissing: define({
    code: 'SHARD_MISSING',
    message: (missing: string[], got: string[]) =>
      `${missing.length > 1 ? 'Shards' : 'Shard'} ${missing.join(', ')} missing: got ${got.join(', ')}.`,
    hint: () =>
      'Pass every shard folder of the run; a shard that failed or was cancelled must be run again first.',
  }),
  ShardNotAShard: define({
    code: 'SHARD_NOT_A_SHARD',
    message: (dir: string) => `${dir} is not a finished shard: it has no manifest.json.`,
    hint: () =>
      'Pass the folders written by `recevable check <session> --shard i/n --out <dir>`; a shard that was stopped before the end must be run again.',
  }),
  ShardOtherSession: define({
    code: 'SHARD_OTHER_SESSION',
    message: (dir: string, found: string, expected: string) =>
      `${dir} is a shard of the session "${found}", not of "${expected}".`,
    hint: () => 'Merge the shards into the session folder they were run on.',
  }),
  ShardOutInSession: define({
    code: 'USAGE_SHARD_OUT',
    message: (dir: string) => `--out ${dir} would overwrite the session's own files.`,
    hint: () =>
      'Give each shard a folder of its own, e.g. --out shards/1 (default: <session>/.cache/shards/<i>-of-<n>/).',
  }),
} as const;
