/**
 * `node test/bench/read-repairs.ts [files…]`: what the PDF reader's text repairs change in real
 * files (default: the PDFs of ../shared/corpus/reports): ligature code points folded, marks read
 * as ligatures, vanished ligatures put back, letter-spaced lines joined.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repairLigatures } from '../../pipeline/read/ligatures.ts';
import { openPdf, readPage, type Line } from '../../pipeline/read/pdf-load.ts';
import { joinLetterSpaced } from '../../pipeline/read/spacing.ts';

const corpus = '../shared/corpus/reports';
const files = process.argv.slice(2);
if (files.length === 0)
  files.push(
    ...readdirSync(corpus)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => join(corpus, f)),
  );

for (const path of files) {
  const doc = await openPdf(new Uint8Array(readFileSync(path)));
  const pages: Line[][] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await readPage(doc, n, true)).lines);
  await doc.loadingTask.destroy();
  const spaced: string[] = [];
  for (const line of pages.flat()) {
    const joined = joinLetterSpaced(line.text);
    if (joined !== line.text) spaced.push(`${line.text} → ${joined}`);
    line.text = joined;
  }
  const { repairs } = repairLigatures(pages);
  const marks = repairs.marks.map((m) => `${m.mark}=${m.ligature} (${m.words} words)`);
  console.log(
    `${basename(path)}: ${repairs.folded} ligature code points folded; marks ${marks.join(', ') || 'none'}; ` +
      `${repairs.words.length} vanished ligatures repaired; ${spaced.length} letter-spaced lines joined`,
  );
  for (const w of repairs.words) console.log(`  p. ${w.page}: ${w.from} → ${w.to}`);
  for (const s of spaced) console.log(`  ${s}`);
}
