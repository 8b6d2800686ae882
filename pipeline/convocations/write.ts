/**
 * `content/<session>/convocations/`: one `<code>.eml` + `<code>.ics` per scheduled candidate;
 * per sitting juror one `jury-<id>.eml` (their order of passage) and one invitation
 * `jury-<id>-<code>.eml` + `.ics` per defence (iTIP allows one event per REQUEST); for each
 * cancellation of schedule.yaml, `<code>-cancel-v<n>` (candidate) and `jury-<id>-<code>-cancel-v<n>`
 * (juror) with METHOD:CANCEL. Enforces the notice rule (a convocation sent
 * fewer than `convocationNoticeDays` days before the defence is an error naming the candidate;
 * that convocation is not written) and removes the files of people no longer scheduled.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Schedule } from '../../schemas/schedule.ts';
import type { LoadedSession } from '../session/load.ts';
import { dayInZone, toInstant } from '../time.ts';
import { writeIfChanged } from '../files/atomic.ts';
import { cancellation, convocation, juryInvitation, juryMailing, type Message } from './compose.ts';

/** A convocation that breaks a rule. */
interface NoticeProblem {
  readonly candidate?: string;
  readonly message: string;
}

export interface ConvocationReport {
  /** File names written (or that would be, in a dry run), sorted. */
  readonly files: readonly string[];
  /** Stale files removed, sorted. */
  readonly removed: readonly string[];
  readonly problems: readonly NoticeProblem[];
}

const DAY = 86_400_000;
const OURS = /^(jury-)?[A-Za-z0-9][A-Za-z0-9_-]*\.(eml|ics)$/;

/** The instant convocations are sent: the `convocationsSentOn` key date. */
function sentOn(loaded: LoadedSession): Date | undefined {
  const { session } = loaded;
  const key = session.keyDates.find((k) => k.id === session.defence.convocationsSentOn);
  if (!key) return undefined;
  return toInstant('at' in key ? key.at : key.from, session.timezone);
}

/** Builds every message; writes them unless `dryRun`. */
export async function writeConvocations(
  loaded: LoadedSession,
  schedule: Schedule,
  options: { dryRun?: boolean } = {},
): Promise<ConvocationReport> {
  const { session, candidates, juries } = loaded;
  const sent = sentOn(loaded);
  if (!sent) {
    return {
      files: [],
      removed: [],
      problems: [
        {
          message: `session.yaml: defence.convocationsSentOn "${session.defence.convocationsSentOn}" names no key date; add it to keyDates`,
        },
      ],
    };
  }
  const tz = session.timezone;
  const sentDay = dayInZone(sent, tz);
  const people = new Map(candidates.candidates.map((c) => [c.code, c]));
  const members = new Map(juries.members.map((m) => [m.id, m]));
  const messages = new Map<string, Message>();
  const problems: NoticeProblem[] = [];
  for (const slot of schedule.slots) {
    const candidate = people.get(slot.candidate);
    if (!candidate) continue;
    const day = dayInZone(new Date(slot.start), tz);
    const notice = Math.round(
      (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${sentDay}T00:00:00Z`)) / DAY,
    );
    if (notice < session.defence.convocationNoticeDays) {
      problems.push({
        candidate: slot.candidate,
        message: `${slot.candidate}: convocation sent on ${sentDay}, ${notice} days before the defence on ${day}; at least ${session.defence.convocationNoticeDays} days are required`,
      });
      continue;
    }
    messages.set(slot.candidate, await convocation(session, candidate, slot, sent));
  }
  const sits = new Map<string, typeof schedule.slots>();
  for (const slot of schedule.slots)
    for (const id of slot.jury) sits.set(id, [...(sits.get(id) ?? []), slot]);
  for (const [id, slots] of [...sits].sort(([a], [b]) => a.localeCompare(b))) {
    const member = members.get(id);
    if (!member) continue;
    messages.set(`jury-${id}`, await juryMailing(session, member, slots, people, members, sent));
    for (const slot of slots) {
      const invitation = await juryInvitation(
        session,
        member,
        slot,
        people.get(slot.candidate),
        members,
        sent,
      );
      messages.set(`jury-${id}-${slot.candidate}`, invitation);
    }
  }
  for (const withdrawn of schedule.cancelled ?? []) {
    const suffix = `${withdrawn.candidate}-cancel-v${withdrawn.version}`;
    const candidate = people.get(withdrawn.candidate);
    if (withdrawn.scope === 'defence' && candidate) {
      const to = { name: candidate.name, email: candidate.email };
      messages.set(suffix, await cancellation(session, withdrawn, to, sent));
    }
    for (const id of withdrawn.jury) {
      const member = members.get(id);
      if (!member) continue;
      const to = { name: member.name, email: member.email, juror: id };
      messages.set(`jury-${id}-${suffix}`, await cancellation(session, withdrawn, to, sent));
    }
  }
  const folder = join(loaded.dir, 'convocations');
  const files = [...messages]
    .flatMap(([name, m]) =>
      m.ics === undefined ? [`${name}.eml`] : [`${name}.eml`, `${name}.ics`],
    )
    .sort();
  const existing = await readdir(folder).then(
    (names) => names.filter((name) => OURS.test(name)),
    () => [] as string[],
  );
  const keep = new Set(files);
  const removed = existing.filter((name) => !keep.has(name)).sort();
  if (!options.dryRun) {
    for (const [name, message] of messages) {
      await writeIfChanged(join(folder, `${name}.eml`), message.eml);
      if (message.ics !== undefined) await writeIfChanged(join(folder, `${name}.ics`), message.ics);
    }
    for (const name of removed) await rm(join(folder, name), { force: true });
  }
  return { files, removed, problems };
}
