import { describe, expect, it } from 'vitest';
import { plagdet, type Annotation } from '../../pipeline/similarity/plagdet.ts';
import { detectionXml, readFeatures } from '../bench/eval-pan.ts';

const at = (
  thisOffset: number,
  thisLength: number,
  sourceOffset: number,
  sourceLength: number,
  source = 's.txt',
): Annotation => ({
  suspicious: 'x.txt',
  source,
  thisOffset,
  thisLength,
  sourceOffset,
  sourceLength,
});

describe('PAN plagdet', () => {
  const truth = [at(100, 100, 500, 100)];

  it('scores an exact detection 1', () => {
    expect(plagdet(truth, [at(100, 100, 500, 100)])).toMatchObject({
      precision: 1,
      recall: 1,
      granularity: 1,
      plagdet: 1,
    });
  });

  it('counts characters on both sides for recall', () => {
    const score = plagdet(truth, [at(100, 50, 500, 50)]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.5);
    expect(score.plagdet).toBeCloseTo(2 / 3, 10);
  });

  it('charges precision for characters detected outside the case', () => {
    const score = plagdet(truth, [at(50, 200, 500, 100)]);
    expect(score.precision).toBeCloseTo(200 / 300, 10);
    expect(score.recall).toBe(1);
  });

  it('divides by log2(1 + granularity) when a case is split in two detections', () => {
    const score = plagdet(truth, [at(100, 50, 500, 50), at(150, 50, 550, 50)]);
    expect(score).toMatchObject({ precision: 1, recall: 1, granularity: 2 });
    expect(score.plagdet).toBeCloseTo(1 / Math.log2(3), 10);
  });

  it('does not credit a detection whose source range or source document differs', () => {
    expect(plagdet(truth, [at(100, 100, 900, 100)]).plagdet).toBe(0);
    expect(plagdet(truth, [at(100, 100, 500, 100, 'other.txt')]).plagdet).toBe(0);
    expect(plagdet(truth, []).plagdet).toBe(0);
  });

  it('averages recall over cases (macro), not characters', () => {
    const cases = [at(0, 1000, 0, 1000), at(5000, 10, 5000, 10)];
    expect(plagdet(cases, [at(5000, 10, 5000, 10)]).recall).toBe(0.5);
  });

  it('writes PAN detection XML that reads back', () => {
    const xml = detectionXml('suspicious-document00001.txt', [
      { ...at(1, 2, 3, 4), source: 'source-document00002.txt' },
    ]);
    expect(xml).toContain('<document reference="suspicious-document00001.txt">');
    expect(readFeatures(xml)).toEqual([
      {
        name: 'detected-plagiarism',
        this_offset: '1',
        this_length: '2',
        source_reference: 'source-document00002.txt',
        source_offset: '3',
        source_length: '4',
      },
    ]);
  });
});
