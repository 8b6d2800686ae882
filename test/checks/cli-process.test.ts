import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { miniSession, planSections } from './mini-session.ts';

const BIN = fileURLToPath(new URL('../../pipeline/bin.js', import.meta.url));

/** Runs the real `recevable` executable; resolves with its exit code, or `timeout`. */
function recevable(args: string[], ms: number) {
  return new Promise<{ code: number | 'timeout'; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'timeout', stdout, stderr });
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

describe('the recevable executable', () => {
  it('exits once the dossiers are read and decided, printing one JSON document', async () => {
    const dir = await miniSession(
      ['C001', 'C002'],
      ['C001', 'C002'].map((candidate, i) => ({
        candidate,
        file: `submissions/${candidate}.pdf`,
        spec: { pages: 5, seed: i + 1, sections: planSections },
      })),
      { pages: { min: 3, max: 8 } },
    );
    const run = await recevable(['check', dir, '--json', '--no-libreoffice'], 60_000);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { results: { candidate: string; status: string }[] };
    expect(json.results.map((r) => [r.candidate, r.status])).toEqual([
      ['C001', 'admissible'],
      ['C002', 'admissible'],
    ]);
  }, 90_000);
});
