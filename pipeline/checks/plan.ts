/**
 * plan: the required sections (`rules.plan`) appear as headings, in the required order.
 * A heading serves one section, taken in document order, top-level headings first. A detected
 * table of contents satisfies the "Sommaire" section. A section named only approximately, or
 * whose title appears in the text but not as a heading, is `review`: the tool cannot decide.
 */
import type { Document } from '../../schemas/document.ts';
import type { PlanSection } from '../../schemas/session.ts';
import { core, headingScore, MATCH, MAYBE, normalise } from './headings.ts';
import { findInText, locate, type Located } from './plan-locate.ts';
import { finding, type Check } from './types.ts';

const RULE = 'plan';
const TOC_TITLES = new Set(['sommaire', 'table matieres']);

const isTocSection = (section: PlanSection) =>
  [section.title, ...section.aliases].some((name) => TOC_TITLES.has(core(normalise(name))));

const score = (text: string, section: PlanSection) =>
  Math.max(...[section.title, ...section.aliases].map((name) => headingScore(text, name)));

/** Assigns headings to sections: each heading serves at most one section. */
function assign(document: Document, plan: PlanSection[]): Map<number, Located> {
  const tocPages = new Set(document.toc?.pages ?? []);
  const headings = document.headings
    .map((heading, index) => ({ heading, index }))
    .filter(
      ({ heading }) =>
        heading.page === undefined ||
        !tocPages.has(heading.page) ||
        plan.some((s) => isTocSection(s) && score(heading.text, s) >= MATCH),
    );
  const top = Math.min(...headings.map(({ heading }) => heading.level));
  const found = new Map<number, Located>();
  const used = new Set<number>();
  const pick = (threshold: number, onlyTop: boolean, how: Located['how']) => {
    for (const { heading, index } of headings) {
      if (used.has(index) || (onlyTop && heading.level !== top)) continue;
      let best = -1;
      let bestScore = threshold;
      plan.forEach((section, s) => {
        if (found.has(s)) return;
        const value = score(heading.text, section);
        if (value >= bestScore && (best === -1 || value > bestScore))
          [best, bestScore] = [s, value];
      });
      if (best === -1) continue;
      used.add(index);
      found.set(best, locate(document, heading, index, bestScore, how));
    }
  };
  pick(MATCH, true, 'heading');
  pick(MATCH, false, 'heading');
  plan.forEach((section, s) => {
    const first = document.toc?.pages[0];
    if (!found.has(s) && isTocSection(section) && first !== undefined) {
      const offset = document.pageOffsets[first - 1] ?? 0;
      found.set(s, {
        text: '(table des matières)',
        page: first,
        offset,
        index: -1,
        score: 1,
        how: 'toc',
      });
    }
  });
  pick(MAYBE, false, 'approximate');
  plan.forEach((section, s) => {
    if (found.has(s)) return;
    const line = findInText(document, [section.title, ...section.aliases]);
    if (line) found.set(s, line);
  });
  return found;
}

/** Plan indices not in the longest increasing run of `order` (the sections out of order). */
function outOfOrder(order: number[]): Set<number> {
  const length = order.map(() => 1);
  const previous = order.map(() => -1);
  for (let i = 0; i < order.length; i++)
    for (let j = 0; j < i; j++)
      if (order[j]! < order[i]! && length[j]! + 1 > length[i]!)
        [length[i], previous[i]] = [length[j]! + 1, j];
  const keep = new Set<number>();
  for (let end = length.indexOf(Math.max(0, ...length)); end !== -1; end = previous[end]!) {
    keep.add(order[end]!);
  }
  return new Set(order.filter((s) => !keep.has(s)));
}

const page = (p?: number) => (p === undefined ? '' : ` (p. ${p})`);

export const plan: Check = (document, submission, session) => {
  const sections = session.rules.plan;
  const place = { file: submission.file };
  const required = sections.map((s, i) => `${i + 1}. ${s.title}`).join(', ');
  if (document.textLayer === 'none' || document.headings.length === 0) {
    return finding(
      RULE,
      'review',
      `Les titres de votre dossier n'ont pas pu être repérés automatiquement ; l'équipe pédagogique vérifiera que le plan demandé est suivi : ${required}.`,
      `No headings detected (text layer: ${document.textLayer}); the plan must be checked by a person.`,
      { headings: document.headings.length, textLayer: document.textLayer },
      place,
    );
  }
  const found = assign(document, sections);
  const byPosition = [...found.entries()].sort(
    ([, a], [, b]) => (a.page ?? 0) - (b.page ?? 0) || a.offset - b.offset || a.index - b.index,
  );
  const late = outOfOrder(byPosition.map(([s]) => s));
  const missing = sections.filter((_, s) => !found.has(s));
  const unsure = [...found.entries()].filter(
    ([, at]) => at.how === 'approximate' || at.how === 'text',
  );
  const evidence = {
    sections: sections.map((section, s) => {
      const at = found.get(s);
      if (!at) return { id: section.id, title: section.title, found: false };
      return {
        id: section.id,
        title: section.title,
        found: true,
        heading: at.text,
        ...(at.page ? { page: at.page } : {}),
        how: at.how,
        score: Math.round(at.score * 100) / 100,
      };
    }),
    missing: missing.map((s) => s.id),
    outOfOrder: sections.filter((_, s) => late.has(s)).map((s) => s.id),
  };
  const problems: string[] = [];
  const details: string[] = [];
  if (missing.length > 0) {
    problems.push(
      missing.length === 1
        ? `il manque la partie « ${missing[0]!.title} »`
        : `il manque les parties ${missing.map((s) => `« ${s.title} »`).join(', ')}`,
    );
    details.push(`missing: ${evidence.missing.join(', ')}`);
  }
  for (const s of late) {
    const at = found.get(s)!;
    const rank = byPosition.findIndex(([other]) => other === s);
    const before = byPosition.slice(0, rank).find(([other]) => other > s);
    const after = before
      ? ` alors qu'elle doit précéder « ${sections[before[0]]!.title} »${page(before[1].page)}`
      : '';
    problems.push(
      `la partie « ${sections[s]!.title} »${page(at.page)} n'est pas à sa place${after}`,
    );
    details.push(
      `out of order: ${sections[s]!.id} ("${at.text}"${at.page ? ` p. ${at.page}` : ''})`,
    );
  }
  const firstProblem = [...late].map((s) => found.get(s)!.page).find((p) => p !== undefined);
  if (problems.length > 0) {
    return finding(
      RULE,
      'fail',
      `Le plan de votre dossier ne suit pas le référentiel : ${problems.join(' ; ')}. Le plan demandé est, dans cet ordre : ${required}.`,
      `Plan not followed: ${details.join('; ')}.`,
      evidence,
      firstProblem ? { ...place, page: firstProblem } : place,
    );
  }
  const list = byPosition.map(([s, at]) => `${sections[s]!.title}${page(at.page)}`).join(', ');
  if (unsure.length > 0) {
    const names = unsure
      .map(([s, at]) => `« ${sections[s]!.title} » (titre trouvé : « ${at.text} »${page(at.page)})`)
      .join(', ');
    return finding(
      RULE,
      'review',
      `Le plan de votre dossier semble suivi, mais certains titres ne correspondent pas exactement au référentiel : ${names}. L'équipe pédagogique vérifiera.`,
      `Plan found (${list}) but ${unsure.map(([s, at]) => `${sections[s]!.id} only ${at.how === 'text' ? 'as a line of text' : `approximately (score ${at.score.toFixed(2)})`}`).join(', ')}.`,
      evidence,
      unsure[0]![1].page ? { ...place, page: unsure[0]![1].page } : place,
    );
  }
  return finding(
    RULE,
    'pass',
    `Votre dossier suit le plan demandé : ${list}.`,
    `All ${sections.length} sections found in order: ${list}.`,
    evidence,
    place,
  );
};
