/**
 * What paperwork a session needs, from its schedule: one evaluation sheet per scheduled
 * defence and one procès-verbal per jury and day, each with everything it prints. Pure: the
 * same session, candidates, juries and schedule give the same models, and each model holds
 * exactly what its PDF shows, so a digest of it tells whether the PDF changed.
 */
import type { Candidate, CandidatesFile } from '../../schemas/candidates.ts';
import type { Criterion } from '../../schemas/evaluation.ts';
import type { JuriesFile } from '../../schemas/juries.ts';
import type { Schedule, Slot } from '../../schemas/schedule.ts';
import type { Block, Session } from '../../schemas/session.ts';
import { frenchDay, frenchTime } from '../calendar/french.ts';
import { requiredBlocks } from '../outcomes/decide.ts';
import { dayInZone } from '../time.ts';

/** A juror as printed. */
export interface Juror {
  readonly id: string;
  readonly name: string;
  readonly company: string;
}

/** What every document of the session prints in its header. */
export interface SessionHeader {
  readonly id: string;
  readonly title: string;
  readonly venue: string;
  readonly address: string;
}

/** One defence as printed on its sheet and on its jury's PV. */
export interface Defence {
  readonly candidate: string;
  readonly name: string;
  /** The specialisation block, or its id when session.yaml has no such block. */
  readonly specialisation: Block | string;
  /** `YYYY-MM-DD` in the session's timezone. */
  readonly day: string;
  /** « jeudi 21 septembre 2023 ». */
  readonly dayText: string;
  /** « 08 h 30 ». */
  readonly start: string;
  /** « 09 h 15 »: end of the interview. */
  readonly end: string;
  readonly room: string;
  /** A later slot after a justified absence. */
  readonly makeup: boolean;
}

/** An evaluation sheet. */
export interface SheetModel {
  readonly kind: 'evaluation';
  /** Path relative to `paperwork/`, e.g. `fiches/C001.pdf`. */
  readonly file: string;
  readonly session: SessionHeader;
  readonly defence: Defence;
  /** The blocks at stake: the socle and the candidate's specialisation. */
  readonly blocks: readonly Block[];
  readonly juryLabel: string;
  readonly jury: readonly Juror[];
  readonly format: { readonly presentationMinutes: number; readonly interviewMinutes: number };
  /** The criteria printed, in grid order: the written part's, then the oral's. */
  readonly grid: readonly Criterion[];
  /** The defence's start, as the document's date. */
  readonly date: string;
}

/** A procès-verbal of one jury on one day. */
export interface MinutesModel {
  readonly kind: 'minutes';
  /** Path relative to `paperwork/`, e.g. `proces-verbaux/2023-09-21-jury-A.pdf`. */
  readonly file: string;
  readonly session: SessionHeader;
  readonly day: string;
  readonly dayText: string;
  readonly juryLabel: string;
  readonly jury: readonly Juror[];
  /** Every defence of that jury that day, by start. */
  readonly defences: readonly Defence[];
  /** The first defence's start, as the document's date. */
  readonly date: string;
}

export type PaperModel = SheetModel | MinutesModel;

/** A slot the paperwork cannot print, and why (schedule.yaml out of date). */
export interface Skipped {
  readonly candidate: string;
  readonly reason: string;
}

/** Directories of `paperwork/`. */
export const SHEETS_DIR = 'fiches';
export const MINUTES_DIR = 'proces-verbaux';

/** The criteria a candidate's sheet prints: those of no block, or naming a block at stake. */
export function gridFor(grid: readonly Criterion[], blocks: readonly Block[]): Criterion[] {
  const ids = new Set(blocks.map((b) => b.id));
  const ordered = [
    ...grid.filter((c) => c.part === 'dossier'),
    ...grid.filter((c) => c.part === 'oral'),
  ];
  return ordered.filter((c) => c.blocks.length === 0 || c.blocks.some((b) => ids.has(b)));
}

function defenceOf(slot: Slot, candidate: Candidate, session: Session): Defence {
  const tz = session.timezone;
  const start = new Date(slot.start);
  const day = dayInZone(start, tz);
  const specialisation =
    session.blocks.find((b) => b.id === candidate.specialisation) ?? candidate.specialisation;
  return {
    candidate: candidate.code,
    name: candidate.name,
    specialisation,
    day,
    dayText: frenchDay(day),
    start: frenchTime(start, tz),
    end: frenchTime(new Date(slot.end), tz),
    room: session.defence.rooms.find((r) => r.id === slot.room)?.name ?? slot.room,
    makeup: slot.kind === 'makeup',
  };
}

/** The sheets and PVs of the schedule, sorted by file; slots that name unknown people are skipped. */
export function planPaperwork(
  session: Session,
  candidates: CandidatesFile,
  juries: JuriesFile,
  schedule: Schedule,
): { papers: PaperModel[]; skipped: Skipped[] } {
  const header: SessionHeader = {
    id: session.id,
    title: session.title,
    venue: session.defence.venue.name,
    address: session.defence.venue.address,
  };
  const grid = session.evaluation?.grid ?? [];
  const papers: PaperModel[] = [];
  const skipped: Skipped[] = [];
  const minutes = new Map<string, { slots: Slot[]; jury: Juror[]; defences: Defence[] }>();
  for (const slot of schedule.slots) {
    const candidate = candidates.candidates.find((c) => c.code === slot.candidate);
    const jury = slot.jury.map((id) => juries.members.find((m) => m.id === id));
    if (!candidate || jury.some((m) => m === undefined)) {
      const who = candidate ? `jury member ${slot.jury.join(', ')}` : 'the candidate';
      skipped.push({ candidate: slot.candidate, reason: `${who} not found` });
      continue;
    }
    const jurors = jury.flatMap((m) => (m ? [{ id: m.id, name: m.name, company: m.company }] : []));
    const defence = defenceOf(slot, candidate, session);
    const blocks =
      requiredBlocks(candidate, session) ?? session.blocks.filter((b) => b.kind === 'socle');
    papers.push({
      kind: 'evaluation',
      file: `${SHEETS_DIR}/${candidate.code}.pdf`,
      session: header,
      defence,
      blocks,
      juryLabel: slot.juryLabel,
      jury: jurors,
      format: {
        presentationMinutes: session.defence.presentationMinutes,
        interviewMinutes: session.defence.interviewMinutes,
      },
      grid: gridFor(grid, blocks),
      date: slot.start,
    });
    const key = `${defence.day}-jury-${slot.juryLabel}`;
    const entry = minutes.get(key) ?? { slots: [], jury: jurors, defences: [] };
    entry.slots.push(slot);
    entry.defences.push(defence);
    minutes.set(key, entry);
  }
  for (const [key, entry] of minutes) {
    const order = entry.slots
      .map((slot, i) => ({ slot, defence: entry.defences[i] }))
      .sort((a, b) => Date.parse(a.slot.start) - Date.parse(b.slot.start));
    const first = order[0];
    if (!first?.defence) continue;
    papers.push({
      kind: 'minutes',
      file: `${MINUTES_DIR}/${key}.pdf`,
      session: header,
      day: first.defence.day,
      dayText: first.defence.dayText,
      juryLabel: first.slot.juryLabel,
      jury: entry.jury,
      defences: order.flatMap((o) => (o.defence ? [o.defence] : [])),
      date: first.slot.start,
    });
  }
  papers.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { papers, skipped };
}
