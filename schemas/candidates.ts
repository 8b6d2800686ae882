/** `content/<session>/candidates.yaml`: who is enrolled, and their tutors. */
import { z } from 'zod';
import { day, id } from './common.ts';

/** Where the candidate's missions were done: an apprenticeship, or an internship with its dates. */
export const Pathway = z.strictObject({
  /** `alternance` (apprenticeship or professionalisation contract) or `stage` (internship). */
  kind: z.enum(['alternance', 'stage']),
  /** First day of the contract or internship, `YYYY-MM-DD`. */
  from: day().optional(),
  /** Last day (inclusive), `YYYY-MM-DD`. */
  to: day().optional(),
});
export type Pathway = z.infer<typeof Pathway>;

/** A candidate of the session. */
export const Candidate = z.strictObject({
  /** Public code, shown instead of the name on the site, e.g. `C001`. */
  code: id(),
  /** Full name (private unless `publish.names`). */
  name: z.string().min(1),
  /** E-mail address the convocation is sent to (private). */
  email: z.email(),
  /** Id of the specialisation block taken, e.g. `B4`. */
  specialisation: id(),
  /** Company of the apprenticeship or internship (private); no juror from it sits. */
  company: z.string().min(1).optional(),
  /** Id of the candidate's tutor, who never sits on their jury. */
  tutor: id().optional(),
  /** Topic of the dossier professionnel, from the « Sujet dossier / tuteurs » table (private). */
  topic: z.string().min(1).optional(),
  /** The apprenticeship or internship the dossier is written from; the `eligibility` rule reads it. */
  pathway: Pathway.optional(),
  /** Days the candidate cannot defend, `YYYY-MM-DD`. */
  unavailable: z.array(day()).default([]),
  /** Absence from a published defence: `justified` gets a later slot, `unjustified` does not. */
  absent: z.enum(['justified', 'unjustified']).optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** A tutor accompanying candidates (three meetings and a defence preparation). */
export const Tutor = z.strictObject({
  /** Stable id, e.g. `T03`. */
  id: id(),
  /** Full name (private). */
  name: z.string().min(1),
  /** E-mail address (private). */
  email: z.email(),
  /** Employer, when the tutor is also a professional (private). */
  company: z.string().min(1).optional(),
});
export type Tutor = z.infer<typeof Tutor>;

/** The whole file. */
export const CandidatesFile = z.strictObject({
  /** Every candidate of the session. */
  candidates: z.array(Candidate),
  /** Every tutor named by a candidate. */
  tutors: z.array(Tutor).default([]),
});
export type CandidatesFile = z.infer<typeof CandidatesFile>;
