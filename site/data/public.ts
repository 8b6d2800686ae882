/**
 * What the public site may hold about a session: the projections the loaders store. Names
 * appear only when the session sets `publish.names`; e-mails, companies, tutors, evidence and
 * similarity sources never enter the site's data store.
 */
import { z } from 'zod';
import { FindingStatus, ResultStatus } from '../../schemas/result.ts';

/** A candidate as the site shows them. */
export const PublicCandidate = z.object({
  /** Public code. */
  code: z.string(),
  /** Specialisation block id. */
  specialisation: z.string(),
  /** Full name, only with `publish.names: true`. */
  name: z.string().optional(),
});
export type PublicCandidate = z.infer<typeof PublicCandidate>;

/** One check as the candidate reads it. */
const PublicCheck = z.object({
  /** Rule id: `deadline`, `pages`, `plan`, `format`, `similarity`, `submission`… */
  rule: z.string(),
  status: FindingStatus,
  /** The French message of the finding: the rule, the measured value, what to fix. */
  message: z.string(),
  /** Page of the dossier the finding points at, when known. */
  page: z.number().optional(),
});

/** The admissibility decision of one candidate. */
export const PublicResult = z.object({
  candidate: z.string(),
  status: ResultStatus,
  checks: z.array(PublicCheck),
});
export type PublicResult = z.infer<typeof PublicResult>;

/** One defence, times as UTC instants (ISO 8601). */
export const PublicSlot = z.object({
  candidate: z.string(),
  room: z.string(),
  /** Public label of the jury, e.g. `A`. */
  juryLabel: z.string(),
  start: z.string(),
  /** The candidate leaves. */
  end: z.string(),
  /** The room is free again. */
  deliberationEnd: z.string(),
  kind: z.enum(['planned', 'makeup']),
  /** Names of the jury members, only with `publish.names: true`. */
  jurors: z.array(z.string()).optional(),
});
export type PublicSlot = z.infer<typeof PublicSlot>;

/** The published order of passage. */
export const PublicSchedule = z.object({
  version: z.number(),
  /** By start, then room. */
  slots: z.array(PublicSlot),
  /** Codes of the candidates not (yet) scheduled. */
  unscheduled: z.array(z.string()),
});
export type PublicSchedule = z.infer<typeof PublicSchedule>;

/** A page of the school (`pages/<slug>.md`); its Markdown is the entry's body. */
export const PublicPage = z.object({
  /** The file name without `.md`: the page is at `/pages/<slug>/`. */
  slug: z.string(),
  title: z.string(),
  description: z.string().optional(),
  /** Text of the link on the home page. */
  label: z.string(),
  order: z.number(),
});
export type PublicPage = z.infer<typeof PublicPage>;

/** What is published yet: results and schedule are absent before the checks and the scheduling. */
export const Publication = z.object({
  /** A `results/` folder exists. */
  results: z.boolean(),
  /** `schedule.yaml` exists. */
  schedule: z.boolean(),
  /** `pages/` holds at least one page. */
  pages: z.boolean(),
});
export type Publication = z.infer<typeof Publication>;
