/**
 * `npm run bench:smoke`: every `test/bench/*.bench.ts` with `--smoke` (small sizes, no
 * targets), one after the other, so that none rots unseen. Fails when a benchmark exits with
 * an error or prints no ratio.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benches = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
const failures: string[] = [];
for (const name of benches) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(import.meta.dirname, name), '--smoke'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`── ${name} --smoke (${seconds} s) ──\n${run.stdout}\n`);
  if (run.status !== 0) failures.push(`${name} exited with ${run.status ?? run.signal}`);
  else if (!/\bratio\b/.test(run.stdout)) failures.push(`${name} printed no ratio`);
}
if (failures.length > 0) {
  process.stderr.write(`bench:smoke failed:\n  ${failures.join('\n  ')}\n`);
  process.exitCode = 1;
} else
  process.stdout.write(`bench:smoke: ${benches.length} benchmarks ran and printed their ratios.\n`);
