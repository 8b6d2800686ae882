import { describe, expect, it } from 'vitest';
import { addDays, dayInZone, formatInZone, offsetMinutes, toInstant } from '../../pipeline/time.ts';

describe('toInstant', () => {
  it('reads a local time in the session timezone (summer time in Paris)', () => {
    expect(toInstant('2023-08-25T12:00', 'Europe/Paris').toISOString()).toBe(
      '2023-08-25T10:00:00.000Z',
    );
  });

  it('reads a local time in winter time', () => {
    expect(toInstant('2023-01-02T09:00', 'Europe/Paris').toISOString()).toBe(
      '2023-01-02T08:00:00.000Z',
    );
  });

  it('takes a time with an offset as written, whatever the timezone', () => {
    expect(toInstant('2023-08-24T18:03:00+02:00', 'Pacific/Auckland').toISOString()).toBe(
      '2023-08-24T16:03:00.000Z',
    );
  });

  it('reads a bare day as its local midnight', () => {
    expect(toInstant('2023-09-20', 'Europe/Paris').toISOString()).toBe('2023-09-19T22:00:00.000Z');
  });

  it('handles the days of the DST changes', () => {
    expect(toInstant('2023-03-26T04:00', 'Europe/Paris').toISOString()).toBe(
      '2023-03-26T02:00:00.000Z',
    );
    expect(toInstant('2023-10-29T04:00', 'Europe/Paris').toISOString()).toBe(
      '2023-10-29T03:00:00.000Z',
    );
  });
});

describe('formatInZone', () => {
  it('writes the wall-clock time with its offset', () => {
    const instant = new Date('2023-09-20T06:30:00Z');
    expect(formatInZone(instant, 'Europe/Paris')).toBe('2023-09-20T08:30:00+02:00');
    expect(formatInZone(instant, 'America/New_York')).toBe('2023-09-20T02:30:00-04:00');
  });

  it('round-trips with toInstant', () => {
    const text = '2023-10-29T08:30:00+01:00';
    expect(formatInZone(toInstant(text, 'Europe/Paris'), 'Europe/Paris')).toBe(text);
  });
});

describe('days', () => {
  it('gives the local day of an instant, which may differ from the UTC day', () => {
    expect(dayInZone(new Date('2023-09-19T23:30:00Z'), 'Europe/Paris')).toBe('2023-09-20');
  });

  it('adds days across months and years', () => {
    expect(addDays('2023-09-22', 14)).toBe('2023-10-06');
    expect(addDays('2023-12-25', 7)).toBe('2024-01-01');
  });

  it('reports the offset in minutes', () => {
    expect(offsetMinutes(new Date('2023-07-01T00:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(offsetMinutes(new Date('2023-01-01T00:00:00Z'), 'Europe/Paris')).toBe(60);
  });
});
