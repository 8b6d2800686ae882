/**
 * Wall-clock times of a session's timezone ↔ instants. Every time staff write without an
 * offset is read in the session's IANA timezone, across DST changes.
 */
import { hasOffset } from '../schemas/common.ts';
import { instantOfWallClock, offsetMinutes, pad, wallClock } from './wall-clock.ts';

export { offsetMinutes, wallClock } from './wall-clock.ts';

/**
 * The instant of a date-time written by staff: with an offset it is taken as is; without one
 * (`2023-08-25T12:00`, or a bare day meaning its midnight) it is read in `timeZone`.
 */
export function toInstant(text: string, timeZone: string): Date {
  if (hasOffset(text)) return new Date(text);
  const [day, time = '00:00'] = text.split('T') as [string, string?];
  const naive = Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}Z`);
  return new Date(instantOfWallClock(naive, timeZone));
}

/** The instant written in the timezone with its offset: `2023-09-20T08:30:00+02:00`. */
export function formatInZone(instant: Date, timeZone: string): string {
  const f = wallClock(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The calendar day of an instant in the timezone, `YYYY-MM-DD`. */
export function dayInZone(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone).slice(0, 10);
}

/** Adds whole days to a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
