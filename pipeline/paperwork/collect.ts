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
import { readFile, stat } from 'node:fs/promises';
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { CriterionLevel } from '../../schemas/evaluation.ts';
import type { Session } from '../../schemas/session.ts';
import { Errors } from '../errors.ts';
import { DECISIONS, HIDDEN, LEVELS, SHEET, minutesDecision } from './fields.ts';
import { merge } from './merge.ts';
import { MAX_PAPER_BYTES, readPaperFields, type PaperFields } from './read.ts';
import { problem, type CollectProblem, type Collected, type PaperRecord } from './records.ts';

export type { CollectProblem, Collected } from './records.ts';

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
  // Checked before reading: a huge file or a pipe is never loaded into memory.
  const info = await stat(file).catch(() => undefined);
  const refusal = !info
    ? undefined
    : !info.isFile()
      ? 'not a regular file'
      : info.size > MAX_PAPER_BYTES
        ? `${info.size} bytes, more than a sheet can be (${MAX_PAPER_BYTES})`
        : undefined;
  if (refusal) {
    problems.push(problem(Errors.PaperworkUnreadable, [file, refusal], { file }));
    return [];
  }
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
