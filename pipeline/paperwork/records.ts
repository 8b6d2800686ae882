/** What collected papers say, and the problems met: the shapes shared by reading and merging. */
import type { CriterionLevel, ExamPart } from '../../schemas/evaluation.ts';
import type { ErrorDef } from '../errors.ts';
import type { Decision } from './fields.ts';

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

export function problem<A extends unknown[]>(
  def: ErrorDef<A>,
  args: A,
  place: { file: string; field?: string; candidate?: string },
  level: CollectProblem['level'] = 'error',
): CollectProblem {
  return { ...place, code: def.code, level, message: def.message(...args), fix: def.hint(...args) };
}

export const PART_FR: Readonly<Record<ExamPart, string>> = {
  dossier: 'partie écrite',
  oral: 'partie orale',
};
