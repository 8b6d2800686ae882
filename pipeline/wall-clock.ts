/**
 * Wall-clock fields of instants in an IANA timezone, and back, across DST changes. No import:
 * the pipeline (time.ts) and the hall display's browser script (site/lib/display.ts) share it.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Wall-clock fields of an instant in a timezone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields of an instant in a timezone (`hour` 0–23). */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const fields: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof WallClock] = Number(part.value);
  }
  return fields;
}

/** Offset of the timezone from UTC at that instant, in minutes (Paris in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const f = wallClock(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
}

/**
 * The instant (ms) at which the timezone's clocks show a wall-clock time, given as the
 * milliseconds of its fields read as UTC. Two passes settle the offset across a DST change.
 */
export function instantOfWallClock(naive: number, timeZone: string): number {
  const guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  return naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
}

/** A number written with leading zeros. */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
