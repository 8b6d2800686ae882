/**
 * Writing what was collected into the final-exam part of outcomes.yaml, through the YAML
 * document so that staff's comments, the block results and the order of entries stay as they
 * are. A candidate without an entry gets one at the end. The file is validated by its schema
 * before it is written, atomically, and only when it changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document, YAMLMap } from 'yaml';
import { OutcomesFile, type FinalExam } from '../../schemas/outcomes.ts';
import { writeIfChanged } from '../files/atomic.ts';
import type { Collected } from './collect.ts';

const HEADER = '# yaml-language-server: $schema=../../schemas/json/outcomes.schema.json\n';

/** What changed for each candidate: `added`, `updated` or `unchanged`. */
export type OutcomeChange = 'added' | 'updated' | 'unchanged';

/** The final exam as outcomes.yaml records it, from what the papers said. */
function finalExamOf(collected: Collected, previous: FinalExam | undefined): FinalExam {
  // A PV alone carries decisions only: the sheet's texts already recorded stay.
  const base: FinalExam = collected.fromSheet ? {} : { ...previous };
  const exam: FinalExam = { ...base };
  if (collected.dossier) exam.dossier = collected.dossier;
  if (collected.oral) exam.oral = collected.oral;
  if (!collected.fromSheet) return exam;
  if (!collected.dossier && previous?.dossier) exam.dossier = previous.dossier;
  if (!collected.oral && previous?.oral) exam.oral = previous.oral;
  if (collected.motivation) exam.motivation = collected.motivation;
  if (collected.reasons) exam.reasons = collected.reasons;
  if (collected.recommendations) exam.recommendations = collected.recommendations;
  if (collected.criteria) exam.criteria = { ...collected.criteria };
  return exam;
}

/** JSON with sorted keys: the order fields were written in does not make a change. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

function entries(doc: Document): YAMLMap[] {
  const list = doc.get('outcomes');
  if (!isSeq(list)) {
    const seq = doc.createNode([]);
    doc.set('outcomes', seq);
    return [];
  }
  return list.items.filter((item): item is YAMLMap => isMap(item));
}

/**
 * Records the collected results in `<dir>/outcomes.yaml` (created when missing). Returns each
 * candidate's change and whether the file was written.
 */
export async function recordOutcomes(
  dir: string,
  collected: readonly Collected[],
): Promise<{ changes: Map<string, OutcomeChange>; written: boolean }> {
  const path = join(dir, 'outcomes.yaml');
  const text = await readFile(path, 'utf8').catch(() => `${HEADER}outcomes: []\n`);
  const doc = parseDocument(text);
  const before = OutcomesFile.parse(doc.toJS() ?? {});
  const changes = new Map<string, OutcomeChange>();
  for (const result of collected) {
    const previous = before.outcomes.find((o) => o.candidate === result.candidate);
    const exam = finalExamOf(result, previous?.finalExam);
    const node = entries(doc).find((e) => e.get('candidate') === result.candidate);
    if (!node) {
      const list = doc.get('outcomes');
      if (isSeq(list)) list.add(doc.createNode({ candidate: result.candidate, finalExam: exam }));
      changes.set(result.candidate, 'added');
      continue;
    }
    const same = canonical(previous?.finalExam ?? {}) === canonical(exam);
    if (!same) node.set('finalExam', doc.createNode(exam));
    changes.set(result.candidate, same ? 'unchanged' : 'updated');
  }
  const out = doc.toString({ lineWidth: 0 });
  // What is written must still be a valid outcomes.yaml (a bug here would lose staff's data).
  OutcomesFile.parse(parseDocument(out).toJS());
  const written = [...changes.values()].some((c) => c !== 'unchanged')
    ? await writeIfChanged(path, out)
    : false;
  return { changes, written };
}
