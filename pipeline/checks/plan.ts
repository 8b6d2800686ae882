/**
 * plan: the required sections (`rules.plan`) appear in the required order. A section is found by
 * its title or an alias, or by a heading that plays its role (`roles.ts`: the school's accepted
 * equivalents, the built-in lexicon, the host's name, the text under the heading). The policy
 * fails only when sure: `pass` when every section is found beyond doubt and in order; `review`
 * when one is found only through a weaker equivalent or a line of text; `fail` when nothing plays
 * a section's role, or when sections found beyond doubt are out of order.
 */
import type { Document } from '../../schemas/document.ts';
import type { Finding } from '../../schemas/result.ts';
import type { PlanSection, Session } from '../../schemas/session.ts';
import { ocrConfidence, percent } from '../read/ocr-confidence.ts';
import { assign } from './plan-assign.ts';
import { candidates, type Candidate } from './plan-candidates.ts';
import { finding, type Check } from './types.ts';

const RULE = 'plan';

const page = (p?: number) => (p === undefined ? '' : ` (p. ${p})`);

/** How a section reads in a message: its title, and the heading that plays it when renamed. */
function named(section: PlanSection, pick: Candidate): string {
  const exact = pick.how === 'title' || pick.how === 'alias' || pick.how === 'toc';
  if (exact) return `${section.title}${page(pick.at.page)}`;
  const where = pick.at.page === undefined ? '' : `, p. ${pick.at.page}`;
  return `${section.title} (« ${pick.at.text} »${where})`;
}

function noHeadings(document: Document, file: string, required: string) {
  return finding(
    RULE,
    'review',
    `Les titres de votre dossier n'ont pas pu être repérés automatiquement ; l'équipe pédagogique vérifiera que le plan demandé est suivi : ${required}.`,
    `No headings detected (text layer: ${document.textLayer}); the plan must be checked by a person.`,
    { headings: document.headings.length, textLayer: document.textLayer },
    { file },
  );
}

/**
 * On text recognised from a scan (OCR), the plan passes only at or above the session's
 * `rules.ocr.minConfidence`, and never fails: a heading the OCR misread or could not size
 * (it sees no bold) is not the candidate's fault. Both become `review`, saying why.
 */
export const plan: Check = (document, submission, session, candidate) => {
  const found = followed(document, submission, session, candidate);
  const confidence = ocrConfidence(document);
  if (confidence === undefined) return found;
  const { minConfidence } = session.rules.ocr;
  const evidence = { ...found.evidence, ocrConfidence: Math.round(confidence * 100) / 100 };
  const sure = confidence >= minConfidence;
  if (found.status === 'pass' && sure) return { ...found, evidence };
  if (found.status !== 'pass' && found.status !== 'fail') return { ...found, evidence };
  return ocrReview(found, confidence, session, evidence);
};

function ocrReview(
  found: Finding,
  confidence: number,
  session: Session,
  evidence: Record<string, unknown>,
): Finding {
  const { minConfidence } = session.rules.ocr;
  const low = confidence < minConfidence;
  const said = found.message.replace(
    'Votre dossier suit le plan demandé',
    'Votre dossier semble suivre le plan demandé',
  );
  const why = low
    ? `le texte de votre dossier numérisé a été reconnu automatiquement (OCR) avec une confiance de ${percent(confidence)}, sous le seuil de ${percent(minConfidence)}`
    : `le texte de votre dossier numérisé a été reconnu automatiquement (OCR), ce qui ne permet pas de conclure seul à un plan non conforme`;
  const message = `${said.replace(/\.$/, '')}\u00a0; toutefois ${why}\u00a0: l'équipe pédagogique vérifiera.`;
  const detail = `${found.detail.replace(/\.$/, '')}; on OCR text (mean confidence ${confidence.toFixed(2)}, threshold ${minConfidence}): ${found.status} becomes review.`;
  return { ...found, status: 'review', message, detail, evidence };
}

const followed: Check = (document, submission, session, candidate) => {
  const sections = session.rules.plan;
  const place = { file: submission.file };
  const required = sections.map((s, i) => `${i + 1}. ${s.title}`).join(', ');
  const recognised = (document.pageText?.length ?? 0) > 0;
  if ((document.textLayer === 'none' && !recognised) || document.headings.length === 0)
    return noHeadings(document, submission.file, required);
  const top = Math.min(...document.headings.map((h) => h.level));
  const all = candidates(document, session.rules, candidate?.company);
  const isTop = (c: Candidate) =>
    c.at.index < 0 || (document.headings[c.at.index]?.level ?? top) <= top;
  const { picks, late } = assign(all, isTop);
  const byPosition = [...picks.entries()].sort(([, a], [, b]) => a.at.offset - b.at.offset);
  const missing = sections.filter((_, s) => !picks.has(s));
  /** Where a missing section was expected: after the section before it, before the one after it. */
  const expectedPlace = (s: number): { text: string; page?: number } => {
    const previous = [...picks.entries()]
      .filter(([other]) => other < s && !late.has(other))
      .sort(([a], [b]) => b - a)[0];
    const following = [...picks.entries()]
      .filter(([other]) => other > s && !late.has(other))
      .sort(([a], [b]) => a - b)[0];
    const name = ([other, pick]: [number, Candidate]) =>
      `« ${sections[other]!.title} »${page(pick.at.page)}`;
    if (previous && following)
      return {
        text: `, attendue entre ${name(previous)} et ${name(following)}`,
        page: following[1].at.page ?? previous[1].at.page,
      };
    if (previous) return { text: `, attendue après ${name(previous)}`, page: previous[1].at.page };
    if (following)
      return { text: `, attendue avant ${name(following)}`, page: following[1].at.page };
    return { text: '' };
  };
  const evidence = {
    matching: session.rules.planMatching,
    sections: sections.map((section, s) => {
      const pick = picks.get(s);
      if (!pick) return { id: section.id, title: section.title, found: false };
      return {
        id: section.id,
        title: section.title,
        found: true,
        heading: pick.at.text,
        ...(pick.at.page ? { page: pick.at.page } : {}),
        how: pick.how,
        strength: pick.strength,
        confidence: Math.round(pick.confidence * 100) / 100,
        why: pick.why,
        ...(late.has(s) ? { outOfOrder: true } : {}),
      };
    }),
    missing: missing.map((s) => s.id),
    outOfOrder: sections.filter((_, s) => late.has(s)).map((s) => s.id),
  };
  const problems: string[] = [];
  const details: string[] = [];
  const doubts: string[] = [];
  const doubtDetails: string[] = [];
  const expected: number[] = [];
  for (const [s, section] of sections.entries()) {
    if (picks.has(s)) continue;
    const where = expectedPlace(s);
    if (where.page !== undefined) expected.push(where.page);
    problems.push(
      `il manque la partie « ${section.title} »${where.text} : aucun titre ni passage du dossier ne joue ce rôle`,
    );
    details.push(`missing: ${section.id}${where.page ? ` (expected near p. ${where.page})` : ''}`);
  }
  for (const s of late) {
    const pick = picks.get(s)!;
    const rank = byPosition.findIndex(([other]) => other === s);
    const before = byPosition.slice(0, rank).find(([other]) => other > s);
    const next = byPosition.slice(rank + 1).find(([other]) => other < s);
    const after = before
      ? ` alors qu'elle doit précéder « ${sections[before[0]]!.title} »${page(before[1].at.page)}`
      : next
        ? ` alors qu'elle doit suivre « ${sections[next[0]]!.title} »${page(next[1].at.page)}`
        : '';
    const text = `la partie « ${sections[s]!.title} » (« ${pick.at.text} »${pick.at.page ? `, p. ${pick.at.page}` : ''}) n'est pas à sa place${after}`;
    const detail = `out of order: ${sections[s]!.id} ("${pick.at.text}"${pick.at.page ? ` p. ${pick.at.page}` : ''}, ${pick.why})`;
    const other = before ?? next;
    const sure =
      pick.strength === 'strong' &&
      isTop(pick) &&
      (!other || (other[1].strength === 'strong' && isTop(other[1])));
    if (sure) {
      problems.push(text);
      details.push(detail);
    } else {
      doubts.push(text);
      doubtDetails.push(`${detail} (not sure)`);
    }
  }
  if (problems.length > 0) {
    const firstPage =
      [...late].map((s) => picks.get(s)!.at.page).find((p) => p !== undefined) ?? expected[0];
    return finding(
      RULE,
      'fail',
      `Le plan de votre dossier ne suit pas le référentiel : ${problems.join(' ; ')}. Le plan demandé est, dans cet ordre : ${required}.`,
      `Plan not followed: ${details.join('; ')}.`,
      evidence,
      firstPage ? { ...place, page: firstPage } : place,
    );
  }
  const list = byPosition.map(([s, pick]) => named(sections[s]!, pick)).join(', ');
  const weak = byPosition.filter(([s, pick]) => pick.strength === 'weak' && !late.has(s));
  for (const [s, pick] of weak) {
    doubts.push(
      `« ${sections[s]!.title} » n'a été reconnue que par le titre « ${pick.at.text} »${page(pick.at.page)}`,
    );
    doubtDetails.push(`${sections[s]!.id} only weakly: "${pick.at.text}" (${pick.why})`);
  }
  if (doubts.length > 0) {
    const first = [...weak.map(([, p]) => p), ...[...late].map((s) => picks.get(s)!)][0];
    return finding(
      RULE,
      'review',
      `Le plan de votre dossier semble suivi (${list}), mais ${doubts.join(' ; ')}. L'équipe pédagogique vérifiera.`,
      `Plan found (${list}) but ${doubtDetails.join('; ')}.`,
      evidence,
      first?.at.page ? { ...place, page: first.at.page } : place,
    );
  }
  return finding(
    RULE,
    'pass',
    `Votre dossier suit le plan demandé : ${list}.`,
    `All ${sections.length} sections found in order: ${byPosition.map(([s, pick]) => `${sections[s]!.id} "${pick.at.text}"${pick.at.page ? ` p. ${pick.at.page}` : ''} (${pick.how})`).join(', ')}.`,
    evidence,
    place,
  );
};
