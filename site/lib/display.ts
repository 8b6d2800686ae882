/**
 * What the hall display shows, as pure functions of the schedule and the time: shared by the
 * browser script and the tests. It is bundled for the browser, so it imports only modules
 * without imports of their own (the timezone arithmetic of pipeline/wall-clock.ts).
 *
 * Grace rule: a defence is « en cours » from its start until the next defence of the room
 * starts, or until GRACE_MS after the room is due to be free (deliberation end), whichever
 * comes first — a defence that started late keeps the screen for 10 minutes after its planned
 * end; the next one takes over at its planned start, as the candidates are called by it.
 */
import { instantOfWallClock, pad, wallClock } from '../../pipeline/wall-clock.ts';

/** One defence as published in `/affichage/horaire.json` (codes only). */
export interface DisplaySlot {
  readonly candidate: string;
  readonly room: string;
  readonly juryLabel: string;
  /** UTC instants, ISO 8601. */
  readonly start: string;
  readonly end: string;
  readonly deliberationEnd: string;
}

/** The JSON export the display polls. */
export interface DisplayData {
  readonly session: string;
  readonly title: string;
  readonly timezone: string;
  readonly version: number;
  readonly rooms: readonly { readonly id: string; readonly name: string }[];
  readonly slots: readonly DisplaySlot[];
}

/** How long a defence stays « en cours » after its planned deliberation end. */
export const GRACE_MS = 10 * 60_000;

/** `defence` while the candidate presents and answers; `deliberation` afterwards. */
type Phase = 'defence' | 'deliberation';

/** One room's board at an instant. */
export interface RoomBoard {
  readonly room: string;
  readonly now?: { readonly slot: DisplaySlot; readonly phase: Phase };
  readonly next?: DisplaySlot;
  readonly later: readonly DisplaySlot[];
  /** True when the room has at least one defence that day. */
  readonly day: boolean;
}

const at = (iso: string): number => Date.parse(iso);

/** The board of one room at `time` (ms), from the slots of that room on that day. */
export function roomBoard(
  room: string,
  daySlots: readonly DisplaySlot[],
  time: number,
  laterCount = 2,
): RoomBoard {
  const slots = daySlots.filter((s) => s.room === room).sort((a, b) => at(a.start) - at(b.start));
  const started = slots.filter((s) => at(s.start) <= time);
  const last = started[started.length - 1];
  const upcoming = slots.filter((s) => at(s.start) > time);
  const now: RoomBoard['now'] =
    last && time < at(last.deliberationEnd) + GRACE_MS
      ? { slot: last, phase: time < at(last.end) ? 'defence' : 'deliberation' }
      : undefined;
  return {
    room,
    ...(now ? { now } : {}),
    ...(upcoming[0] ? { next: upcoming[0] } : {}),
    later: upcoming.slice(1, 1 + laterCount),
    day: slots.length > 0,
  };
}

/** Rooms on screen at once: 40 px text fits four columns in 1920 px. */
export const ROOMS_PER_SCREEN = 4;
/** With more rooms, the screen shows the next group every 10 s. */
const SCREEN_MS = 10_000;

/** The rooms on screen at `time`: indexes `first`…`last` (inclusive), screen `screen` of `screens`. */
export function roomsOnScreen(
  count: number,
  time: number,
): { first: number; last: number; screen: number; screens: number } {
  const screens = Math.max(1, Math.ceil(count / ROOMS_PER_SCREEN));
  const screen = screens === 1 ? 0 : Math.floor(time / SCREEN_MS) % screens;
  const first = screen * ROOMS_PER_SCREEN;
  return { first, last: Math.min(count, first + ROOMS_PER_SCREEN) - 1, screen, screens };
}

/** `YYYY-MM-DD` of an instant in the timezone. */
export function dayOf(time: number, timeZone: string): string {
  const c = wallClock(new Date(time), timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** `HH:MM` (or `HH:MM:SS`) of an instant in the timezone. */
export function clockOf(time: number, timeZone: string, seconds = false): string {
  const c = wallClock(new Date(time), timeZone);
  return `${pad(c.hour)}:${pad(c.minute)}${seconds ? `:${pad(c.second)}` : ''}`;
}

/** The slots of the day of `time`, in the session's timezone. */
export function slotsOfDay(
  slots: readonly DisplaySlot[],
  time: number,
  timeZone: string,
): DisplaySlot[] {
  const day = dayOf(time, timeZone);
  return slots.filter((s) => dayOf(at(s.start), timeZone) === day);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant of `?t=2023-09-20T10:40`, a wall-clock time of the session's timezone;
 * `undefined` when the text is not such a time.
 */
export function simulatedTime(text: string | null, timeZone: string): number | undefined {
  const m = text ? LOCAL.exec(text) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(naive) || new Date(naive).getUTCDate() !== d) return undefined;
  return instantOfWallClock(naive, timeZone);
}

/** True when `value` has the shape of a DisplayData (the polled JSON is not trusted). */
export function isDisplayData(value: unknown): value is DisplayData {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): boolean => typeof x === 'string';
  return (
    text(v['timezone']) &&
    Array.isArray(v['rooms']) &&
    v['rooms'].every(
      (r) => r && typeof r === 'object' && text((r as Record<string, unknown>)['id']),
    ) &&
    Array.isArray(v['slots']) &&
    v['slots'].every((s) => {
      if (!s || typeof s !== 'object') return false;
      const o = s as Record<string, unknown>;
      return (
        ['candidate', 'room', 'juryLabel'].every((k) => text(o[k])) &&
        ['start', 'end', 'deliberationEnd'].every(
          (k) => text(o[k]) && !Number.isNaN(Date.parse(o[k] as string)),
        )
      );
    })
  );
}
