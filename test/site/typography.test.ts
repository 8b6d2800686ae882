import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../site/lib/typography.ts';

describe('frenchSpacing', () => {
  it('turns the ordinary space before : ; ! ? and inside « » into a no-break space', () => {
    expect(frenchSpacing('Dossier reçu : C001.pdf ; vraiment ? Oui !')).toBe(
      'Dossier reçu\u00a0: C001.pdf\u00a0; vraiment\u00a0? Oui\u00a0!',
    );
    expect(frenchSpacing('La partie « Introduction » manque.')).toBe(
      'La partie «\u00a0Introduction\u00a0» manque.',
    );
  });

  it('adds the missing space inside « » but none before a colon that had no space', () => {
    expect(frenchSpacing('«Sujet»')).toBe('«\u00a0Sujet\u00a0»');
    expect(frenchSpacing('à 08:30, voir https://epsi.fr/?t=1')).toBe(
      'à 08:30, voir https://epsi.fr/?t=1',
    );
  });

  it('keeps no-break spaces that are already there', () => {
    const text = 'Note\u202f; «\u00a0x\u00a0»\u00a0:';
    expect(frenchSpacing(text)).toBe(text);
  });
});
