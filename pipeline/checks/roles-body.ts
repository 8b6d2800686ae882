/**
 * The text under a heading, and how much it speaks like a role: an environment chapter speaks
 * of the company (secteur, effectif, chiffre d'affaires, organigramme, service), a valorisation
 * chapter of missions, tâches, compétences, réalisations. The measure is relative: the density
 * of the role's cue words under the heading against their density in the whole document.
 */
import type { Document, Heading } from '../../schemas/document.ts';
import type { PlanRole } from '../../schemas/session.ts';
import { BODY_CUES } from './roles-lexicon.ts';

const MAX_WORDS = 4000;

/** Plain words: lower case, no accents. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Where a heading starts in `document.text`, or -1 when neither its offset nor its page is known. */
export function headingOffset(document: Document, heading: Heading): number {
  if (heading.offset !== undefined) return heading.offset;
  if (heading.page !== undefined) return document.pageOffsets[heading.page - 1] ?? -1;
  return -1;
}

/** The text from a heading to the next heading of the same or a higher level. */
export function bodyOf(document: Document, index: number): string {
  const heading = document.headings[index];
  if (!heading) return '';
  const start = headingOffset(document, heading);
  if (start < 0) return '';
  let end = document.text.length;
  for (let next = index + 1; next < document.headings.length; next++) {
    const other = document.headings[next]!;
    if (other.level > heading.level) continue;
    const at = headingOffset(document, other);
    if (at > start) end = at;
    else if (other.page !== undefined && heading.page !== undefined && other.page > heading.page)
      end = document.pageOffsets[other.page - 1] ?? end;
    break;
  }
  return document.text.slice(start, end);
}

/** Cue density of a list of words: cue words per 100 words. */
function density(list: readonly string[], cues: ReadonlySet<string>): number {
  if (list.length === 0) return 0;
  let hits = 0;
  for (const word of list) if (cues.has(word)) hits++;
  return (hits * 100) / list.length;
}

/** How a body speaks like a role. */
export interface BodySignal {
  /** Words under the heading (at most 4,000 counted). */
  readonly words: number;
  /** Cue words per 100 words under the heading. */
  readonly density: number;
  /** That density over the document's. */
  readonly ratio: number;
}

/** Measures bodies against one document; the document's own densities are computed once. */
export function bodyMeter(document: Document, extra: Partial<Record<PlanRole, string[]>> = {}) {
  const all = words(document.text);
  const cueSets = new Map<PlanRole, Set<string>>();
  const base = new Map<PlanRole, number>();
  const cuesOf = (role: PlanRole): Set<string> => {
    let set = cueSets.get(role);
    if (!set) {
      set = new Set([...(BODY_CUES[role] ?? []), ...(extra[role] ?? [])]);
      cueSets.set(role, set);
      base.set(role, density(all, set));
    }
    return set;
  };
  const cache = new Map<string, BodySignal>();
  return (index: number, role: PlanRole): BodySignal => {
    const key = `${index}|${role}`;
    const known = cache.get(key);
    if (known) return known;
    const cues = cuesOf(role);
    const list = words(bodyOf(document, index)).slice(0, MAX_WORDS);
    const value = density(list, cues);
    const reference = base.get(role) ?? 0;
    const signal = {
      words: list.length,
      density: Math.round(value * 100) / 100,
      ratio: reference > 0 ? Math.round((value / reference) * 100) / 100 : 0,
    };
    cache.set(key, signal);
    return signal;
  };
}

export type BodyMeter = ReturnType<typeof bodyMeter>;

/** Minimum words under a heading for its body to say anything. */
export const BODY_MIN_WORDS = 80;

/** The body plays the role: clearly more cue words than the rest of the document. */
export const speaksLike = (signal: BodySignal): boolean =>
  signal.words >= BODY_MIN_WORDS && signal.ratio >= 1.5 && signal.density >= 2;

/** The body plays the role beyond doubt (a chapter titled only with the host's name). */
export const speaksOnlyLike = (signal: BodySignal): boolean =>
  signal.words >= 150 && signal.ratio >= 2 && signal.density >= 3;
