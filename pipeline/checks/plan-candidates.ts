/**
 * Every place of a Document that may play a section of the plan: headings recognised by
 * `roles.ts` and weighed by their body, the table of contents, and lines of text. Each
 * candidate is `strong` (found beyond doubt) or `weak` (a person decides), and says why.
 */
import type { Document, Heading } from '../../schemas/document.ts';
import type { PlanRole, PlanSection, Rules } from '../../schemas/session.ts';
import { normalise } from './headings.ts';
import { findInText, locate, type Located } from './plan-locate.ts';
import {
  BODY_MIN_WORDS,
  bodyMeter,
  bodyOf,
  speaksLike,
  speaksOnlyLike,
  type BodyMeter,
} from './roles-body.ts';
import { BODY_CUES } from './roles-lexicon.ts';
import {
  descriptionWords,
  hostKey,
  isMatter,
  lexiconTier,
  recognise,
  roleOf,
  type MatchHow,
} from './roles.ts';

/** A place that may serve a section. */
export interface Candidate {
  /** Index of the section in the plan. */
  readonly section: number;
  readonly at: Located;
  readonly strength: 'strong' | 'weak';
  readonly how: MatchHow;
  /** 0–1. */
  readonly confidence: number;
  /** In English, for staff. */
  readonly why: string;
}

/** How a heading ranks: the top level of the document, or below. */
function topLevel(headings: readonly Heading[]): number {
  return Math.min(...headings.map((h) => h.level));
}

// Methods whose matches a school asking for exact titles (`planMatching: strict`) reviews.
const EQUIVALENT = new Set<MatchHow>(['accept', 'lexicon', 'host', 'description', 'body']);

interface Scope {
  readonly document: Document;
  readonly plan: readonly PlanSection[];
  readonly roles: readonly (PlanRole | undefined)[];
  readonly meter: BodyMeter;
  readonly strict: boolean;
  readonly top: number;
  readonly tocPages: ReadonlySet<number>;
  /** The host organisation's name, as `hostKey` gives it. */
  readonly host: string;
}

/** The nearest heading above `index` at a higher level (its chapter), if any. */
function parentOf(headings: readonly Heading[], index: number): number {
  const level = headings[index]!.level;
  for (let i = index - 1; i >= 0; i--) if (headings[i]!.level < level) return i;
  return -1;
}

/** Pages from which a "Sommaire" heading can only be a chapter's own table of contents. */
const frontLimit = (document: Document) => Math.max(4, Math.ceil(document.pages.count * 0.2));

/** A "Sommaire" heading is the document's when it is a chapter near the front (or on the TOC). */
function inFront(scope: Scope, heading: Heading): boolean {
  if (heading.page !== undefined && scope.tocPages.has(heading.page)) return true;
  if (heading.level > scope.top) return false;
  if (heading.page !== undefined && scope.document.pageOffsets.length > 1)
    return heading.page <= frontLimit(scope.document);
  // Without pages (DOCX), the front is the first fifth of the text.
  return (heading.offset ?? 0) <= scope.document.text.length * 0.2;
}

/**
 * Introductions and conclusions below the top level act for the whole report when they are alone
 * of their kind: several are the chapters' own (`many`). One inside another part's chapter is
 * that chapter's (`own`), unless it opens the first chapter or closes the last (« 4.6 Conclusion »).
 */
function perChapter(scope: Scope, role: PlanRole, index: number): 'many' | 'own' | undefined {
  const { headings } = scope.document;
  const same = headings.filter(
    (h) => h.level > scope.top && lexiconTier(normalise(h.text), role) === 'strong',
  );
  if (same.length > 1) return 'many';
  const parent = parentOf(headings, index);
  if (parent < 0) return undefined;
  const chapters = headings
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h.level === scope.top && !isMatter(h.text) && !isTocTitle(h.text))
    .map(({ i }) => i);
  const edge = role === 'introduction' ? chapters[0] : chapters[chapters.length - 1];
  if (parent === edge) return undefined;
  const chapter = normalise(headings[parent]!.text);
  const inOther = (['environment', 'skills'] as const).some((other) => {
    const tier = lexiconTier(chapter, other);
    return other !== role && (tier === 'strong' || tier === 'medium');
  });
  return inOther ? 'own' : undefined;
}

const isTocTitle = (text: string) => lexiconTier(normalise(text), 'toc') === 'strong';

function fromHeading(scope: Scope, index: number, s: number): Candidate | undefined {
  const heading = scope.document.headings[index]!;
  const section = scope.plan[s]!;
  const role = scope.roles[s];
  const match = recognise(heading.text, section, {
    host: scope.host,
    role,
    described: descriptionWords(section.description),
  });
  const at = (score: number) =>
    locate(
      scope.document,
      heading,
      index,
      score,
      match?.tier === 'strong' ? 'heading' : 'approximate',
    );
  // A table of contents lists the sections: its entries are not them.
  if (role !== 'toc' && heading.page !== undefined && scope.tocPages.has(heading.page))
    return undefined;
  if (role === 'toc' && !inFront(scope, heading)) return undefined;
  if (!match) return heading.level === scope.top ? bodyOnly(scope, index, s) : undefined;
  let strength: Candidate['strength'] = match.tier === 'strong' ? 'strong' : 'weak';
  let why = match.why;
  // A strong equivalent whose text speaks of something else (« Missions » describing the
  // company's, « Environnement de travail » about the tools) is not the section, or not surely.
  if (match.tier === 'strong' && match.how === 'lexicon' && role && BODY_CUES[role]) {
    const signal = scope.meter(index, role);
    if (signal.words >= BODY_MIN_WORDS && signal.ratio < 0.5) return undefined;
    // Missions told as the company's: the text presents the organisation more than the work.
    if (role === 'skills') {
      const host = scope.meter(index, 'environment');
      if (speaksLike(host) && host.ratio > signal.ratio) return undefined;
    }
    if (signal.words >= BODY_MIN_WORDS && signal.ratio < 0.8) {
      strength = 'weak';
      why += `, but the text under it hardly plays the role (${signal.ratio}× the document)`;
    }
  }
  if (match.tier !== 'strong' && role && match.how !== 'approximate') {
    const weighed = weigh(scope, index, match.tier, role);
    if (!weighed) return undefined;
    strength = weighed.strength;
    why += weighed.why;
  }
  // Below a chapter, an equivalent of the environment or the valorisation is only a part of it.
  const sub = heading.level > scope.top;
  if (sub && (role === 'environment' || role === 'skills') && EQUIVALENT.has(match.how)) {
    if (strength === 'strong') why += `, but a sub-section (level ${heading.level})`;
    strength = 'weak';
  }
  if ((role === 'introduction' || role === 'conclusion') && sub) {
    const own = perChapter(scope, role, index);
    if (own === 'many') return undefined;
    if (own === 'own' && strength === 'strong') {
      strength = 'weak';
      why += `, but inside another part's chapter (level ${heading.level})`;
    }
  }
  if (scope.strict && EQUIVALENT.has(match.how) && strength === 'strong') {
    strength = 'weak';
    why += ` (planMatching: strict)`;
  }
  return {
    section: s,
    at: at(match.confidence),
    strength,
    how: match.how,
    confidence: match.confidence,
    why,
  };
}

/**
 * The text under a heading decides a medium or weak equivalent: a medium one is the section when
 * its text plays the role, not it when its text speaks of something else; a weak one only when its
 * text plays the role (beyond doubt, for a chapter, to be strong). A sub-section stays weak.
 */
function weigh(
  scope: Scope,
  index: number,
  tier: 'medium' | 'weak',
  role: PlanRole,
): { strength: Candidate['strength']; why: string } | undefined {
  // Introductions and conclusions have no words of their own to weigh.
  if (!BODY_CUES[role]) return { strength: 'weak', why: '' };
  const signal = scope.meter(index, role);
  const chapter = scope.document.headings[index]!.level <= scope.top;
  const said = `${signal.density} cue words per 100, ${signal.ratio}× the document`;
  const confirmed = `, confirmed by the text under it (${said})`;
  if (tier === 'medium') {
    if (speaksLike(signal)) return { strength: chapter ? 'strong' : 'weak', why: confirmed };
    if (signal.words >= BODY_MIN_WORDS && signal.ratio < 1) return undefined;
    return { strength: 'weak', why: `, not confirmed by the text under it (${said})` };
  }
  if (speaksOnlyLike(signal) && chapter) return { strength: 'strong', why: confirmed };
  if (speaksLike(signal)) return { strength: 'weak', why: confirmed };
  return undefined;
}

/** A top-level chapter titled with a name only (the host's), whose text presents the host. */
function bodyOnly(scope: Scope, index: number, s: number): Candidate | undefined {
  const heading = scope.document.headings[index]!;
  if (scope.roles[s] !== 'environment' || isMatter(heading.text)) return undefined;
  const unknown = scope.plan.every((_, other) => {
    const role = scope.roles[other];
    return !role || lexiconTier(normalise(heading.text), role) === undefined;
  });
  if (!unknown) return undefined;
  const signal = scope.meter(index, 'environment');
  if (!speaksLike(signal)) return undefined;
  const chapter = heading.level === scope.top;
  // A chapter with a common title (« Notes diverses ») is renamed beyond recognition, whatever
  // its text; one titled with a proper name (the host's) repeats it in its text.
  const named = namesItsText(scope, index);
  if (chapter && !named) return undefined;
  // A sub-section presenting the host whose chapter the reader lost (or put under another part)
  // is a sign, not the chapter: a person decides.
  if (!chapter && !underOtherPart(scope, index)) return undefined;
  const sure = chapter && speaksOnlyLike(signal) && !scope.strict;
  return {
    section: s,
    at: locate(scope.document, heading, index, 0.6, sure ? 'heading' : 'approximate'),
    strength: sure ? 'strong' : 'weak',
    how: 'body',
    confidence: sure ? 0.75 : 0.55,
    why: `the text under it presents an organisation (${signal.density} cue words per 100, ${signal.ratio}× the document)`,
  };
}

/** The heading's chapter plays another part of the plan, or there is no chapter above it. */
function underOtherPart(scope: Scope, index: number): boolean {
  const parent = parentOf(scope.document.headings, index);
  if (parent < 0) return true;
  const chapter = normalise(scope.document.headings[parent]!.text);
  return scope.plan.some((_, s) => {
    const role = scope.roles[s];
    return role !== undefined && role !== 'environment' && lexiconTier(chapter, role) === 'strong';
  });
}

/**
 * A chapter titled with a proper name (the host's) repeats it, capitalised, in its own text;
 * a chapter titled « Divers » does not.
 */
function namesItsText(scope: Scope, index: number): boolean {
  const heading = scope.document.headings[index]!;
  const body = bodyOf(scope.document, index).slice(heading.text.length);
  const names = heading.text
    .split(/[^\p{L}\p{N}&-]+/u)
    .filter((word) => word.length >= 3 && /^\p{Lu}/u.test(word));
  // « DATAVANCE » in the title is « Datavance » in the text: the case of the first letter counts.
  const capitalised = (name: string) => {
    const lower = name.toLowerCase();
    let count = 0;
    for (const word of body.split(/[^\p{L}\p{N}&-]+/u))
      if (word.toLowerCase() === lower && /^\p{Lu}/u.test(word)) count++;
    return count;
  };
  return names.some((name) => capitalised(name) >= 3);
}

/** The table of contents as the "Sommaire": strong near the front, weak at the end. */
function fromToc(scope: Scope, s: number): Candidate | undefined {
  const first = scope.document.toc?.pages[0];
  if (scope.roles[s] !== 'toc' || first === undefined) return undefined;
  const atEnd = first > scope.document.pages.count * 0.6;
  const offset = atEnd ? 0 : (scope.document.pageOffsets[first - 1] ?? 0);
  return {
    section: s,
    at: { text: '(table des matières)', page: first, offset, index: -1, score: 1, how: 'toc' },
    strength: atEnd ? 'weak' : 'strong',
    how: 'toc',
    confidence: atEnd ? 0.6 : 1,
    why: atEnd
      ? `a table of contents, but at the end of the document (p. ${first})`
      : `the document's table of contents (p. ${first})`,
  };
}

const exactTitle = (text: string, section: PlanSection) =>
  [section.title, ...section.aliases].some((name) => normalise(name) === normalise(text));

/** Every candidate of every section. */
export function candidates(
  document: Document,
  rules: Pick<Rules, 'plan' | 'planMatching'>,
  company?: string,
): Candidate[] {
  const plan = rules.plan;
  const scope: Scope = {
    document,
    plan,
    roles: plan.map(roleOf),
    meter: bodyMeter(document),
    strict: rules.planMatching === 'strict',
    top: document.headings.length > 0 ? topLevel(document.headings) : 1,
    tocPages: new Set(document.toc?.pages ?? []),
    host: hostKey(company),
  };
  const out: Candidate[] = [];
  const headingTexts = new Set(document.headings.map((h) => normalise(h.text)));
  document.headings.forEach((_, index) => {
    plan.forEach((_, s) => {
      const found = fromHeading(scope, index, s);
      if (found) out.push(found);
    });
  });
  plan.forEach((section, s) => {
    // No chapter plays the environment: a sub-section presenting the host may (a person decides).
    if (!out.some((c) => c.section === s))
      document.headings.forEach((heading, index) => {
        const found = heading.level > scope.top ? bodyOnly(scope, index, s) : undefined;
        if (found) out.push(found);
      });
    const toc = fromToc(scope, s);
    if (toc) out.push(toc);
    if (out.some((c) => c.section === s)) return;
    const line = findInText(document, [section.title, ...section.aliases, ...section.accept]);
    const misplacedToc =
      scope.roles[s] === 'toc' && line?.page !== undefined && line.page > frontLimit(document);
    // A line that is exactly the title, alone, is a heading the reader missed (« Introduction : »).
    const exact = line !== undefined && exactTitle(line.text, section);
    // A line that is a heading was judged as one (a chapter's own introduction stays out).
    const known = line !== undefined && headingTexts.has(normalise(line.text));
    if (line && !misplacedToc && !known)
      out.push({
        section: s,
        at: line,
        strength: exact && !scope.strict ? 'strong' : 'weak',
        how: 'text',
        confidence: line.score,
        why: exact ? `a line of text that is the title alone` : `a line of text, not a heading`,
      });
  });
  return out;
}
