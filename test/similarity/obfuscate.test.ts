import { describe, expect, it } from 'vitest';
import { obfuscate } from '../bench/obfuscate.ts';
import { prose } from './prose.ts';

describe('obfuscated variant of planted passages', () => {
  const vocabulary = ['alpha', 'beta', 'gamma', 'delta'];

  it('edits 5 to 15 % of the words of each passage and recomputes where each passage is', () => {
    const first = prose(1, 300);
    const second = prose(2, 500);
    const text = `${prose(3, 100)} ${first} ${prose(4, 80)}\n${second} ${prose(5, 50)}`;
    const spans = [
      { offset: text.indexOf(second), length: second.length },
      { offset: text.indexOf(first), length: first.length },
    ];
    const stats = { words: 0, replaced: 0, dropped: 0, inserted: 0, swapped: 0 };
    const out = obfuscate(text, spans, { seed: 7, vocabulary }, stats);
    const edits = stats.replaced + stats.dropped + stats.inserted + stats.swapped;
    expect(stats.words).toBe(800);
    expect(edits / stats.words).toBeGreaterThan(0.04);
    expect(edits / stats.words).toBeLessThan(0.16);
    const [s0, s1] = out.spans;
    // Same first and last words, same text around the passages.
    const secondOut = out.text.slice(s0!.offset, s0!.offset + s0!.length);
    const firstOut = out.text.slice(s1!.offset, s1!.offset + s1!.length);
    expect(firstOut.split(' ')[0]).toBe(first.split(' ')[0]);
    expect(firstOut.split(/\s/).at(-1)).toBe(first.split(/\s/).at(-1));
    expect(secondOut.split(/\s/).at(-1)).toBe(second.split(/\s/).at(-1));
    expect(out.text.slice(0, s1!.offset)).toBe(text.slice(0, spans[1]!.offset));
    expect(out.text.endsWith(prose(5, 50))).toBe(true);
    expect(firstOut).not.toBe(first);
  });

  it('is the same for the same seed', () => {
    const text = prose(9, 400);
    const spans = [{ offset: 0, length: text.length }];
    expect(obfuscate(text, spans, { seed: 3, vocabulary })).toEqual(
      obfuscate(text, spans, { seed: 3, vocabulary }),
    );
    expect(obfuscate(text, spans, { seed: 4, vocabulary }).text).not.toBe(
      obfuscate(text, spans, { seed: 3, vocabulary }).text,
    );
  });
});
