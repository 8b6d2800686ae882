import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/similarity/analyse.ts';
import { figures } from '../../pipeline/similarity/exclusions.ts';
import { prepare } from '../../pipeline/similarity/prepare.ts';
import { prose } from './prose.ts';

const years = Array.from({ length: 12 }, (_, i) => String(2012 + i));
/** A chart of years: the axis as the PDF reader gives it, one label per line, then as one line. */
const chart = `Figure 3 – Évolution de l'effectif\n${years.join('\n')}\n0\n50\n100\n150\n200\n${years.join(' ')}\n`;
/** A table of figures, one row per line. */
const table = [
  'Indicateur 2015 2016 2017 2018 2019 2020 2021 2022 2023',
  'Serveurs 12 14 15 19 22 26 31 35 40',
  "Chiffre d'affaires (k€) 1 200 1 350 1 510",
  'Effectif 45 52 61',
  'Clients actifs 310 342 377',
  'Tickets traités 4 210 4 980 5 730',
  'Disponibilité (%) 99,2 99,5 99,7',
].join('\n');

describe('figures are not prose', () => {
  it('sets aside lines of numbers and dates, and runs of short cells', () => {
    const text = `${prose(1, 80)}\n${chart}${prose(2, 80)}\nJava\nSpring Boot\nDocker\nKubernetes\n${prose(3, 40)}`;
    const ranges = figures(text).map((r) => text.slice(r.start, r.end));
    expect(ranges.join('\n')).toContain('2012\n2013');
    expect(ranges.join('\n')).toContain(years.join(' '));
    expect(ranges).toContain('Java\nSpring Boot\nDocker\nKubernetes');
    expect(ranges.join('\n')).not.toContain(prose(2, 80).slice(0, 40));
    expect(figures(table).length).toBe(7);
  });

  it('keeps prose that mentions a year or a figure', () => {
    const line =
      "En 2021, l'entreprise comptait 52 salariés répartis sur trois sites et réalisait un chiffre d'affaires en hausse.";
    expect(figures(line)).toEqual([]);
  });

  it('does not match a report with a chart of years against another report with a table of figures', () => {
    const a = prepare('a', `${prose(10, 600)}\n${chart}${prose(11, 600)}\n${chart}`);
    const b = prepare('b', `${prose(12, 600)}\n${table}\n${table}\n${prose(13, 600)}`);
    const result = analyse(a, [{ ref: { id: 'b', kind: 'corpus' }, doc: b }]);
    // Digits are normalised alike, so without the rule the axis would match the rows.
    const raw = (p: typeof a) => prepare(p.id, p.text, {}, { exclusions: false });
    expect(
      analyse(raw(a), [{ ref: { id: 'b', kind: 'corpus' }, doc: raw(b) }]).share,
    ).toBeGreaterThan(0);
    expect(result.share).toBe(0);
    expect(result.matches.filter((m) => !m.excluded)).toEqual([]);
    expect(result.excludedWords.figures).toBeGreaterThan(30);
  });

  it('still finds copied prose around a copied table, without counting the table', () => {
    const copied = `${prose(20, 150)}\n${table}\n${prose(21, 150)}`;
    const a = prepare('a', `${prose(22, 700)}\n${copied}\n${prose(23, 700)}`);
    const b = prepare('b', `${prose(24, 300)}\n${copied}\n${prose(25, 300)}`);
    const result = analyse(a, [{ ref: { id: 'b', kind: 'corpus' }, doc: b }]);
    expect(result.coveredWords).toBeGreaterThanOrEqual(295);
    expect(result.coveredWords).toBeLessThanOrEqual(302);
  });
});
