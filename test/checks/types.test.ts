import { describe, expect, it } from 'vitest';
import { finding, guard } from '../../pipeline/checks/types.ts';

describe('guard', () => {
  it('returns the finding of a check that works', () => {
    const ok = finding('pages', 'pass', 'ok', 'ok');
    expect(guard('pages', 'a.pdf', () => ok)).toBe(ok);
  });

  it('turns an exception inside a check into an error finding naming the rule and the file', () => {
    const found = guard('plan', 'submissions/C001.pdf', () => {
      throw new TypeError('headings is undefined');
    });
    expect(found).toMatchObject({
      rule: 'plan',
      status: 'error',
      place: { file: 'submissions/C001.pdf' },
    });
    expect(found.detail).toBe(
      'The plan check failed unexpectedly on submissions/C001.pdf: headings is undefined. This is a bug in recevable.',
    );
  });
});
