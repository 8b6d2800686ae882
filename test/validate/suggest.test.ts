import { describe, expect, it } from 'vitest';
import { suggest } from '../../pipeline/session/suggest.ts';

const keys = [
  'id',
  'title',
  'timezone',
  'url',
  'blocks',
  'keyDates',
  'rules',
  'defence',
  'publish',
];

describe('suggest', () => {
  it.each([
    ['keyDate', 'keyDates'],
    ['keydates', 'keyDates'],
    ['tilte', 'title'],
    ['timeZone', 'timezone'],
    ['defense', 'defence'],
    ['rule', 'rules'],
  ])('suggests %s → %s', (word, expected) => {
    expect(suggest(word, keys)).toBe(expected);
  });

  it('suggests nothing for a word close to no key', () => {
    expect(suggest('colour', keys)).toBeUndefined();
    expect(suggest('x', keys)).toBeUndefined();
  });

  it('never suggests the word itself', () => {
    expect(suggest('title', ['title'])).toBeUndefined();
  });
});
