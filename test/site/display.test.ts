import { describe, expect, it } from 'vitest';
import {
  GRACE_MS,
  clockOf,
  isDisplayData,
  roomBoard,
  roomsOnScreen,
  simulatedTime,
  slotsOfDay,
  type DisplaySlot,
} from '../../site/lib/display.ts';

const PARIS = 'Europe/Paris';
/** A slot of room R101 on 2023-09-20, times in Paris (UTC+2). */
const slot = (candidate: string, start: string, end: string, free: string): DisplaySlot => ({
  candidate,
  room: 'R101',
  juryLabel: 'A',
  start: `2023-09-20T${start}:00+02:00`,
  end: `2023-09-20T${end}:00+02:00`,
  deliberationEnd: `2023-09-20T${free}:00+02:00`,
});
const DAY = [
  slot('C001', '08:30', '09:15', '09:30'),
  slot('C002', '09:30', '10:15', '10:30'),
  slot('C003', '10:30', '11:15', '11:30'),
  slot('C004', '13:30', '14:15', '14:30'),
];
const at = (time: string) => Date.parse(`2023-09-20T${time}+02:00`);
const board = (time: string) => {
  const b = roomBoard('R101', DAY, at(time));
  return {
    now: b.now?.slot.candidate,
    phase: b.now?.phase,
    next: b.next?.candidate,
    later: b.later.map((s) => s.candidate),
  };
};

describe('hall display board', () => {
  it('shows nothing in progress before the first defence, and the first one as next', () => {
    expect(board('08:29:59')).toEqual({
      now: undefined,
      phase: undefined,
      next: 'C001',
      later: ['C002', 'C003'],
    });
  });

  it('switches to the defence at its start and to the deliberation at its end', () => {
    expect(board('08:30:00')).toMatchObject({ now: 'C001', phase: 'defence', next: 'C002' });
    expect(board('09:14:59')).toMatchObject({ now: 'C001', phase: 'defence' });
    expect(board('09:15:00')).toMatchObject({ now: 'C001', phase: 'deliberation', next: 'C002' });
  });

  it('hands over to the next defence at its planned start', () => {
    expect(board('09:29:59')).toMatchObject({ now: 'C001', next: 'C002' });
    expect(board('09:30:00')).toMatchObject({ now: 'C002', next: 'C003', later: ['C004'] });
  });

  it('keeps a defence in progress for the grace window after the room was due free', () => {
    expect(GRACE_MS).toBe(10 * 60_000);
    expect(board('11:39:59')).toMatchObject({ now: 'C003', phase: 'deliberation', next: 'C004' });
    expect(board('11:40:00')).toMatchObject({ now: undefined, next: 'C004', later: [] });
  });

  it('ends the day with nothing in progress nor next', () => {
    expect(board('14:39:59')).toMatchObject({ now: 'C004', next: undefined });
    expect(board('14:40:00')).toEqual({
      now: undefined,
      phase: undefined,
      next: undefined,
      later: [],
    });
  });

  it('ignores the slots of other rooms', () => {
    expect(roomBoard('R102', DAY, at('10:00:00'))).toEqual({ room: 'R102', later: [], day: false });
  });

  it('keeps the slots of the day of the session timezone, not the UTC day', () => {
    // 00:30 in Paris on the 21st is still the 20th in UTC.
    const late = { ...DAY[0]!, candidate: 'C009', start: '2023-09-21T00:30:00+02:00' };
    expect(slotsOfDay([...DAY, late], at('12:00:00'), PARIS).map((s) => s.candidate)).toEqual([
      'C001',
      'C002',
      'C003',
      'C004',
    ]);
    expect(
      slotsOfDay([...DAY, late], Date.parse('2023-09-20T22:45:00Z'), PARIS).map((s) => s.candidate),
    ).toEqual(['C009']);
  });
});

describe('rooms on screen', () => {
  it('shows every room when four or fewer', () => {
    expect(roomsOnScreen(3, at('10:00:00'))).toEqual({ first: 0, last: 2, screen: 0, screens: 1 });
    expect(roomsOnScreen(4, at('10:00:07'))).toEqual({ first: 0, last: 3, screen: 0, screens: 1 });
  });

  it('rotates groups of four rooms every 10 s when there are more', () => {
    const start = Math.ceil(at('10:00:00') / 40_000) * 40_000;
    expect([0, 10_000, 20_000, 30_000, 40_000].map((ms) => roomsOnScreen(13, start + ms))).toEqual([
      { first: 0, last: 3, screen: 0, screens: 4 },
      { first: 4, last: 7, screen: 1, screens: 4 },
      { first: 8, last: 11, screen: 2, screens: 4 },
      { first: 12, last: 12, screen: 3, screens: 4 },
      { first: 0, last: 3, screen: 0, screens: 4 },
    ]);
  });
});

describe('simulated time', () => {
  it('reads ?t= as a wall-clock time of the session timezone, across DST', () => {
    expect(simulatedTime('2023-09-20T10:40', PARIS)).toBe(Date.parse('2023-09-20T08:40:00Z'));
    expect(simulatedTime('2023-01-10T10:40:30', PARIS)).toBe(Date.parse('2023-01-10T09:40:30Z'));
    expect(simulatedTime('2023-03-26T03:30', PARIS)).toBe(Date.parse('2023-03-26T01:30:00Z'));
    expect(clockOf(simulatedTime('2023-10-29T10:00', PARIS)!, PARIS)).toBe('10:00');
  });

  it('refuses what is not a local date-time', () => {
    for (const text of [
      null,
      '',
      'demain',
      '2023-09-20',
      '2023-02-30T10:00',
      '2023-09-20T10:40Z',
      '2023-09-20T25:00',
    ])
      expect(simulatedTime(text, PARIS)).toBeUndefined();
  });
});

describe('polled data', () => {
  const good = {
    session: 's',
    title: 't',
    timezone: PARIS,
    version: 1,
    rooms: [{ id: 'R101', name: 'Salle 101' }],
    slots: DAY,
  };

  it('accepts the export of the site', () => {
    expect(isDisplayData(good)).toBe(true);
  });

  it('rejects empty, truncated, wrong-type and hostile documents', () => {
    for (const value of [
      null,
      '',
      42,
      {},
      { ...good, slots: undefined },
      { ...good, rooms: 'R101' },
      { ...good, slots: [{ ...DAY[0], start: 'tomorrow' }] },
      { ...good, slots: [{ ...DAY[0], candidate: { toString: 'x' } }] },
      { ...good, slots: [null] },
      JSON.parse('{"__proto__": {"polluted": true}, "timezone": 1}') as unknown,
    ])
      expect(isDisplayData(value)).toBe(false);
  });
});
