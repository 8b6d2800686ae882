/**
 * `--collect`: filled sheets and PVs → what the jury decided for each candidate. Each file is
 * read on its own and every problem is a finding naming the file and the field; a refused
 * file, or a candidate whose papers disagree, records nothing, and the rest is collected:
 *
 * - a PDF of another session (hidden field `recevable.session`) or not made by
 *   `recevable paperwork` is refused;
 * - a sheet whose position is not filled in is refused; a part left empty is not recorded;
 * - « non validé » needs the written reasons (field `reasons` of the sheet); an absence does not;
 * - two papers for one candidate must agree: two sheets on every field, a PV and a sheet on
 *   the decisions; identical copies are fine.
 */
import { readFile } from 'node:fs/promises';
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { CriterionLevel, ExamPart } from '../../schemas/evaluation.ts';
import type { Session } from '../../schemas/session.ts';
import { Errors, type ErrorDef } from '../errors.ts';
import { DECISIONS, HIDDEN, LEVELS, SHEET, minutesDecision, type Decision } from './fields.ts';
import { readPaperFields, type PaperFields } from './read.ts';

/** A problem of one collected file. */
export interface CollectProblem {
  /** The file as given on the command line. */
  readonly file: string;
  /** The form field at fault, when there is one. */
  readonly field?: string;
  readonly candidate?: string;
  readonly code: string;
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly fix: string;
}

/** What one paper says about one candidate. */
export interface PaperRecord {
  readonly candidate: string;
  readonly file: string;
  readonly kind: 'evaluation' | 'minutes';
  readonly dossier?: Decision;
  readonly oral?: Decision;
  readonly motivation?: string;
  readonly reasons?: string;
  readonly recommendations?: string;
  readonly criteria?: Readonly<Record<string, CriterionLevel>>;
}

/** The jury's results for one candidate, from every paper that agreed. */
export interface Collected extends Omit<PaperRecord, 'file' | 'kind'> {
  /** The papers it comes from, sorted. */
  readonly files: readonly string[];
  /** True when a sheet (not only a PV) gave it: the sheet's fields replace the whole final exam. */
  readonly fromSheet: boolean;
}

function problem<A extends unknown[]>(
  def: ErrorDef<A>,
  args: A,
  place: { file: string; field?: string; candidate?: string },
  level: CollectProblem['level'] = 'error',
): CollectProblem {
  return { ...place, code: def.code, level, message: def.message(...args), fix: def.hint(...args) };
}

const PART_FR: Readonly<Record<ExamPart, string>> = {
  dossier: 'partie écrite',
  oral: 'partie orale',
};

/** Reads one radio group; a value it cannot hold is a problem. */
function choice<T extends string>(
  fields: PaperFields,
  name: string,
  allowed: readonly T[],
  file: string,
  problems: CollectProblem[],
): T | undefined {
  const value = fields.radios.get(name);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(
    problem(Errors.PaperworkBadValue, [file, name, value, allowed.join(', ')], {
      file,
      field: name,
    }),
  );
  return undefined;
}

function sheetRecord(
  fields: PaperFields,
  candidate: string,
  file: string,
  problems: CollectProblem[],
): PaperRecord | undefined {
  const before = problems.length;
  const dossier = choice(fields, SHEET.decision('dossier'), DECISIONS.dossier, file, problems);
  const oral = choice(fields, SHEET.decision('oral'), DECISIONS.oral, file, problems);
  const criteria: Record<string, CriterionLevel> = {};
  for (const name of [...fields.radios.keys()].sort()) {
    if (!name.startsWith('criteria.')) continue;
    const level = choice(fields, name, LEVELS, file, problems);
    if (level) criteria[name.slice('criteria.'.length)] = level;
  }
  if (problems.length > before) return undefined;
  if (dossier === undefined && oral === undefined) {
    const names = [SHEET.decision('dossier'), SHEET.decision('oral')];
    problems.push(
      problem(Errors.PaperworkEmpty, [file, names.join(' and ')], {
        file,
        field: names[0],
        candidate,
      }),
    );
    return undefined;
  }
  const text = (name: string) => fields.texts.get(name);
  const record: PaperRecord = {
    candidate,
    file,
    kind: 'evaluation',
    ...(dossier ? { dossier } : {}),
    ...(oral ? { oral } : {}),
    ...(text(SHEET.motivation) ? { motivation: text(SHEET.motivation) } : {}),
    ...(text(SHEET.reasons) ? { reasons: text(SHEET.reasons) } : {}),
    ...(text(SHEET.recommendations) ? { recommendations: text(SHEET.recommendations) } : {}),
    ...(Object.keys(criteria).length > 0 ? { criteria } : {}),
  };
  for (const part of ['dossier', 'oral'] as const) {
    if (record[part] === undefined) {
      const field = SHEET.decision(part);
      problems.push(
        problem(
          Errors.PaperworkPartEmpty,
          [file, field, part, candidate],
          { file, field, candidate },
          'warning',
        ),
      );
    }
  }
  return record;
}

function minutesRecords(
  fields: PaperFields,
  file: string,
  problems: CollectProblem[],
): PaperRecord[] {
  const codes = new Set<string>();
  for (const name of fields.radios.keys()) {
    const match = /^candidate\.([^.]+)\.(dossier|oral)$/.exec(name);
    if (match?.[1]) codes.add(match[1]);
  }
  const records: PaperRecord[] = [];
  for (const candidate of [...codes].sort()) {
    const dossier = choice(
      fields,
      minutesDecision(candidate, 'dossier'),
      DECISIONS.dossier,
      file,
      problems,
    );
    const oral = choice(fields, minutesDecision(candidate, 'oral'), DECISIONS.oral, file, problems);
    if (dossier === undefined && oral === undefined) continue;
    records.push({
      candidate,
      file,
      kind: 'minutes',
      ...(dossier ? { dossier } : {}),
      ...(oral ? { oral } : {}),
    });
  }
  return records;
}

/** The records one file gives, after checking it belongs to the session. */
async function readOne(
  file: string,
  session: Session,
  known: ReadonlySet<string>,
  problems: CollectProblem[],
): Promise<PaperRecord[]> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) {
    problems.push(
      problem(
        Errors.PaperworkUnreadable,
        [file, bytes.code === 'ENOENT' ? 'no such file' : bytes.message],
        { file },
      ),
    );
    return [];
  }
  const read = await readPaperFields(bytes);
  if (!read.ok) {
    problems.push(problem(Errors.PaperworkUnreadable, [file, read.reason], { file }));
    return [];
  }
  const { fields } = read;
  const sessionId = fields.texts.get(HIDDEN.session);
  const kind = fields.texts.get(HIDDEN.document);
  if (sessionId === undefined || (kind !== 'evaluation' && kind !== 'minutes')) {
    const field = sessionId === undefined ? HIDDEN.session : HIDDEN.document;
    problems.push(problem(Errors.PaperworkNotPaperwork, [file, field], { file, field }));
    return [];
  }
  if (sessionId !== session.id) {
    problems.push(
      problem(Errors.PaperworkForeign, [file, HIDDEN.session, sessionId, session.id], {
        file,
        field: HIDDEN.session,
      }),
    );
    return [];
  }
  if (kind === 'minutes') {
    const records = minutesRecords(fields, file, problems);
    return records.filter((r) => {
      if (known.has(r.candidate)) return true;
      const field = minutesDecision(r.candidate, 'dossier');
      problems.push(
        problem(Errors.PaperworkUnknownCandidate, [file, field, r.candidate], { file, field }),
      );
      return false;
    });
  }
  const candidate = fields.texts.get(HIDDEN.candidate);
  if (candidate === undefined || !known.has(candidate)) {
    const field = HIDDEN.candidate;
    if (candidate === undefined)
      problems.push(problem(Errors.PaperworkNotPaperwork, [file, field], { file, field }));
    else
      problems.push(
        problem(Errors.PaperworkUnknownCandidate, [file, field, candidate], {
          file,
          field,
          candidate,
        }),
      );
    return [];
  }
  const record = sheetRecord(fields, candidate, file, problems);
  return record ? [record] : [];
}

const SHEET_KEYS = [
  'dossier',
  'oral',
  'motivation',
  'reasons',
  'recommendations',
  'criteria',
] as const;
const DECISION_KEYS = ['dossier', 'oral'] as const;

const show = (value: unknown): string =>
  value === undefined
    ? 'nothing'
    : typeof value === 'string'
      ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
      : JSON.stringify(value);

const fieldOf = (record: PaperRecord, key: (typeof SHEET_KEYS)[number]): string =>
  record.kind === 'minutes'
    ? minutesDecision(record.candidate, key as ExamPart)
    : key === 'dossier' || key === 'oral'
      ? SHEET.decision(key)
      : key === 'criteria'
        ? 'criteria.*'
        : SHEET[key];

/** The first difference between two papers of one candidate, if they disagree. */
function disagreement(a: PaperRecord, b: PaperRecord): (typeof SHEET_KEYS)[number] | undefined {
  const keys = a.kind === 'evaluation' && b.kind === 'evaluation' ? SHEET_KEYS : DECISION_KEYS;
  return keys.find((key) => {
    if (key !== 'dossier' && key !== 'oral')
      return JSON.stringify(a[key]) !== JSON.stringify(b[key]);
    // A PV row left empty for a part does not contradict the sheet.
    if (a.kind !== b.kind && (a[key] === undefined || b[key] === undefined)) return false;
    return a[key] !== b[key];
  });
}

/** Merges the papers of one candidate, or reports why they cannot be. */
function merge(records: readonly PaperRecord[], problems: CollectProblem[]): Collected | undefined {
  let ok = true;
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i];
      const b = records[j];
      if (!a || !b || a.file === b.file) continue;
      const key = disagreement(a, b);
      if (!key) continue;
      ok = false;
      for (const [mine, theirs] of [
        [a, b],
        [b, a],
      ] as const) {
        const field = fieldOf(mine, key);
        problems.push(
          problem(
            Errors.PaperworkConflict,
            [mine.file, field, mine.candidate, theirs.file, show(mine[key]), show(theirs[key])],
            {
              file: mine.file,
              field,
              candidate: mine.candidate,
            },
          ),
        );
      }
    }
  }
  if (!ok) return undefined;
  const sheet = records.find((r) => r.kind === 'evaluation');
  const first = sheet ?? records[0];
  if (!first) return undefined;
  const pick = (part: ExamPart) =>
    sheet?.[part] ?? records.find((r) => r[part] !== undefined)?.[part];
  const dossier = pick('dossier');
  const oral = pick('oral');
  const failed = (['dossier', 'oral'] as const).filter(
    (p) => (p === 'dossier' ? dossier : oral) === 'failed',
  );
  if (failed.length > 0 && !sheet?.reasons) {
    const where = sheet ?? records.find((r) => failed.some((p) => r[p] === 'failed')) ?? first;
    const field =
      where.kind === 'evaluation'
        ? SHEET.reasons
        : minutesDecision(where.candidate, failed[0] ?? 'dossier');
    const parts = failed.map((p) => `${PART_FR[p]} non validée`).join(', ');
    problems.push(
      problem(Errors.PaperworkReasonsMissing, [where.file, field, where.candidate, parts], {
        file: where.file,
        field,
        candidate: where.candidate,
      }),
    );
    return undefined;
  }
  const texts: Partial<PaperRecord> = sheet ?? {};
  return {
    candidate: first.candidate,
    ...(dossier ? { dossier } : {}),
    ...(oral ? { oral } : {}),
    files: [...new Set(records.map((r) => r.file))].sort(),
    ...(texts.motivation ? { motivation: texts.motivation } : {}),
    ...(texts.reasons ? { reasons: texts.reasons } : {}),
    ...(texts.recommendations ? { recommendations: texts.recommendations } : {}),
    ...(texts.criteria ? { criteria: texts.criteria } : {}),
    fromSheet: sheet !== undefined,
  };
}

/** Collects the files; one file's problems never stop the others. */
export async function collectPapers(
  session: Session,
  candidates: CandidatesFile,
  files: readonly string[],
): Promise<{ collected: Collected[]; problems: CollectProblem[] }> {
  const problems: CollectProblem[] = [];
  const known = new Set(candidates.candidates.map((c) => c.code));
  const byCandidate = new Map<string, PaperRecord[]>();
  for (const file of files) {
    for (const record of await readOne(file, session, known, problems)) {
      byCandidate.set(record.candidate, [...(byCandidate.get(record.candidate) ?? []), record]);
    }
  }
  const collected: Collected[] = [];
  for (const code of [...byCandidate.keys()].sort()) {
    const merged = merge(byCandidate.get(code) ?? [], problems);
    if (merged) collected.push(merged);
  }
  return { collected, problems };
}
