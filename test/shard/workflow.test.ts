/**
 * `.github/workflows/admissibility-matrix.yml`: valid for GitHub (the workflow JSON Schema of
 * SchemaStore, vendored in `github-workflow.schema.json`: tests download nothing), a matrix of
 * shard jobs each uploading its folder and a merge job, and its own command lines run here as
 * GitHub would run them — one process per matrix job, artefacts laid out as download-artifact
 * lays them — merge into the results of one unsharded run.
 *
 * The schema is SchemaStore's `github-workflow.json` (Apache-2.0) as embedded in the npm
 * package `@action-validator/core` 0.6.0 (`action_validator_bg.wasm`), extracted unchanged.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frozenTool, generatedSession, resultsOf } from './session.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOW = join(ROOT, '.github/workflows/admissibility-matrix.yml');
const run = promisify(execFile);

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly strategy?: { matrix: { shard: number[] }; 'fail-fast'?: boolean };
  readonly steps: Step[];
}
interface Workflow {
  readonly env: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const workflowText = await readFile(WORKFLOW, 'utf8');
const workflow = parse(workflowText) as Workflow;
const schema = JSON.parse(
  await readFile(new URL('github-workflow.schema.json', import.meta.url), 'utf8'),
) as object;
// SchemaStore's schemas use keywords of their own (markdownDescription…): not strict.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const job = (name: string): Job => {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`no job ${name} in ${WORKFLOW}`);
  return found;
};
const step = (j: Job, test: (s: Step) => boolean): Step => {
  const found = j.steps.find(test);
  if (!found) throw new Error('no such step');
  return found;
};

describe('the sharded admissibility workflow', () => {
  it("is valid for GitHub's workflow schema", () => {
    expect(validate(workflow), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('would be refused by the schema with a job that says nowhere to run, or a misspelt key', () => {
    const noRunner = structuredClone(workflow) as unknown as {
      jobs: Record<string, Record<string, unknown>>;
    };
    delete noRunner.jobs['merge']!['runs-on'];
    expect(validate(noRunner)).toBe(false);
    const misspelt = parse(
      workflowText.replace('    needs: shard\n', '    need: shard\n'),
    ) as object;
    expect(validate(misspelt)).toBe(false);
  });

  it('runs one shard per matrix job, each uploading its folder, and merges them all', () => {
    const shard = job('shard');
    const shards = shard.strategy!.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(shard.strategy!['fail-fast']).toBe(false);
    const decide = step(shard, (s) => s.run?.includes('--shard') ?? false);
    expect(decide.run).toContain('--shard "${{ matrix.shard }}/${{ strategy.job-total }}"');
    const upload = step(shard, (s) => s.uses?.startsWith('actions/upload-artifact') ?? false);
    expect(upload.with).toMatchObject({
      name: 'shard-${{ matrix.shard }}',
      'if-no-files-found': 'error',
    });

    const merge = job('merge');
    expect(merge.needs).toBe('shard');
    expect(merge.if).toBe('${{ !cancelled() }}');
    const download = step(merge, (s) => s.uses?.startsWith('actions/download-artifact') ?? false);
    expect(download.with).toMatchObject({ pattern: 'shard-*', path: 'shards/' });
    expect(step(merge, (s) => s.id === 'merge').run).toContain(
      'recevable merge "content/$SESSION" shards/shard-* --strict',
    );
    expect(job('publish').needs).toBe('merge');
  });
});

describe('the workflow’s commands, run here as the matrix would run them', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'recevable-matrix-'));
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('merge into the results of one run', async () => {
    // A content repository: content/<SESSION>, and `npx recevable` standing for the tool.
    const session = workflow.env['SESSION']!;
    const generated = await generatedSession(12);
    await cp(generated, join(repo, 'content', session), { recursive: true });
    await cp(generated, join(repo, 'unsharded'), { recursive: true });
    await rm(generated, { recursive: true, force: true });
    const tool = await frozenTool(join(repo, 'tool'));
    const bin = join(repo, 'bin');
    await mkdir(bin);
    await writeFile(
      join(bin, 'npx'),
      `#!/bin/sh\n[ "$1" = recevable ] && shift\nexec "${process.execPath}" "${tool}" "$@"\n`,
      { mode: 0o755 },
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      SESSION: session,
    };
    delete env['GITHUB_ACTIONS'];
    const bash = (script: string) => run('bash', ['-e', '-c', script], { cwd: repo, env });

    const shards = job('shard').strategy!.matrix.shard;
    const decide = step(job('shard'), (s) => s.run?.includes('--shard') ?? false).run!;
    await Promise.all(
      shards.map((i) =>
        bash(
          decide
            .replaceAll('${{ matrix.shard }}', String(i))
            .replaceAll('${{ strategy.job-total }}', String(shards.length)),
        ),
      ),
    );
    // download-artifact with a pattern puts each artefact in a folder named after it.
    for (const i of shards)
      await cp(join(repo, 'shards', String(i)), join(repo, 'shards', `shard-${i}`), {
        recursive: true,
      });
    const merge = step(job('merge'), (s) => s.id === 'merge').run!;
    const output = join(repo, 'github-output');
    await bash(merge.replaceAll('$GITHUB_OUTPUT', output)).catch(() => undefined);
    // --strict: 3, as some generated dossiers are not admissible; the results are complete.
    expect(await readFile(output, 'utf8')).toBe('code=3\n');

    // The unsharded run, with the Documents the shards read (same reader, same options).
    await cp(
      join(repo, 'content', session, '.cache', 'documents'),
      join(repo, 'unsharded', '.cache', 'documents'),
      {
        recursive: true,
      },
    );
    const unsharded = await run(process.execPath, [tool, 'check', join(repo, 'unsharded')], {
      env,
    });
    expect(unsharded.stderr).toMatch(/12 candidates: /);
    expect(await resultsOf(join(repo, 'content', session))).toEqual(
      await resultsOf(join(repo, 'unsharded')),
    );
  }, 300_000);
});
