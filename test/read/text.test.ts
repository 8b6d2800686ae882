import { describe, expect, it } from 'vitest';
import { countWords, joinLines, removeRunningMatter } from '../../pipeline/read/clean.ts';
import type { Line } from '../../pipeline/read/pdf-load.ts';
import { oleKind, sniff } from '../../pipeline/read/sniff.ts';
import { findToc, isTocEntry } from '../../pipeline/read/toc.ts';

const line = (text: string, y: number, size = 11): Line => ({ text, y, size, bold: false, x: 72 });
const page = (n: number, body: string[]): Line[] => [
  line('Mon dossier — Session 2023', 800, 8),
  ...body.map((text, i) => line(text, 700 - i * 14)),
  line(`Page ${n} sur 4`, 40, 8),
];

describe('running headers, footers and hyphenation', () => {
  it('removes a header and a numbered footer repeated on every page, keeps the body', () => {
    const body = (n: number) => [
      `Le projet avance en phase ${'ABCD'[n - 1]}.`,
      'Suite du texte.',
      `Bilan ${'ABCD'[n - 1]}.`,
    ];
    const cleaned = removeRunningMatter([1, 2, 3, 4].map((n) => page(n, body(n))));
    expect(cleaned.map((lines) => lines.map((l) => l.text))).toEqual([1, 2, 3, 4].map(body));
  });

  it('keeps a chapter title printed larger at the top of a page', () => {
    const pages = [1, 2, 3, 4].map((n) => [
      line('Introduction', 780, 20),
      ...page(n, ['a', 'b', 'c']),
    ]);
    expect(removeRunningMatter(pages)[0]?.[0]?.text).toBe('Introduction');
  });

  it('joins a word hyphenated at a line end, not a hyphen before a capital', () => {
    expect(joinLines([line('les systèmes de recom-', 700), line('mandation sont', 686)])).toBe(
      'les systèmes de recommandation sont',
    );
    expect(joinLines([line('Jean-', 700), line('Pierre', 686)])).toBe('Jean-\nPierre');
  });

  it('counts words, with apostrophes and digits', () => {
    expect(countWords("L'entreprise a 25 salariés — c'est peu.")).toBe(6);
  });
});

describe('table of contents', () => {
  it('finds a titled Sommaire and its continuation page', () => {
    const toc = findToc([
      ['Mon dossier'],
      [
        'Sommaire',
        'Introduction . . . . . 3',
        '1 Contexte 4',
        '1.1 Entreprise . . . . . 5',
        '2 Mission 8',
      ],
      ['3 Bilan 12', 'Conclusion 14', 'Annexes 15'],
      ['Introduction', 'Le texte commence ici et continue longuement sans numéro à la fin.'],
    ]);
    expect(toc).toEqual({ pages: [2, 3], title: 'Sommaire' });
  });

  it('does not take prose ending with a number for a TOC', () => {
    expect(
      findToc([
        ['Le chiffre d’affaires a progressé de 12 % en 2022, pour atteindre 3,4 M€ en 2023.'],
      ]),
    ).toBeUndefined();
    expect(isTocEntry('Analyse du besoin ........ 12')).toBe(true);
  });
});

describe('format from bytes', () => {
  it('recognises PDF, zip, OLE2 and common impostors', () => {
    expect(sniff(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ kind: 'pdf' });
    expect(
      sniff(new TextEncoder().encode('%\u00e2\n1 0 obj\n<< /Type /Catalog >>\nendobj')),
    ).toEqual({ kind: 'pdf' });
    expect(sniff(new TextEncoder().encode('oops\n'))).toEqual({
      kind: 'other',
      looksLike: 'plain text',
    });
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual({ kind: 'zip' });
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({
      kind: 'ole',
    });
    expect(sniff(new TextEncoder().encode('{\\rtf1\\ansi'))).toEqual({
      kind: 'other',
      looksLike: 'an RTF document',
    });
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toEqual({
      kind: 'other',
      looksLike: 'a PNG image',
    });
  });

  it('tells an encrypted OOXML package from a legacy .doc', () => {
    const ole = (name: string) => new Uint8Array(Buffer.from(`xxxx${name}`, 'utf16le'));
    expect(oleKind(ole('EncryptedPackage'))).toBe('encrypted-ooxml');
    expect(oleKind(ole('WordDocument'))).toBe('doc');
    expect(oleKind(ole('Workbook'))).toBe('other');
  });
});
