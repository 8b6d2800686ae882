/**
 * The error catalogue is one object spread from its sections: a key defined twice would
 * silently replace the other, and a code given twice would make staff scripts match the
 * wrong error.
 */
import { describe, expect, it } from 'vitest';
import { Errors } from '../../pipeline/errors.ts';
import { ImportErrors } from '../../pipeline/errors/import.ts';
import { IntakeErrors } from '../../pipeline/errors/intake.ts';
import { PaperworkErrors } from '../../pipeline/errors/paperwork.ts';
import { SendErrors } from '../../pipeline/errors/send.ts';
import { SessionErrors } from '../../pipeline/errors/session.ts';
import { ShardErrors } from '../../pipeline/errors/shard.ts';

const sections = {
  ImportErrors,
  IntakeErrors,
  PaperworkErrors,
  SendErrors,
  SessionErrors,
  ShardErrors,
};

describe('the error catalogue', () => {
  it('gives every entry its own code', () => {
    const codes = Object.values(Errors).map((def) => def.code);
    const twice = codes.filter((code, i) => codes.indexOf(code) !== i);
    expect(twice).toEqual([]);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('keeps each section entry as its section defines it (no key defined twice)', () => {
    const catalogue: Record<string, unknown> = Errors;
    const replaced = Object.entries(sections).flatMap(([name, section]) =>
      Object.entries(section)
        .filter(([key, def]) => catalogue[key] !== def)
        .map(([key]) => `${name}.${key}`),
    );
    expect(replaced).toEqual([]);
    const keys = Object.values(sections).flatMap((section) => Object.keys(section));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});
