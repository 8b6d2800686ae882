import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';

/** An Io that keeps what the command prints. */
const capture = captureIo;

const dir = mkdtempSync(join(tmpdir(), 'recevable-inspect-'));
const pdf = join(dir, 'dossier.pdf');

beforeAll(async () => {
  const sections = [
    { title: 'Introduction' },
    { title: 'Contexte', level: 2 as const },
    { title: 'Conclusion' },
  ];
  writeFileSync(pdf, await makePdf({ pages: 7, sections }));
  writeFileSync(join(dir, 'empty.pdf'), '');
});

describe('recevable inspect', () => {
  it('prints pages, method and headings with pages, indented by level', async () => {
    const io = capture();
    expect(await main(['inspect', pdf], io)).toBe(0);
    const text = io.err.join('\n');
    expect(text).toContain('pages       7 (exact; counted in the PDF)');
    expect(text).toMatch(/^\s+3 {2}Introduction \(outline\)$/m);
    expect(text).toMatch(/^\s+4 {4}Contexte \(outline\)$/m);
    expect(text).toContain('contents    page 2');
  });

  it('prints one JSON Document without the text unless --text', async () => {
    const io = capture();
    expect(await main(['inspect', pdf, '--json'], io)).toBe(0);
    expect(io.out).toHaveLength(1);
    const doc = io.out[0] as Record<string, unknown>;
    expect(doc['pages']).toEqual({ count: 7, method: 'pdf', exact: true });
    expect(doc['text']).toBeUndefined();
    const withText = capture();
    await main(['inspect', pdf, '--json', '--text'], withText);
    expect(withText.out[0]).toHaveProperty('text');
  });

  it('prints an error object and exits 1 for an unreadable file, without a stack trace', async () => {
    const io = capture();
    expect(await main(['inspect', join(dir, 'empty.pdf'), '--json'], io)).toBe(1);
    expect(io.out[0]).toMatchObject({ error: { code: 'READ_EMPTY' } });
    const human = capture();
    expect(await main(['inspect', join(dir, 'empty.pdf')], human)).toBe(1);
    expect(human.err.join('\n')).toMatch(/error .*empty\.pdf is empty.*\[READ_EMPTY\]\n {2}fix: /);
    expect(human.err.join('\n')).not.toContain('    at ');
  });

  it('exits 2 without a file or with a bad timeout', async () => {
    expect(await main(['inspect'], capture())).toBe(2);
    expect(await main(['inspect', pdf, '--timeout', 'soon'], capture())).toBe(2);
  });
});
