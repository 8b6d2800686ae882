import { describe, expect, it } from 'vitest';
import { RecevableError } from '../../pipeline/errors.ts';
import { membersOf, parseShard, shardsOf } from '../../pipeline/shard/partition.ts';
import { inputDifferences, recordedOptions } from '../../pipeline/shard/inputs.ts';
import type { ShardInputs } from '../../schemas/shard.ts';

const codes = Array.from({ length: 30 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['0/4', /i must be between 1 and 4/],
    ['5/4', /i must be between 1 and 4/],
    ['1/0', /n must be between 1 and 256/],
    ['1/257', /n must be between 1 and 256/],
    ['2of4', /expected i\/n/],
    ['-1/4', /expected i\/n/],
    ['', /expected i\/n/],
  ])('refuses %j with a usage error', (text, message) => {
    let error: unknown;
    try {
      parseShard(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecevableError);
    expect((error as RecevableError).code).toBe('USAGE_SHARD_SPEC');
    expect((error as RecevableError).message).toMatch(message);
  });
});

describe('membersOf', () => {
  it('puts every candidate in exactly one shard, the shards differing by one at most', () => {
    for (const count of [1, 2, 3, 4, 7, 30, 31]) {
      const parts = Array.from({ length: count }, (_, i) =>
        membersOf(codes, { index: i + 1, count }),
      );
      expect(parts.flat().sort()).toEqual(codes);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('deals the codes in code order, whatever the order of candidates.yaml', () => {
    const shuffled = [...codes].reverse();
    expect(membersOf(shuffled, { index: 1, count: 4 })).toEqual([
      'C029',
      'C025',
      'C021',
      'C017',
      'C013',
      'C009',
      'C005',
      'C001',
    ]);
    expect(shardsOf(shuffled, 4)).toEqual(shardsOf(codes, 4));
  });

  it('leaves a shard empty when there are more shards than candidates', () => {
    expect(membersOf(['C001', 'C002'], { index: 3, count: 3 })).toEqual([]);
  });
});

describe('inputDifferences', () => {
  const inputs: ShardInputs = {
    tool: { name: 'recevable', version: '1.0.0' },
    build: 'b1',
    session: 'a'.repeat(64),
    corpus: null,
    options: { libreoffice: true },
  };

  it('is empty for equal inputs and names each input that differs', () => {
    expect(inputDifferences(inputs, { ...inputs })).toEqual([]);
    expect(
      inputDifferences(inputs, {
        ...inputs,
        tool: { name: 'recevable', version: '1.1.0' },
        build: 'b2',
        session: 'b'.repeat(64),
        corpus: 'c'.repeat(64),
        options: { libreoffice: false },
      }),
    ).toEqual([
      'tool version (1.0.0 vs 1.1.0)',
      'session files (session.yaml, candidates.yaml, juries.yaml, submissions.yaml or templates/)',
      'corpus index (none vs cccccccccccc)',
      'options ({"libreoffice":true} vs {"libreoffice":false})',
    ]);
    expect(inputDifferences(inputs, { ...inputs, build: 'b2' })).toEqual(['tool build (b1 vs b2)']);
  });

  it('records the options that decide, not the speed, the candidates or the hooks', () => {
    expect(
      recordedOptions({
        write: false,
        concurrency: 2,
        only: ['C001'],
        onProgress: () => 0,
        libreoffice: false,
        ocr: true,
      }),
    ).toEqual({ libreoffice: false, ocr: true });
  });
});
