/**
 * The session-level rules (similarity): each sees every readable dossier at once and returns
 * one finding per candidate. A rule that throws, or says nothing about a candidate, gives that
 * candidate an `error` finding: the others are still decided.
 */
import type { Finding } from '../../schemas/result.ts';
import type { LoadedSession } from '../session/load.ts';
import { finding, type SessionCheck, type SessionEntry } from './types.ts';

/**
 * What a session-level rule returns when the session does not set it (no `rules.similarity`):
 * its dossiers are decided without the rule, not as unchecked. Never filled.
 */
export const NOT_APPLICABLE: Map<string, Finding> = new Map();

/** The session-level findings of every entry, by candidate then rule (rules in name order). */
export async function runSessionChecks(
  entries: SessionEntry[],
  loaded: LoadedSession,
  sessionChecks: Readonly<Record<string, SessionCheck>>,
): Promise<Map<string, Record<string, Finding>>> {
  const out = new Map<string, Record<string, Finding>>();
  for (const [rule, check] of Object.entries(sessionChecks).sort(([a], [b]) =>
    a.localeCompare(b, 'en'),
  )) {
    let found: Map<string, Finding>;
    let failure = '';
    try {
      found = await check(entries, loaded);
    } catch (error) {
      found = new Map();
      failure = error instanceof Error ? error.message : String(error);
    }
    if (found === NOT_APPLICABLE) continue;
    for (const entry of entries) {
      const own =
        found.get(entry.candidate) ??
        finding(
          rule,
          'error',
          `La règle « ${rule} » n'a pas pu être vérifiée automatiquement ; l'équipe pédagogique examinera votre dossier.`,
          failure
            ? `The ${rule} check failed: ${failure}.`
            : `The ${rule} check returned no finding for ${entry.candidate}.`,
          {},
          { file: entry.submission.file },
        );
      out.set(entry.candidate, { ...out.get(entry.candidate), [rule]: own });
    }
  }
  return out;
}
