/**
 * Whose message it is: the candidate whose `candidates.yaml` e-mail is the sender, else the one
 * whose code the subject names, else the one whose code the body names (quoted lines left out).
 * Several codes, or none, and the message is ignored with the reason: never guessed.
 */
import type { Candidate } from '../../schemas/candidates.ts';

export type Match =
  | { readonly code: string; readonly by: 'sender' | 'subject' | 'body'; readonly warning?: string }
  | { readonly reason: string; readonly unmatched: true };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The codes named in `text`, each once, in the order of the candidates list. */
function codesIn(text: string, codes: readonly string[]): string[] {
  return codes.filter((code) =>
    new RegExp(`(?<![A-Za-z0-9])${escape(code)}(?![A-Za-z0-9])`, 'i').test(text),
  );
}

/** Matches a message to one candidate. */
export function matchCandidate(
  candidates: readonly Candidate[],
  mail: { from?: string | undefined; subject: string; text: string },
): Match {
  const codes = candidates.map((c) => c.code);
  const sender = mail.from?.toLowerCase();
  const bySender = sender
    ? candidates.filter((c) => c.email.toLowerCase() === sender).map((c) => c.code)
    : [];
  const inSubject = codesIn(mail.subject, codes);
  if (bySender.length === 1) {
    const code = bySender[0]!;
    const other = inSubject.filter((c) => c !== code);
    return other.length > 0
      ? {
          code,
          by: 'sender',
          warning: `sent from ${code}'s address, but the subject names ${other.join(', ')}`,
        }
      : { code, by: 'sender' };
  }
  const who = sender ?? 'no sender';
  const shared =
    bySender.length > 1 ? ` (the address of ${bySender.join(', ')} in candidates.yaml)` : '';
  if (inSubject.length === 1) return { code: inSubject[0]!, by: 'subject' };
  if (inSubject.length > 1)
    return {
      reason: `sender ${who}${shared} is no single candidate and the subject names several codes (${inSubject.join(', ')})`,
      unmatched: true,
    };
  const inBody = codesIn(mail.text, codes);
  if (inBody.length === 1) return { code: inBody[0]!, by: 'body' };
  return {
    reason:
      inBody.length > 1
        ? `sender ${who}${shared} is no single candidate and the body names several codes (${inBody.join(', ')})`
        : `sender ${who}${shared} is not a candidate's address in candidates.yaml, and no candidate code is in the subject or body`,
    unmatched: true,
  };
}
