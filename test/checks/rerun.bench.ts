/**
 * Measures a first `checkSession` run against a second one on unchanged inputs (the Document
 * cache and unchanged result files): the second must be at least 5× faster and write nothing.
 *
 *   npx node test/checks/rerun.bench.ts [dossiers=12]
 */
import { checkSession } from '../../pipeline/checks/index.ts';
import { miniSession, planSections } from './mini-session.ts';

const count = Number(process.argv[2] ?? 12);
const codes = Array.from({ length: count }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
const dir = await miniSession(
  codes,
  codes.map((candidate, i) => ({
    candidate,
    file: `submissions/${candidate}.pdf`,
    spec: { pages: 50 + (i % 11), seed: i + 1, sections: planSections },
  })),
);

const timed = async () => {
  const start = performance.now();
  const report = await checkSession(dir, { libreoffice: false });
  return { ms: performance.now() - start, stats: report.stats };
};
const first = await timed();
const second = await timed();
const ratio = first.ms / second.ms;
process.stderr.write(
  `${count} dossiers of 50–60 pages in ${dir}\n` +
    `first run  ${first.ms.toFixed(0)} ms  ${JSON.stringify(first.stats)}\n` +
    `second run ${second.ms.toFixed(0)} ms  ${JSON.stringify(second.stats)}\n` +
    `ratio ${ratio.toFixed(1)}× (required ≥ 5×)\n`,
);
process.exitCode = ratio >= 5 && second.stats.read === 0 && second.stats.written === 0 ? 0 : 1;
