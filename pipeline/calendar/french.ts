/**
 * Dates as a French reader expects them, in the session's timezone:
 * « vendredi 25 août 2023 à 12 h 00 », « du mercredi 20 au vendredi 22 septembre 2023 ».
 */
import { dayInZone, wallClock } from '../time.ts';

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

/** « mercredi 20 septembre 2023 » for an instant, in the timezone. */
export function frenchDateOf(instant: Date, timeZone: string): string {
  return frenchDay(dayInZone(instant, timeZone));
}

/** « 12 h 00 », with no-break spaces so the time never wraps. */
export function frenchTime(instant: Date, timeZone: string): string {
  const { hour, minute } = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour)}\u00a0h\u00a0${pad(minute)}`;
}

/** « vendredi 25 août 2023 à 12 h 00 ». */
export function frenchDateTime(instant: Date, timeZone: string): string {
  return `${frenchDateOf(instant, timeZone)} à ${frenchTime(instant, timeZone)}`;
}
