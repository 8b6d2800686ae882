import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';
import { openCorpus } from '../../pipeline/similarity/corpus-index.ts';
import { analyseSession } from '../../pipeline/similarity/session.ts';
import { prose } from './prose.ts';

const capture = captureIo;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recevable-corpus-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus command', () => {
  it('adds, lists, counts and removes documents in a real sqlite file', async () => {
    const secret = 'Phrase confidentielle unique à effacer définitivement du corpus';
    writeFileSync(join(dir, 'C003.txt'), `${prose(3, 2000)} ${secret}`);
    writeFileSync(join(dir, 'C004.txt'), prose(4, 1000));
    const corpus = join(dir, 'corpus');
    let io = capture();
    expect(
      await main(
        [
          'corpus',
          'add',
          corpus,
          join(dir, 'C003.txt'),
          join(dir, 'C004.txt'),
          '--year',
          '2022',
          '--json',
        ],
        io,
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({
      added: ['2022-C003', '2022-C004'],
      unchanged: [],
      failed: [],
    });

    io = capture();
    expect(
      await main(['corpus', 'add', corpus, join(dir, 'C003.txt'), '--year', '2022', '--json'], io),
    ).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ added: [], unchanged: ['2022-C003'] });

    io = capture();
    await main(['corpus', 'list', corpus, '--json'], io);
    const listed = (
      JSON.parse(io.stdout) as { documents: { id: string; year: number; words: number }[] }
    ).documents;
    expect(listed.map((d) => [d.id, d.year])).toEqual([
      ['2022-C003', 2022],
      ['2022-C004', 2022],
    ]);

    io = capture();
    await main(['corpus', 'stats', corpus, '--json'], io);
    const stats = JSON.parse(io.stdout) as { documents: number; postings: number };
    expect(stats.documents).toBe(2);
    expect(stats.postings).toBeGreaterThan(300);

    io = capture();
    expect(await main(['corpus', 'remove', corpus, '2022-C003', '--json'], io)).toBe(0);
    io = capture();
    await main(['corpus', 'stats', corpus, '--json'], io);
    expect(JSON.parse(io.stdout)).toMatchObject({ documents: 1 });
    expect(readFileSync(join(corpus, 'index.sqlite')).includes(Buffer.from('confidentielle'))).toBe(
      false,
    );

    io = capture();
    expect(await main(['corpus', 'remove', corpus, '2022-C003'], io)).toBe(1);
    expect(io.stderr).toContain('CORPUS_UNKNOWN_ID');
  });

  it('finds a dossier copied from the corpus and names the corpus id', async () => {
    const old = prose(30, 3000);
    writeFileSync(join(dir, 'old.txt'), old);
    expect(
      await main(
        ['corpus', 'add', join(dir, 'c'), join(dir, 'old.txt'), '--year', '2021'],
        capture(),
      ),
    ).toBe(0);
    const corpus = openCorpus(join(dir, 'c'));
    const text = `${prose(31, 1000)} ${old.slice(2000, 6000)} ${prose(32, 1000)}`;
    const { analyses } = analyseSession([{ id: 'C001', candidate: 'C001', text, layout: {} }], {
      corpus,
    });
    corpus.close();
    const a = analyses.get('C001');
    expect(a?.sources[0]).toMatchObject({ id: '2021-old', kind: 'corpus' });
    expect(a?.share).toBeGreaterThan(0.2);
  });

  it('rejects a corrupt index, a binary file and bad arguments with clear errors', async () => {
    const corpus = join(dir, 'broken');
    let io = capture();
    writeFileSync(join(dir, 'x.txt'), prose(1, 100));
    await main(['corpus', 'add', corpus, join(dir, 'x.txt')], io);
    writeFileSync(
      join(corpus, 'index.sqlite'),
      'this is not a database at all, just text '.repeat(200),
    );
    io = capture();
    expect(await main(['corpus', 'stats', corpus], io)).toBe(1);
    expect(io.stderr).toContain('CORPUS_CORRUPT');
    expect(io.stderr).not.toMatch(/at .*\.ts:\d+/);

    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
    io = capture();
    expect(await main(['corpus', 'add', join(dir, 'ok'), join(dir, 'bin.txt'), '--json'], io)).toBe(
      1,
    );
    expect(JSON.parse(io.stdout)).toMatchObject({
      added: [],
      failed: [{ code: 'SIMILARITY_TEXT_UNREADABLE' }],
    });

    io = capture();
    expect(await main(['corpus', 'stats', join(dir, 'nowhere')], io)).toBe(1);
    expect(io.stderr).toContain('CORPUS_MISSING');
    expect(await main(['corpus', 'add', corpus, 'x.txt', '--year', 'soon'], capture())).toBe(2);
    expect(await main(['corpus'], capture())).toBe(2);
  });
});
