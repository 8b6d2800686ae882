import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../pipeline/import/diff.ts';
import { editList } from '../../pipeline/import/yaml-edit.ts';

const entry = { code: 'C009', name: 'Yanis Simulet', email: 'y@example.org', specialisation: 'B5' };

describe('editList', () => {
  it('rewrites only the entry that changes, in its style, and quotes what flow style needs', () => {
    const src =
      '# head\ncandidates:\n  - { code: C001, name: A } # one\n  - { code: C002, name: B }\n';
    const out = editList(
      src,
      'candidates',
      new Map([[1, { code: 'C002', name: 'B', company: 'Acme, SAS' }]]),
      [],
    );
    expect(out).toBe(
      '# head\ncandidates:\n  - { code: C001, name: A } # one\n  - { code: C002, name: B, company: "Acme, SAS" }\n',
    );
  });

  it('keeps the comments of a block entry it updates', () => {
    const src =
      'candidates:\n  - code: C001 # public code\n    # the name as enrolled\n    name: A\n';
    const out = editList(src, 'candidates', new Map([[0, { code: 'C001', name: 'B' }]]), []);
    expect(out).toBe(
      'candidates:\n  - code: C001 # public code\n    # the name as enrolled\n    name: B\n',
    );
  });

  it('turns an empty list into a block list, and creates a missing one', () => {
    expect(
      editList('candidates: []\ntutors: []\n', 'tutors', new Map(), [{ id: 'T01', name: 'Z' }]),
    ).toBe('candidates: []\ntutors:\n  - { id: T01, name: Z }\n');
    const created = editList('candidates: []', 'tutors', new Map(), [{ id: 'T01', name: 'Z' }]);
    expect(parse(created)).toEqual({ candidates: [], tutors: [{ id: 'T01', name: 'Z' }] });
  });

  it('keeps the CRLF line ends of a file saved on Windows', () => {
    const src = 'candidates:\r\n  - code: C001\r\n    name: A\r\n';
    const out = editList(src, 'candidates', new Map(), [entry]);
    expect(out.replaceAll('\r\n', '')).not.toContain('\n');
    expect(parse(out)).toEqual({ candidates: [{ code: 'C001', name: 'A' }, entry] });
  });
});

describe('unifiedDiff', () => {
  it('shows removed lines before added ones, with two lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g'].join('\n');
    expect(unifiedDiff(before, after, 'x.yaml')).toBe(
      '--- x.yaml\n+++ x.yaml (imported)\n@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n',
    );
    expect(unifiedDiff(before, before, 'x.yaml')).toBe('');
  });
});
