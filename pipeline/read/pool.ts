/**
 * Warm reader processes. Starting Node and loading pdf.js costs more than reading a short
 * PDF, so a reader process serves several files in turn; it is killed on a timeout or a
 * crash and replaced after a number of files, so one file never harms the next for long.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'node:net';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/**
 * Files a process reads before it is retired (bounds leaks from pathological files). A new
 * process costs about half a second of start-up and warm-up; a crash in a process that had
 * already served files is retried in a fresh one (`fresh`), so a leak cannot fail a good file.
 */
const FILES_PER_PROCESS = 100;
/**
 * Dossiers read at once by default, and idle processes kept warm: one per core, at most 4
 * (each may hold up to its heap cap, 512 MB by default, plus a LibreOffice for a DOCX).
 */
export const READERS = Math.max(1, Math.min(4, availableParallelism()));
const IDLE = READERS;

/** How a job ended: the child's answer, or why there is none. */
export type Outcome =
  | { kind: 'answer'; value: unknown }
  | { kind: 'timeout' }
  | { kind: 'crash'; reason: string; memory: boolean; reused: boolean };

interface Reader {
  child: ChildProcess;
  memoryMb: number;
  served: number;
  stderr: string;
}

const idle: Reader[] = [];
let nextId = 1;

/**
 * Node's flags for a reader process. V8 otherwise lets the young generation grow to 128 MB,
 * which a reading that allocates a lot (a font per page) keeps resident: a 58-page OCR'd scan
 * peaked at 410 MB, 260–370 with 16 (depending on how busy the machine was), 275–295 with the
 * collection after fonts are dropped.
 */
export const readerFlags = (memoryMb: number): string[] => [
  `--max-old-space-size=${memoryMb}`,
  '--max-semi-space-size=16',
  // pdf-load.ts collects after dropping fonts: their buffers are outside the heap's accounting.
  '--expose-gc',
  '--no-warnings',
];

function spawnReader(memoryMb: number): Reader {
  const child = fork(CHILD, [], {
    execArgv: readerFlags(memoryMb),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const reader: Reader = { child, memoryMb, served: 0, stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => {
    reader.stderr = (reader.stderr + chunk.toString()).slice(-4000);
  });
  child.on('exit', () => {
    const at = idle.indexOf(reader);
    if (at >= 0) idle.splice(at, 1);
  });
  return reader;
}

/** The stderr pipe, a socket that also keeps the caller alive unless unreferenced. */
function pipeOf(reader: Reader): Socket | null {
  return reader.child.stderr as Socket | null;
}

function release(reader: Reader): void {
  reader.child.removeAllListeners('message');
  const reusable =
    reader.served < FILES_PER_PROCESS && reader.child.exitCode === null && reader.child.connected;
  if (reusable && idle.length < IDLE) {
    // An idle reader must not keep the caller alive; it exits when the caller does.
    reader.child.unref();
    reader.child.channel?.unref();
    pipeOf(reader)?.unref();
    idle.push(reader);
  } else if (reader.child.connected) reader.child.disconnect();
}

/** Progress a reading reports: a page of its OCR recognised, `done` of `total`. */
export interface Progress {
  done: number;
  total: number;
}

/**
 * Runs one reading in a reader process (a new one when `fresh`), with a wall-clock limit that
 * starts again at each progress the reading reports (OCR takes seconds a page, each page with a
 * limit of its own in the reader).
 */
export function runInReader(
  path: string,
  options: object,
  memoryMb: number,
  timeoutMs: number,
  fresh = false,
  onProgress?: (progress: Progress) => void,
): Promise<Outcome> {
  const at = fresh ? -1 : idle.findIndex((r) => r.memoryMb === memoryMb);
  const reader = at >= 0 ? (idle.splice(at, 1)[0] as Reader) : spawnReader(memoryMb);
  const reused = reader.served > 0;
  reader.child.ref();
  reader.child.channel?.ref();
  pipeOf(reader)?.ref();
  reader.served += 1;
  const id = nextId++;
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: Outcome, reuse: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reader.child.off('exit', onExit);
      if (reuse) release(reader);
      else reader.child.kill('SIGKILL');
      resolve(outcome);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      const memory = /heap out of memory|Allocation failed|Reached heap limit/i.test(reader.stderr);
      finish(
        {
          kind: 'crash',
          reason: signal ? `signal ${signal}` : `exit code ${code}`,
          memory,
          reused,
        },
        false,
      );
    };
    const expire = () => setTimeout(() => finish({ kind: 'timeout' }, false), timeoutMs);
    let timer = expire();
    reader.child.on('exit', onExit);
    reader.child.on('message', (message: { id: number; result?: unknown; progress?: Progress }) => {
      if (message.id !== id) return;
      if (message.progress) {
        clearTimeout(timer);
        timer = expire();
        onProgress?.(message.progress);
      } else finish({ kind: 'answer', value: message.result }, true);
    });
    reader.child.send({ id, path, options }, (error) => {
      if (error) finish({ kind: 'crash', reason: error.message, memory: false, reused }, false);
    });
  });
}
