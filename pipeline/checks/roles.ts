/**
 * The role recogniser: does a heading play the part of a section of the required plan? It looks
 * at the title and aliases (fuzzy, Dice coefficient), the school's accepted equivalents, the
 * built-in French lexicon of the section's role, the words of the section's description and
 * the candidate's host organisation; `roles-body.ts` weighs the text under the heading. Every
 * match says why, and how sure it is.
 */
import { diceCoefficient } from 'dice-coefficient';
import type { PlanRole, PlanSection } from '../../schemas/session.ts';
import { core, headingScore, MATCH, MAYBE, normalise } from './headings.ts';
import { LEXICON, MATTER } from './roles-lexicon.ts';

/** Why a heading was taken for a section. */
export type MatchHow =
  | 'title'
  | 'alias'
  | 'accept'
  | 'lexicon'
  | 'host'
  | 'description'
  | 'body'
  | 'approximate'
  | 'toc'
  | 'text';

/** A heading recognised as a section, before its body is weighed. */
export interface TitleMatch {
  readonly how: MatchHow;
  /** `strong`: found beyond doubt; `medium`: strong when the body plays the role; `weak`: a person decides. */
  readonly tier: 'strong' | 'medium' | 'weak';
  /** 0–1. */
  readonly confidence: number;
  /** In English, for staff: what matched. */
  readonly why: string;
}

const ROLES = Object.keys(LEXICON) as PlanRole[];

/** The lexicon tier of a normalised heading for a role, if any. */
export function lexiconTier(normalised: string, role: PlanRole): TitleMatch['tier'] | undefined {
  const lexicon = LEXICON[role];
  // « Le cadre de l'alternance » reads as « cadre de l'alternance ».
  const bare = normalised.replace(ARTICLE, '');
  const test = (pattern: RegExp) => pattern.test(normalised) || pattern.test(bare);
  if (lexicon.not.some(test)) return undefined;
  if (lexicon.strong.some(test)) return 'strong';
  if (lexicon.medium.some(test)) return 'medium';
  if (lexicon.weak.some(test)) return 'weak';
  return undefined;
}

const ARTICLE = /^(?:le|la|les|l|un|une)\s+/;

/** The section's role: its `role`, else the role whose strong lexicon names its title or an alias. */
export function roleOf(section: PlanSection): PlanRole | undefined {
  if (section.role) return section.role;
  for (const name of [section.title, ...section.aliases]) {
    const normalised = normalise(name);
    const role = ROLES.find((r) => lexiconTier(normalised, r) === 'strong');
    if (role) return role;
  }
  return undefined;
}

/** True for front and back matter (Remerciements, Bibliographie, Annexes…). */
export const isMatter = (heading: string): boolean => MATTER.test(normalise(heading));

// Words too common in headings to say which part they name.
const PLAIN = new Set(['ensemble', 'autres', 'partie', 'general', 'generale', 'projet', 'travail']);

/** Significant words (5 letters or more) of a description: `cartographie`, `secteur`… */
export function descriptionWords(description: string | undefined): Set<string> {
  if (!description) return new Set();
  return new Set(
    core(normalise(description))
      .split(' ')
      .filter((word) => word.length >= 5 && !PLAIN.has(word)),
  );
}

/** Legal forms and filler that are not part of a host's name. */
const LEGAL = /\b(?:sas|sasu|sarl|sa|eurl|sci|scop|gie|inc|ltd|llc|gmbh|group|groupe)\b/g;

/** The host's name as compared with headings (`Acme SAS` → `acme`). */
export const hostKey = (company: string | undefined): string =>
  company ? core(normalise(company)).replace(LEGAL, ' ').replace(/\s+/g, ' ').trim() : '';

/** What the recogniser knows besides the heading. */
export interface RecogniseContext {
  /** The host's name as `hostKey` gives it ('' when unknown). */
  readonly host: string;
  /** The section's role. */
  readonly role: PlanRole | undefined;
  /** The section's description words. */
  readonly described: ReadonlySet<string>;
}

/** The best title-level match of a heading for a section, or undefined. */
export function recognise(
  heading: string,
  section: PlanSection,
  context: RecogniseContext,
): TitleMatch | undefined {
  const title = headingScore(heading, section.title);
  if (title >= MATCH)
    return { how: 'title', tier: 'strong', confidence: title, why: `title "${section.title}"` };
  const alias = best(heading, section.aliases);
  if (alias && alias.score >= MATCH)
    return { how: 'alias', tier: 'strong', confidence: alias.score, why: `alias "${alias.name}"` };
  const accepted = best(heading, section.accept);
  if (accepted && accepted.score >= MATCH)
    return {
      how: 'accept',
      tier: 'strong',
      confidence: accepted.score,
      why: `accepted equivalent "${accepted.name}"`,
    };
  const normalised = normalise(heading);
  const { role } = context;
  const bare = normalised.replace(ARTICLE, '');
  const vetoed = role && LEXICON[role].not.some((p) => p.test(normalised) || p.test(bare));
  if (isMatter(heading) || vetoed) return undefined;
  if (role) {
    const tier = lexiconTier(normalised, role);
    if (tier)
      return {
        how: 'lexicon',
        tier,
        confidence: tier === 'strong' ? 0.9 : tier === 'medium' ? 0.7 : 0.5,
        why: `${tier} equivalent of the ${role} role`,
      };
  }
  if (role === 'environment' && context.host.length >= 3) {
    const key = core(normalised);
    if (` ${key} `.includes(` ${context.host} `))
      return { how: 'host', tier: 'strong', confidence: 0.9, why: `the host's name` };
  }
  // Fuzzy only on the whole words too: « Mise en production » is not « Introduction ».
  const whole = (name: string) => diceCoefficient(normalised, normalise(name));
  const fuzzy = Math.min(
    Math.max(title, alias?.score ?? 0, accepted?.score ?? 0),
    Math.max(...[section.title, ...section.aliases, ...section.accept].map(whole)),
  );
  if (fuzzy >= MAYBE)
    return {
      how: 'approximate',
      tier: 'weak',
      confidence: fuzzy,
      why: `close to the title (score ${fuzzy.toFixed(2)})`,
    };
  const shared = core(normalised)
    .split(' ')
    .filter((word) => context.described.has(word));
  if (shared.length > 0)
    return {
      how: 'description',
      tier: 'medium',
      confidence: 0.6,
      why: `words of the section's description (${shared.join(', ')})`,
    };
  return undefined;
}

function best(heading: string, names: readonly string[]) {
  let found: { name: string; score: number } | undefined;
  for (const name of names) {
    const score = headingScore(heading, name);
    if (!found || score > found.score) found = { name, score };
  }
  return found;
}
