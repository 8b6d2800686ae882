/** The key dates of a session as an ordered timeline: what the home page and the feed show. */
import { addDays, toInstant } from '../../pipeline/time.ts';
import type { KeyDate } from '../../schemas/session.ts';
import { frenchDateTime, frenchDay, frenchSpan } from '../../pipeline/calendar/french.ts';

/** One step of the timeline. */
export interface TimelineStep {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The date in French, e.g. « vendredi 25 août 2023 à 12 h 00 ». */
  readonly label: string;
  /** Value of `<time datetime>`: a day, or a date-time with its offset. */
  readonly datetime: string;
  /** When it begins, UTC instant. */
  readonly start: Date;
  /** When it is over (exclusive): the instant itself, or the midnight after the last day. */
  readonly end: Date;
  /** `instant` for a date-time, `days` for a day or a span of days. */
  readonly kind: 'instant' | 'days';
  /** First and last day (inclusive) when `kind` is `days`. */
  readonly days?: readonly [string, string];
}

function step(keyDate: KeyDate, timeZone: string): TimelineStep {
  const common = {
    id: keyDate.id,
    title: keyDate.title,
    ...(keyDate.description ? { description: keyDate.description } : {}),
  };
  if ('from' in keyDate) {
    return {
      ...common,
      label: frenchSpan(keyDate.from, keyDate.to),
      datetime: keyDate.from,
      start: toInstant(keyDate.from, timeZone),
      end: toInstant(addDays(keyDate.to, 1), timeZone),
      kind: 'days',
      days: [keyDate.from, keyDate.to],
    };
  }
  if (keyDate.at.includes('T')) {
    const start = toInstant(keyDate.at, timeZone);
    return {
      ...common,
      label: frenchDateTime(start, timeZone),
      datetime: start.toISOString(),
      start,
      end: start,
      kind: 'instant',
    };
  }
  return {
    ...common,
    label: frenchDay(keyDate.at),
    datetime: keyDate.at,
    start: toInstant(keyDate.at, timeZone),
    end: toInstant(addDays(keyDate.at, 1), timeZone),
    kind: 'days',
    days: [keyDate.at, keyDate.at],
  };
}

/** The key dates in chronological order (ties keep the order of session.yaml). */
export function timeline(keyDates: readonly KeyDate[], timeZone: string): TimelineStep[] {
  return keyDates
    .map((k, index) => ({ s: step(k, timeZone), index }))
    .sort((a, b) => a.s.start.getTime() - b.s.start.getTime() || a.index - b.index)
    .map(({ s }) => s);
}
