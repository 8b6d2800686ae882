/**
 * Small building blocks shared by every schema: dates and times as staff write them in YAML.
 * YAML 1.2 keeps `2023-08-25` and `2023-08-25T12:00` as strings, so they are validated here.
 */
import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when year, month and day form a real calendar day (rejects 2023-02-30). */
export function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day, `YYYY-MM-DD`, in the session's timezone. */
export const day = () =>
  z
    .string()
    .regex(DATE, 'expected a day written YYYY-MM-DD')
    .refine(isRealDate, 'this day does not exist in the calendar');

/** A time of day, `HH:MM` (24 h). */
export const clock = () =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written HH:MM (24 h)');

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const OFFSET_DATETIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A date and time without offset, `YYYY-MM-DDTHH:MM`, read in the session's timezone. */
export const localDateTime = () =>
  z
    .string()
    .regex(LOCAL_DATETIME, 'expected a local date and time written YYYY-MM-DDTHH:MM')
    .refine((v) => isRealDate(v.slice(0, 10)), 'this day does not exist in the calendar');

/** A date and time, with an offset (`+02:00`, `Z`) or without one (then in the session's timezone). */
export const dateTime = () =>
  z
    .string()
    .refine(
      (v) => LOCAL_DATETIME.test(v) || OFFSET_DATETIME.test(v),
      'expected a date and time written YYYY-MM-DDTHH:MM[:SS][+02:00]',
    )
    .refine((v) => isRealDate(v.slice(0, 10)), 'this day does not exist in the calendar');

/** True when the text carries its own UTC offset. */
export function hasOffset(text: string): boolean {
  return OFFSET_DATETIME.test(text);
}

/** An identifier staff choose once and never change: letters, digits, `-` and `_`. */
export const id = () =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'expected letters, digits, "-" or "_"');

/** True when `zone` is an IANA timezone known to this runtime. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
