import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';
import { manipulatedDocx } from '../manipulation/files.ts';
import { prose } from './prose.ts';

const quiet = captureIo;

let dir: string;
const copied = prose(4242, 260);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recevable-report-'));
  for (const f of ['session.yaml', 'candidates.yaml', 'juries.yaml'])
    cpSync(join('content/demo-2023', f), join(dir, f));
  mkdirSync(join(dir, 'submissions'));
  const bodies: Record<string, string[]> = {
    C001: [prose(1, 250), copied, prose(2, 250)],
    C002: [prose(3, 200), copied, prose(4, 300)],
    C003: [prose(5, 250), `Un autre dossier l'écrit ainsi : « ${copied} »`, prose(6, 250)],
  };
  const lines = ['submissions:'];
  for (const [code, paragraphs] of Object.entries(bodies)) {
    const pdf = await makePdf({
      pages: 4,
      sections: [{ title: 'Introduction', paragraphs }],
      seed: Number(code.slice(1)),
      toc: false,
    });
    writeFileSync(join(dir, 'submissions', `${code}.pdf`), pdf);
    lines.push(
      `  - { candidate: ${code}, file: submissions/${code}.pdf, receivedAt: "2023-08-24T18:03:00+02:00" }`,
    );
  }
  // C004 dilutes its text with white text, in Word.
  const docx = manipulatedDocx([
    { kind: 'text', text: prose(7, 300) },
    { kind: 'white', text: prose(8, 200) },
  ]);
  writeFileSync(join(dir, 'submissions', 'C004.docx'), docx);
  lines.push(
    '  - { candidate: C004, file: submissions/C004.docx, receivedAt: "2023-08-24T18:03:00+02:00" }',
  );
  writeFileSync(join(dir, 'submissions.yaml'), `${lines.join('\n')}\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('staff similarity report', () => {
  it('writes one page per candidate and an index, copied passages highlighted side by side', async () => {
    const io = quiet();
    expect(await main(['report', dir, '--json'], io)).toBe(0);
    const summary = JSON.parse(io.stdout) as { pages: string[] };
    expect(summary.pages).toEqual([
      'C001.html',
      'C002.html',
      'C003.html',
      'C004.html',
      'index.html',
    ]);
    const c001 = readFileSync(join(dir, 'reports', 'C001.html'), 'utf8');
    expect(c001).toContain('<strong>C002</strong> (session): 1 passage(s) counted');
    expect(c001).toMatch(/<mark id="C002-a1"><a href="#C002-b1">/);
    expect(c001).toMatch(/<mark id="C002-b1"><a href="#C002-a1">/);
    const c003 = readFileSync(join(dir, 'reports', 'C003.html'), 'utf8');
    expect(c003).toContain('class="aside" title="set aside: quotation"');
    expect(c003).toContain('0.0% (pass)');
    expect(c003).not.toContain('Text manipulation');
    const c004 = readFileSync(join(dir, 'reports', 'C004.html'), 'utf8');
    expect(c004).toContain('<h2>Text manipulation</h2>');
    expect(c004).toMatch(/<td>white-text<\/td><td>200 words<\/td>/);
    const index = readFileSync(join(dir, 'reports', 'index.html'), 'utf8');
    expect(index).toMatch(/C001.html">C001<\/a><\/td><td class="review">review/);
  }, 60_000);

  it('writes the same bytes on a second run', async () => {
    await main(['report', dir], quiet());
    const first = readFileSync(join(dir, 'reports', 'C002.html'));
    await main(['report', dir], quiet());
    expect(readFileSync(join(dir, 'reports', 'C002.html')).equals(first)).toBe(true);
  }, 60_000);

  it('compares two text files with passages and shares', async () => {
    writeFileSync(join(dir, 'a.txt'), `${prose(1, 300)} ${copied}`);
    writeFileSync(join(dir, 'b.txt'), `${copied} ${prose(2, 900)}`);
    const io = quiet();
    expect(await main(['compare', join(dir, 'a.txt'), join(dir, 'b.txt'), '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout) as {
      a: { share: number };
      b: { share: number };
      passages: { words: number }[];
    };
    expect(result.a.share).toBeGreaterThan(0.4);
    expect(result.b.share).toBeLessThan(0.3);
    expect(result.passages).toHaveLength(1);
    const bad = quiet();
    expect(await main(['compare', join(dir, 'a.txt')], bad)).toBe(2);
    expect(await main(['compare', join(dir, 'a.txt'), join(dir, 'missing.txt')], bad)).toBe(1);
    expect(bad.stderr).toContain('SIMILARITY_TEXT_UNREADABLE');
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(33 * 1048576, 'a '));
    const huge = quiet();
    expect(await main(['compare', join(dir, 'a.txt'), join(dir, 'huge.txt')], huge)).toBe(1);
    expect(huge.stderr).toContain('larger than 32 MB');
    writeFileSync(
      join(dir, 'latin1.txt'),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => 0xe0 + (i % 16))),
    );
    const latin = quiet();
    expect(await main(['compare', join(dir, 'a.txt'), join(dir, 'latin1.txt')], latin)).toBe(1);
    expect(latin.stderr).toContain('not UTF-8');
  });
});
