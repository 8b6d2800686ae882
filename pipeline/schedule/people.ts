/**
 * Who may assess whom: expertise, company and tutor conflicts. A tutor is matched to a jury
 * member by e-mail (case-insensitive) or by name (accents, case and spacing ignored), since
 * tutors and jurors live in different files with different ids.
 */
import type { Candidate, Tutor } from '../../schemas/candidates.ts';
import type { JuryMember } from '../../schemas/juries.ts';

/** Lower case, no accents, single spaces: how two spellings of a name or company are compared. */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when the member is the candidate's tutor (same e-mail or same name). */
function isTutor(member: JuryMember, tutor: Tutor | undefined): boolean {
  if (!tutor) return false;
  return (
    normalise(member.email) === normalise(tutor.email) ||
    normalise(member.name) === normalise(tutor.name)
  );
}

/** Why a member may not sit on a candidate's jury, or undefined when they may. */
export function conflict(
  member: JuryMember,
  candidate: Candidate,
  tutor: Tutor | undefined,
): 'same company' | 'tutor' | undefined {
  if (candidate.company && normalise(candidate.company) === normalise(member.company))
    return 'same company';
  if (isTutor(member, tutor)) return 'tutor';
  return undefined;
}

/** Every combination of `size` items, in lexicographic order of the input. */
export function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}
