/** `content/<session>/session.yaml`: every setting of a certification session. */
import { z } from 'zod';
import { clock, day, id, isTimeZone, localDateTime } from './common.ts';
import { Evaluation } from './evaluation.ts';

/** A competency block of the certification. */
export const Block = z.strictObject({
  /** Stable id used everywhere else, e.g. `B4`. */
  id: id(),
  /** `socle`: taken by every candidate; `specialisation`: one of them per candidate. */
  kind: z.enum(['socle', 'specialisation']),
  /** Official title, as printed on convocations and attestations. */
  title: z.string().min(1),
});
export type Block = z.infer<typeof Block>;

/** A key date of the session: one instant (`at`) or a span of days (`from` … `to`). */
export const KeyDate = z.union([
  z.strictObject({
    /** Stable id, referenced by `rules.deadline` and `defence.convocationsSentOn`. */
    id: id(),
    /** A day (`2023-09-04`) or a local date and time (`2023-08-25T12:00`) in the session's timezone. */
    at: z.union([day(), localDateTime()]),
    /** Title shown on the public site, in French. */
    title: z.string().min(1),
    /** Optional longer text shown under the title. */
    description: z.string().optional(),
  }),
  z.strictObject({
    /** Stable id, referenced by rules and defence settings. */
    id: id(),
    /** First day of the span, `YYYY-MM-DD`. */
    from: day(),
    /** Last day of the span (inclusive), `YYYY-MM-DD`. */
    to: day(),
    /** Title shown on the public site, in French. */
    title: z.string().min(1),
    /** Optional longer text shown under the title. */
    description: z.string().optional(),
  }),
]);
export type KeyDate = z.infer<typeof KeyDate>;

/** What a section of the plan is for, whatever its title: `toc`, `introduction`, `environment` (the host organisation), `skills` (the candidate's missions and competences), `conclusion`. */
export const PlanRole = z.enum(['toc', 'introduction', 'environment', 'skills', 'conclusion']);
export type PlanRole = z.infer<typeof PlanRole>;

/** One section of the required plan. */
export const PlanSection = z.strictObject({
  /** Stable id of the section, e.g. `introduction`. */
  id: id(),
  /** The title the référentiel gives, e.g. `Environnement professionnel`. */
  title: z.string().min(1),
  /** Other titles accepted for this section, e.g. `Table des matières` for `Sommaire`: as good as the title, even with `planMatching: strict`. */
  aliases: z.array(z.string().min(1)).default([]),
  /** What the référentiel says the section holds, e.g. `activité et secteur de l'entreprise, cartographie du S.I.`: its words help recognise the section by its content. */
  description: z.string().min(1).optional(),
  /** Equivalent titles the school accepts, e.g. `Présentation de l'entreprise`: a match passes, or is `review` with `planMatching: strict`. */
  accept: z.array(z.string().min(1)).default([]),
  /** The role the section plays, for the built-in French lexicon of equivalents; inferred from the title when absent. */
  role: PlanRole.optional(),
});
export type PlanSection = z.infer<typeof PlanSection>;

/** Thresholds of the similarity (anti-plagiarism) rule. */
export const SimilarityRule = z.strictObject({
  /** Share of the candidate's own prose found elsewhere from which a human must review (0–1). */
  review: z.number().min(0).max(1),
  /** Share from which the dossier is not admissible (0–1, at least `review`). */
  reject: z.number().min(0).max(1),
  /** Shortest matched passage that counts, in words. */
  minWords: z.number().int().min(4).default(15),
  /** Folder of the corpus index, relative to session.yaml or absolute. */
  corpus: z.string().min(1).default('../corpus'),
});
export type SimilarityRule = z.infer<typeof SimilarityRule>;

/** The admissibility rules (référentiel du dossier professionnel). */
export const Rules = z.strictObject({
  /** Id of the key date that is the submission deadline. */
  deadline: id(),
  /** Page count of an admissible dossier, inclusive bounds. */
  pages: z.strictObject({
    /** Fewest pages allowed. */
    min: z.number().int().min(1),
    /** Most pages allowed. */
    max: z.number().int().min(1),
  }),
  /** Required sections, in the required order. */
  plan: z.array(PlanSection).min(1),
  /** `roles` (default): a section named by a recognised equivalent of its role passes; `strict`: only the title or an alias passes, equivalents are `review`. */
  planMatching: z.enum(['roles', 'strict']).default('roles'),
  /** Similarity thresholds; without it, the rule is not checked. */
  similarity: SimilarityRule.optional(),
  /** Text recognised (OCR) on scanned pages. */
  ocr: z
    .strictObject({
      /** Mean OCR confidence (0–1) from which the plan rule decides on recognised text; below it, the plan is `review`. */
      minConfidence: z.number().min(0).max(1).default(0.85),
    })
    .default({ minConfidence: 0.85 }),
  /** Who may present a dossier: an alternance, or an internship of at least this length; without it, the rule is not checked. */
  eligibility: z
    .strictObject({
      /** Shortest internship (`pathway.kind: stage`) accepted, in calendar months, dates inclusive. */
      internshipMinMonths: z.number().int().min(1),
    })
    .optional(),
  /** Id of the key date by which every candidate has a dossier topic and a tutor (`validate` warns after it); without it, the key date `tableau-sujets` when there is one. */
  topicTable: id().optional(),
});
export type Rules = z.infer<typeof Rules>;

/** A room where defences take place. */
export const Room = z.strictObject({
  /** Stable id, e.g. `R101`. */
  id: id(),
  /** Name shown on the site and the door sign, e.g. `Salle 101`. */
  name: z.string().min(1),
});
export type Room = z.infer<typeof Room>;

/** How the oral defences are organised. */
export const Defence = z.strictObject({
  /** Id of the key date spanning the defences; every day of `days` falls within it. */
  keyDate: id(),
  /** Days on which defences take place, `YYYY-MM-DD`. */
  days: z.array(day()).min(1),
  /** Days after the defences offered to justified absentees ("passage ultérieur"). */
  makeUpDays: z.array(day()).default([]),
  /** Opening hours of a defence day, in the session's timezone. */
  hours: z.strictObject({
    /** First defence may start at, `HH:MM`. */
    start: clock(),
    /** Last defence (with deliberation) ends by, `HH:MM`. */
    end: clock(),
    /** Pauses with no defence, as `[start, end]` pairs. */
    breaks: z.array(z.tuple([clock(), clock()])).default([]),
  }),
  /** Oral presentation, minutes. */
  presentationMinutes: z.number().int().min(1),
  /** Interview with the jury, minutes. */
  interviewMinutes: z.number().int().min(1),
  /** The jury deliberates alone afterwards, minutes. */
  deliberationMinutes: z.number().int().min(0),
  /** Convocations are sent at least this many days before the defence. */
  convocationNoticeDays: z.number().int().min(0),
  /** Id of the key date on which convocations are sent. */
  convocationsSentOn: id(),
  /** Most defences one jury member sits in a day. */
  maxDefencesPerMemberPerDay: z.number().int().min(1).default(8),
  /** Members per jury (the référentiel: two external professionals). */
  jurySize: z.number().int().min(1).default(2),
  /** Where defences take place. */
  venue: z.strictObject({
    /** Name of the place, e.g. `EPSI Montpellier`. */
    name: z.string().min(1),
    /** Postal address printed on convocations. */
    address: z.string().min(1),
  }),
  /** Rooms available for defences. */
  rooms: z.array(Room).min(1),
  /** Sender of convocations and jury mailings (`From:`); without it, the venue's name and a non-deliverable `.invalid` address. */
  organiser: z
    .strictObject({
      /** Name shown as the sender, e.g. `EPSI Montpellier — Certifications`. */
      name: z.string().min(1),
      /** Address candidates and jurors reply to. */
      email: z.email(),
    })
    .optional(),
});
export type Defence = z.infer<typeof Defence>;

/** A certification session. */
export const Session = z.strictObject({
  /** Stable id of the session, e.g. `epsi-2023`; part of public calendar UIDs. */
  id: id(),
  /** Full title shown on the site. */
  title: z.string().min(1),
  /** IANA timezone in which every time without offset is read, e.g. `Europe/Paris`. */
  timezone: z.string().refine(isTimeZone, 'expected an IANA timezone such as Europe/Paris'),
  /** Where the site is published, used for absolute links in calendars (optional). */
  url: z.url().optional(),
  /** Competency blocks: the socle and the specialisations. */
  blocks: z.array(Block).min(1),
  /** Key dates of the session, shown on the home page and in the calendar feed. */
  keyDates: z.array(KeyDate).min(1),
  /** Admissibility rules. */
  rules: Rules,
  /** Organisation of the oral defences. */
  defence: Defence,
  /** The evaluation grid of the jury's sheets (`recevable paperwork`); without it, no sheet can be made. */
  evaluation: Evaluation.optional(),
  /** How `recevable send` reaches the school's SMTP server (`RECEVABLE_SMTP_URL` overrides it). Never a password here: it comes from `RECEVABLE_SMTP_PASSWORD`. */
  mail: z
    .strictObject({
      /** The SMTP server; port 465 is implicit TLS, any other port upgrades with STARTTLS when offered. */
      smtp: z
        .strictObject({
          /** Host name or address, e.g. `smtp.example.org`. */
          host: z.string().min(1),
          /** TCP port, e.g. 587 (submission) or 465 (TLS). */
          port: z.number().int().min(1).max(65535),
        })
        .optional(),
    })
    .optional(),
  /** What the public site may show. */
  publish: z
    .strictObject({
      /** Show candidates' and jurors' names instead of their public codes. */
      names: z.boolean().default(false),
    })
    .default({ names: false }),
});
export type Session = z.infer<typeof Session>;
