/**
 * Merging the papers of one candidate: two sheets must agree on every field, a PV and a sheet
 * on the decisions (a PV row left empty contradicts nothing); « non validé » needs the sheet's
 * written reasons.
 */
import type { ExamPart } from '../../schemas/evaluation.ts';
import { Errors } from '../errors.ts';
import { SHEET, minutesDecision } from './fields.ts';
import {
  PART_FR,
  problem,
  type CollectProblem,
  type Collected,
  type PaperRecord,
} from './records.ts';

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
export function merge(
  records: readonly PaperRecord[],
  problems: CollectProblem[],
): Collected | undefined {
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
