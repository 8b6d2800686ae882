/** `content/<session>/results/<code>.yaml`: the admissibility decision for one candidate. */
import { z } from 'zod';
import { dateTime, id } from './common.ts';

/** Outcome of one rule. */
export const FindingStatus = z.enum(['pass', 'fail', 'review', 'error']);
export type FindingStatus = z.infer<typeof FindingStatus>;

/** What one check found, with the evidence a human needs to see why. */
export const Finding = z.strictObject({
  /** The rule checked: `deadline`, `pages`, `plan`, `format`, `similarity`, `submission`. */
  rule: z.string().min(1),
  /** `pass`, `fail`, `review` (a human decides) or `error` (could not be checked). */
  status: FindingStatus,
  /** What the candidate reads, in French: the rule, the measured value, what to fix. */
  message: z.string().min(1),
  /** What staff read, in English, with the numbers behind the decision. */
  detail: z.string().min(1),
  /** Measured values (page count and method, matched headings, similarity share…). */
  evidence: z.record(z.string(), z.unknown()).default({}),
  /** Where it was found. */
  place: z
    .strictObject({
      /** File, relative to the session folder. */
      file: z.string(),
      /** Page, 1-based, when known. */
      page: z.number().int().min(1).optional(),
    })
    .optional(),
});
export type Finding = z.infer<typeof Finding>;

/** Overall admissibility of a dossier. */
export const ResultStatus = z.enum(['admissible', 'not-admissible', 'needs-review', 'error']);
export type ResultStatus = z.infer<typeof ResultStatus>;

/** The whole result file of one candidate. */
export const Result = z.strictObject({
  /** Public code of the candidate. */
  candidate: id(),
  /** `admissible` (all pass), `not-admissible` (a fail), `needs-review`, `error`. */
  status: ResultStatus,
  /** The submission that was decided (the latest before the deadline). */
  submission: z
    .strictObject({
      /** File, relative to the session folder. */
      file: z.string(),
      /** When it was received, as written in submissions.yaml. */
      receivedAt: dateTime(),
      /** SHA-256 of the file's bytes, hex. */
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      /** Other submissions of the candidate and why they were not decided. */
      ignored: z.array(z.strictObject({ file: z.string(), reason: z.string() })).default([]),
    })
    .optional(),
  /** One finding per rule, keyed by rule. */
  checks: z.record(z.string(), Finding),
  /** Tool that decided, for reproducibility. */
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  /** The session rules in force (copied so the decision can be audited later). */
  rules: z.record(z.string(), z.unknown()).default({}),
});
export type Result = z.infer<typeof Result>;

/** `content/<session>/results/summary.yaml`: the session at a glance. */
export const ResultsSummary = z.strictObject({
  /** Session id. */
  session: id(),
  /** Count per overall status. */
  counts: z.record(ResultStatus, z.number().int().min(0)),
  /** One line per candidate, by code. */
  candidates: z.array(z.strictObject({ candidate: id(), status: ResultStatus })),
  /** Tool that decided. */
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  /** Findings about submissions that belong to no enrolled candidate (unknown code). */
  findings: z.array(Finding).default([]),
});
export type ResultsSummary = z.infer<typeof ResultsSummary>;
