/**
 * Dates as a French reader expects them, in the session's timezone:
 * « vendredi 25 août 2023 à 12 h 00 », « du mercredi 20 au vendredi 22 septembre 2023 ».
 */
import { toInstant } from '../../pipeline/time.ts';

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** Parts of a calendar day `YYYY-MM-DD` in French. */
function dayParts(day: string): { weekday: string; day: string; month: string; year: string } {
  const parts: Record<string, string> = {};
  for (const p of dayFormat.formatToParts(new Date(`${day}T00:00:00Z`))) parts[p.type] = p.value;
  return {
    weekday: parts['weekday'] ?? '',
    day: parts['day'] === '1' ? '1er' : (parts['day'] ?? ''),
    month: parts['month'] ?? '',
    year: parts['year'] ?? '',
  };
}

/** « vendredi 25 août 2023 » (« 1er » for the first of the month). */
export function frenchDay(day: string): string {
  const p = dayParts(day);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** « du lundi 28 août au vendredi 1er septembre 2023 »; the year is written once when shared. */
export function frenchSpan(from: string, to: string): string {
  const a = dayParts(from);
  return a.year === dayParts(to).year
    ? `du ${a.weekday} ${a.day} ${a.month} au ${frenchDay(to)}`
    : `du ${frenchDay(from)} au ${frenchDay(to)}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock day and time of an instant in a timezone: `['2023-08-25', '12', '00']`. */
function wallClock(instant: Date, timeZone: string): [string, string, string] {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    timeFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(instant)) parts[p.type] = p.value;
  return [
    `${parts['year']}-${parts['month']}-${parts['day']}`,
    parts['hour'] ?? '',
    parts['minute'] ?? '',
  ];
}

/** The calendar day of an instant in the timezone, `YYYY-MM-DD`. */
export function localDay(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone)[0];
}

/** « 12 h 00 », with no-break spaces so the time never wraps. */
export function frenchTime(instant: Date, timeZone: string): string {
  const [, hour, minute] = wallClock(instant, timeZone);
  return `${hour}\u00a0h\u00a0${minute}`;
}

/** « vendredi 25 août 2023 à 12 h 00 ». */
export function frenchDateTime(instant: Date, timeZone: string): string {
  return `${frenchDay(localDay(instant, timeZone))} à ${frenchTime(instant, timeZone)}`;
}

/** Reads a day or a local date-time of the session (`2023-08-25T12:00`) as an instant. */
export function sessionInstant(text: string, timeZone: string): Date {
  return toInstant(text, timeZone);
}
