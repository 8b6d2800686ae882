/**
 * Turns the model's counts into dated slots: which candidate of a class goes where (published
 * defences first), the start within the block (a published start is kept), the room of each
 * jury-block (published room, else the jury's room earlier that day, else the first free one)
 * and the public jury labels (kept across versions).
 */
import type { Defence } from '../../schemas/session.ts';
import type { Schedule, Slot } from '../../schemas/schedule.ts';
import { formatInZone } from '../time.ts';
import { juryKey, type Demand, type Unit } from './model.ts';
import type { Solution } from './solve.ts';

interface Placed {
  readonly demand: Demand;
  readonly unit: Unit;
}

/** Which candidate sits in which unit: published ones at their unit first, then by code. */
export function place(
  solution: Solution,
  demands: readonly Demand[],
): { placed: Placed[]; left: string[] } {
  const byCode = new Map(demands.map((d) => [d.code, d]));
  const { units, classes } = solution.structure;
  const placed: Placed[] = [];
  const left: string[] = [];
  classes.forEach((cls, k) => {
    const remaining = new Map(solution.counts[k]);
    const taken = new Set<string>();
    for (const code of cls.codes) {
      const demand = byCode.get(code)!;
      if (!demand.pin) continue;
      const u = units.findIndex((unit) => unit.name === `${demand.pin!.jury}@${demand.pin!.block}`);
      if (u < 0 || (remaining.get(u) ?? 0) === 0) continue;
      remaining.set(u, remaining.get(u)! - 1);
      taken.add(code);
      placed.push({ demand, unit: units[u]! });
    }
    const free = cls.codes.filter((code) => !taken.has(code));
    for (const [u, count] of [...remaining].sort(([a], [b]) => a - b)) {
      for (let i = 0; i < count; i++) {
        const code = free.shift();
        if (code) placed.push({ demand: byCode.get(code)!, unit: units[u]! });
      }
    }
    left.push(...free);
  });
  return { placed, left: left.sort() };
}

function label(index: number): string {
  let text = '';
  for (let i = index; i >= 0; i = Math.floor(i / 26) - 1)
    text = String.fromCharCode(65 + (i % 26)) + text;
  return text;
}

/** Dated slots, sorted by start then room. */
export function toSlots(
  placed: readonly Placed[],
  defence: Defence,
  timeZone: string,
  makeup: ReadonlySet<string>,
  previous: Schedule | undefined,
): Slot[] {
  const old = new Map((previous?.slots ?? []).map((s) => [s.candidate, s]));
  const byUnit = new Map<string, Placed[]>();
  for (const p of placed) byUnit.set(p.unit.name, [...(byUnit.get(p.unit.name) ?? []), p]);
  const units = [...byUnit.keys()].sort();
  const roomOf = new Map<string, string>();
  const roomIds = defence.rooms.map((r) => r.id);
  const byBlock = new Map<string, string[]>();
  for (const name of units) {
    const block = byUnit.get(name)![0]!.unit.block.id;
    byBlock.set(block, [...(byBlock.get(block) ?? []), name]);
  }
  const dayRoom = new Map<string, string>();
  for (const [blockId, names] of [...byBlock].sort(([a], [b]) => a.localeCompare(b))) {
    const used = new Set<string>();
    const publishedRoom = (name: string) =>
      byUnit
        .get(name)!
        .map((p) => old.get(p.demand.code)?.room)
        .find((r) => r !== undefined && roomIds.includes(r));
    const pending: string[] = [];
    for (const name of names) {
      const room = publishedRoom(name);
      if (room && !used.has(room)) {
        used.add(room);
        roomOf.set(name, room);
      } else pending.push(name);
    }
    const day = blockId.slice(0, 10);
    for (const name of pending) {
      const unit = byUnit.get(name)![0]!.unit;
      const earlier = dayRoom.get(`${juryKey(unit.jury)}@${day}`);
      const room = earlier && !used.has(earlier) ? earlier : roomIds.find((r) => !used.has(r))!;
      used.add(room);
      roomOf.set(name, room);
    }
    for (const name of names)
      dayRoom.set(`${juryKey(byUnit.get(name)![0]!.unit.jury)}@${day}`, roomOf.get(name)!);
  }
  const labels = new Map(
    (previous?.slots ?? []).map((s) => [juryKey([...s.jury].sort()), s.juryLabel]),
  );
  const minute = 60_000;
  const slots: Slot[] = [];
  for (const name of units) {
    const members = byUnit.get(name)!.sort((a, b) => a.demand.code.localeCompare(b.demand.code));
    const { block, jury } = members[0]!.unit;
    const index = new Map<string, number>();
    const busy = new Set<number>();
    const publishedIndex = (code: string) => {
      const start = old.get(code)?.start;
      return start === undefined
        ? -1
        : block.starts.findIndex((s) => s.getTime() === new Date(start).getTime());
    };
    const stays = (p: Placed) =>
      old.get(p.demand.code) !== undefined &&
      juryKey([...old.get(p.demand.code)!.jury].sort()) === juryKey(jury);
    // Defences that stay with their jury keep their time first; moved ones then keep theirs if free.
    for (const pass of [true, false]) {
      for (const p of members) {
        const i = publishedIndex(p.demand.code);
        if (stays(p) === pass && i >= 0 && !busy.has(i) && !index.has(p.demand.code)) {
          index.set(p.demand.code, i);
          busy.add(i);
        }
      }
    }
    for (const p of members) {
      if (index.has(p.demand.code)) continue;
      let i = 0;
      while (busy.has(i)) i++;
      index.set(p.demand.code, i);
      busy.add(i);
    }
    for (const p of members) {
      const start = block.starts[index.get(p.demand.code)!]!;
      const talk = (defence.presentationMinutes + defence.interviewMinutes) * minute;
      slots.push({
        candidate: p.demand.code,
        jury: [...jury],
        juryLabel: '',
        room: roomOf.get(name)!,
        start: formatInZone(start, timeZone),
        end: formatInZone(new Date(start.getTime() + talk), timeZone),
        deliberationEnd: formatInZone(
          new Date(start.getTime() + talk + defence.deliberationMinutes * minute),
          timeZone,
        ),
        kind: makeup.has(p.demand.code) ? 'makeup' : 'planned',
      });
    }
  }
  const order = (s: Slot) => roomIds.indexOf(s.room);
  slots.sort(
    (a, b) =>
      Date.parse(a.start) - Date.parse(b.start) ||
      order(a) - order(b) ||
      a.candidate.localeCompare(b.candidate),
  );
  const inUse = new Set(labels.values());
  let next = 0;
  return slots.map((slot) => {
    const key = juryKey(slot.jury);
    if (!labels.has(key)) {
      while (inUse.has(label(next))) next++;
      labels.set(key, label(next));
      inUse.add(label(next));
    }
    return { ...slot, juryLabel: labels.get(key)! };
  });
}
