/**
 * The independent checker: verifies every hard constraint on a schedule as written, from the
 * session files alone. It shares no code with the model on purpose — a bug in the model
 * cannot hide itself here. Returns findings; never throws.
 */
import type { Schedule } from '../../schemas/schedule.ts';
import type { LoadedSession } from '../session/load.ts';
import { dayInZone, toInstant } from '../time.ts';

/** One broken hard constraint. */
export interface Violation {
  /** `room-overlap`, `member-overlap`, `availability`, `company`, `tutor`, `expertise`… */
  readonly rule: string;
  readonly candidate?: string;
  readonly message: string;
}

const simple = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Every hard-constraint violation of `schedule`, sorted by rule then candidate. */
export function checkSchedule(schedule: Schedule, loaded: LoadedSession): Violation[] {
  const { session, candidates, juries } = loaded;
  const { defence, timezone: tz } = session;
  const out: Violation[] = [];
  const add = (rule: string, candidate: string | undefined, message: string) =>
    out.push({ rule, ...(candidate ? { candidate } : {}), message });
  const people = new Map(candidates.candidates.map((c) => [c.code, c]));
  const members = new Map(juries.members.map((m) => [m.id, m]));
  const tutors = new Map(candidates.tutors.map((t) => [t.id, t]));
  const rooms = new Set(defence.rooms.map((r) => r.id));
  const talk = (defence.presentationMinutes + defence.interviewMinutes) * 60_000;
  const busy =
    (defence.presentationMinutes + defence.interviewMinutes + defence.deliberationMinutes) * 60_000;
  const seen = new Set<string>();
  const perDay = new Map<string, number>();
  const intervals: { code: string; from: number; to: number; room: string; jury: string[] }[] = [];

  for (const slot of schedule.slots) {
    const code = slot.candidate;
    const c = people.get(code);
    if (!c) add('unknown-candidate', code, `${code} is not in candidates.yaml`);
    if (seen.has(code)) add('duplicate', code, `${code} has more than one defence`);
    seen.add(code);
    const from = Date.parse(slot.start);
    const to = Date.parse(slot.deliberationEnd);
    if (Date.parse(slot.end) - from !== talk || to - from !== busy) {
      add(
        'duration',
        code,
        `${code}: the slot does not last presentation + interview (+ deliberation) as session.yaml says`,
      );
    }
    const day = dayInZone(new Date(from), tz);
    const days = slot.kind === 'makeup' ? defence.makeUpDays : defence.days;
    if (!days.includes(day))
      add(
        'day',
        code,
        `${code}: ${day} is not a ${slot.kind === 'makeup' ? 'make-up' : 'defence'} day`,
      );
    const open = toInstant(`${day}T${defence.hours.start}`, tz).getTime();
    const close = toInstant(`${day}T${defence.hours.end}`, tz).getTime();
    if (from < open || to > close)
      add('hours', code, `${code}: ${slot.start}–${slot.deliberationEnd} is outside opening hours`);
    for (const [a, b] of defence.hours.breaks) {
      if (
        from < toInstant(`${day}T${b}`, tz).getTime() &&
        to > toInstant(`${day}T${a}`, tz).getTime()
      ) {
        add('break', code, `${code}: the defence overlaps the ${a}–${b} break`);
      }
    }
    if (!rooms.has(slot.room))
      add('room', code, `${code}: room ${slot.room} is not in session.yaml`);
    if (new Set(slot.jury).size !== slot.jury.length || slot.jury.length !== defence.jurySize) {
      add(
        'jury-size',
        code,
        `${code}: the jury has ${new Set(slot.jury).size} distinct members, ${defence.jurySize} required`,
      );
    }
    if (c?.unavailable.includes(day))
      add('candidate-availability', code, `${code} is unavailable on ${day}`);
    const tutor = c?.tutor ? tutors.get(c.tutor) : undefined;
    let expert = false;
    for (const id of slot.jury) {
      const m = members.get(id);
      if (!m) {
        add('unknown-member', code, `${code}: jury member ${id} is not in juries.yaml`);
        continue;
      }
      if (m.withdrawn) add('withdrawn', code, `${code}: ${id} has withdrawn`);
      if (!m.available.includes(day))
        add('member-availability', code, `${code}: ${id} is not available on ${day}`);
      if (c?.company && simple(c.company) === simple(m.company))
        add('company', code, `${code}: ${id} works at the candidate's company`);
      if (
        tutor &&
        (simple(tutor.email) === simple(m.email) || simple(tutor.name) === simple(m.name))
      ) {
        add('tutor', code, `${code}: ${id} is the candidate's tutor`);
      }
      if (c && m.expertise.includes(c.specialisation)) expert = true;
      const key = `${id}@${day}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    if (c && !expert)
      add('expertise', code, `${code}: no jury member has ${c.specialisation} expertise`);
    intervals.push({ code, from, to, room: slot.room, jury: slot.jury });
  }
  intervals.sort((a, b) => a.from - b.from || a.code.localeCompare(b.code));
  for (let i = 0; i < intervals.length; i++) {
    const a = intervals[i]!;
    for (let j = i + 1; j < intervals.length && intervals[j]!.from < a.to; j++) {
      const b = intervals[j]!;
      if (a.room === b.room)
        add('room-overlap', b.code, `${a.code} and ${b.code} overlap in room ${a.room}`);
      for (const id of a.jury.filter((m) => b.jury.includes(m))) {
        add('member-overlap', b.code, `${id} sits for ${a.code} and ${b.code} at the same time`);
      }
    }
  }
  for (const [key, count] of perDay) {
    if (count > defence.maxDefencesPerMemberPerDay) {
      const [id, day] = key.split('@');
      add(
        'member-load',
        undefined,
        `${id} sits ${count} defences on ${day}, at most ${defence.maxDefencesPerMemberPerDay} allowed`,
      );
    }
  }
  return out.sort(
    (a, b) => a.rule.localeCompare(b.rule) || (a.candidate ?? '').localeCompare(b.candidate ?? ''),
  );
}
