/**
 * Measures intake: N messages with a dossier of S MB each, from an mbox and from a real
 * Dovecot, first run and re-run, with the peak resident memory of this process.
 *
 *   node test/intake/measure.ts [messages=200] [megabytes=1]
 */
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeSession } from '../../pipeline/intake/index.ts';
import { CODES, email, removeSessions, scenarioSession } from './cases.ts';
import { startDovecot } from './dovecot.ts';
import { asctime, mailDate, mbox, rawMail } from './mail.ts';

const count = Number(process.argv[2] ?? 200);
const megabytes = Number(process.argv[3] ?? 1);
const deadline = new Date('2023-08-25T10:00:00Z');
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

/** The i-th message, built when needed (holding them all would dwarf what intake uses). */
const message = (i: number) => {
  const code = CODES[i % CODES.length]!;
  const at = new Date(Date.parse('2023-08-20T08:00:00Z') + i * 60_000);
  const bytes = Buffer.alloc(megabytes * 1024 * 1024, i % 251);
  bytes.write('%PDF-1.4\n');
  return {
    at,
    raw: rawMail({
      from: email(code),
      subject: `Dossier ${code}`,
      date: mailDate(at),
      messageId: `<m${i}@client.example>`,
      attachments: [{ name: `dossier-${i}.pdf`, type: 'application/pdf', bytes }],
    }),
  };
};
const indexes = Array.from({ length: count }, (_, i) => i);

async function time(label: string, run: () => Promise<{ added: unknown[] }>): Promise<void> {
  peak = 0;
  const start = performance.now();
  const report = await run();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(22)} ${report.added.length} added  ${(ms / 1000).toFixed(2)} s  ${((count * 1000) / ms).toFixed(0)} msg/s  peak RSS ${Math.round(peak / 1024 / 1024)} MB`,
  );
}

const work = await mkdtemp(join(tmpdir(), 'recevable-intake-measure-'));
const path = join(work, 'all.mbox');
for (const i of indexes) {
  const m = message(i);
  await appendFile(path, mbox([{ fromLine: `From x ${asctime(m.at, '+0000')}`, raw: m.raw }]));
}
console.log(`${count} messages of ${megabytes} MB`);
const fromMbox = await scenarioSession(deadline);
await time('mbox, first run', () => intakeSession(fromMbox, { from: path }));
await time('mbox, re-run', () => intakeSession(fromMbox, { from: path }));
const server = await startDovecot();
try {
  for (const i of indexes) await server.deliver(message(i).raw);
  const fromImap = await scenarioSession(deadline);
  const options = { from: server.url(), password: server.password };
  await time('IMAP, first run', () => intakeSession(fromImap, options));
  await time('IMAP, re-run', () => intakeSession(fromImap, options));
} finally {
  await server.stop();
  clearInterval(sampler);
  await rm(work, { recursive: true, force: true });
  await removeSessions();
}
