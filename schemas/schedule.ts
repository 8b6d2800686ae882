/** `content/<session>/schedule.yaml`: the order of passage, as published. */
import { z } from 'zod';
import { dateTime, id } from './common.ts';

/** One defence. */
export const Slot = z.strictObject({
  /** Public code of the candidate. */
  candidate: id(),
  /** Ids of the jury members (two external professionals). */
  jury: z.array(id()).min(1),
  /** Public label of the jury, e.g. `A`; the same members always have the same label. */
  juryLabel: z.string().min(1),
  /** Id of the room. */
  room: id(),
  /** Start of the presentation, with offset, e.g. `2023-09-20T08:30:00+02:00`. */
  start: dateTime(),
  /** End of the interview (the candidate leaves), with offset. */
  end: dateTime(),
  /** End of the jury's deliberation (the room is free), with offset. */
  deliberationEnd: dateTime(),
  /** `planned`, or `makeup` for a later slot after a justified absence. */
  kind: z.enum(['planned', 'makeup']).default('planned'),
});
export type Slot = z.infer<typeof Slot>;

/** One change between two published versions. */
export const Change = z.strictObject({
  /** Candidate whose defence changed. */
  candidate: id(),
  /** `added`, `moved`, `removed`. */
  kind: z.enum(['added', 'moved', 'removed']),
  /** Why, in English, for staff. */
  reason: z.string(),
  /** Previous start, when it had one. */
  from: dateTime().optional(),
  /** New start, when it has one. */
  to: dateTime().optional(),
});
export type Change = z.infer<typeof Change>;

/** The whole file. */
export const Schedule = z.strictObject({
  /** Session id. */
  session: id(),
  /** Grows by one with each published change. */
  version: z.number().int().min(1),
  /** Every planned defence, by start then room. */
  slots: z.array(Slot),
  /** Candidates who could not be scheduled, and the constraint that blocks them. */
  unscheduled: z.array(z.strictObject({ candidate: id(), reason: z.string() })),
  /** What moved in each version, newest last. */
  changelog: z
    .array(z.strictObject({ version: z.number().int().min(1), changes: z.array(Change) }))
    .default([]),
});
export type Schedule = z.infer<typeof Schedule>;
