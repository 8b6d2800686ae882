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
  /** iTIP SEQUENCE of this defence's invitations (RFC 5546): absent for 0, raised by `schedule` whenever its time or room changes between versions, so calendars update the event. */
  sequence: z.number().int().min(1).optional(),
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

/** A published invitation withdrawn by a later version: `send` mails its METHOD:CANCEL (same UID). */
export const Cancellation = z.strictObject({
  /** Candidate whose defence it was. */
  candidate: id(),
  /** Version of the schedule that withdrew it. */
  version: z.number().int().min(2),
  /** `defence`: the whole defence is withdrawn (the candidate and its jurors are told); `juror`: only `jury` leave it. */
  scope: z.enum(['defence', 'juror']),
  /** Jurors whose invitation is cancelled. */
  jury: z.array(id()),
  /** SEQUENCE of the CANCEL: the last published one plus one (RFC 5546 §3.2.5). */
  sequence: z.number().int().min(1),
  /** Start of the defence as last published, with offset. */
  start: dateTime(),
  /** End of the interview as last published. */
  end: dateTime(),
  /** Room as last published. */
  room: id(),
});
export type Cancellation = z.infer<typeof Cancellation>;

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
  /** Invitations withdrawn after publication, oldest first; absent when none. */
  cancelled: z.array(Cancellation).optional(),
});
export type Schedule = z.infer<typeof Schedule>;
