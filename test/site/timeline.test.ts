import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteData } from '../../site/data/read.ts';
import {
  frenchDateTime,
  frenchDay,
  frenchSpan,
  frenchTime,
} from '../../pipeline/calendar/french.ts';
import { timeline } from '../../site/lib/timeline.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('French dates', () => {
  it('writes a day with its weekday, and « 1er » for the first of the month', () => {
    expect(frenchDay('2023-08-25')).toBe('vendredi 25 août 2023');
    expect(frenchDay('2023-09-01')).toBe('vendredi 1er septembre 2023');
  });

  it('writes a time of the session timezone as « 12 h 00 », across both DST changes', () => {
    expect(plain(frenchTime(new Date('2023-08-25T10:00:00Z'), 'Europe/Paris'))).toBe('12 h 00');
    expect(plain(frenchTime(new Date('2023-03-26T08:00:00Z'), 'Europe/Paris'))).toBe('10 h 00');
    expect(plain(frenchTime(new Date('2023-10-29T09:00:00Z'), 'Europe/Paris'))).toBe('10 h 00');
    expect(plain(frenchDateTime(new Date('2023-08-25T10:00:00Z'), 'Europe/Paris'))).toBe(
      'vendredi 25 août 2023 à 12 h 00',
    );
  });

  it('keeps hours and minutes together with no-break spaces', () => {
    expect(frenchTime(new Date('2023-08-25T10:00:00Z'), 'Europe/Paris')).toBe('12\u00a0h\u00a000');
  });

  it('writes the day of a late-evening instant in the session timezone, not UTC', () => {
    expect(plain(frenchDateTime(new Date('2023-09-19T22:30:00Z'), 'Europe/Paris'))).toBe(
      'mercredi 20 septembre 2023 à 00 h 30',
    );
  });

  it('writes a span once with its shared year, twice across years', () => {
    expect(frenchSpan('2023-08-28', '2023-09-01')).toBe(
      'du lundi 28 août au vendredi 1er septembre 2023',
    );
    expect(frenchSpan('2023-12-29', '2024-01-02')).toBe(
      'du vendredi 29 décembre 2023 au mardi 2 janvier 2024',
    );
  });
});

describe('timeline', () => {
  it('orders the key dates by start, whatever their order in session.yaml', async () => {
    const { session } = await readSiteData(
      join(import.meta.dirname, '../fixtures/site/session-2023'),
    );
    const steps = timeline(session.keyDates, session.timezone);
    expect(steps.map((s) => s.id)).toEqual([
      'tableau-sujets',
      'atelier-ete',
      'veille-ete',
      'reunion-mars',
      'remise-dossier',
      'validation-dossiers',
      'convocations',
      'soutenances',
      'veille-hiver',
      'commission',
    ]);
  });

  it('gives a span its first midnight as start and the midnight after its last day as end', async () => {
    const { session } = await readSiteData(
      join(import.meta.dirname, '../fixtures/site/session-2023'),
    );
    const span = timeline(session.keyDates, session.timezone).find((s) => s.id === 'atelier-ete')!;
    // 25 March is still UTC+1; 28 March is UTC+2: the span is 71 hours long.
    expect([span.start.toISOString(), span.end.toISOString()]).toEqual([
      '2023-03-24T23:00:00.000Z',
      '2023-03-27T22:00:00.000Z',
    ]);
    expect(span.label).toBe('du samedi 25 mars au lundi 27 mars 2023');
  });

  it('gives an instant an empty duration and an ISO datetime attribute', async () => {
    const { session } = await readSiteData(join(import.meta.dirname, '../../content/demo-2023'));
    const deadline = timeline(session.keyDates, session.timezone).find(
      (s) => s.id === 'remise-dossier',
    )!;
    expect(deadline).toMatchObject({ kind: 'instant', datetime: '2023-08-25T10:00:00.000Z' });
    expect(deadline.end).toEqual(deadline.start);
  });
});
