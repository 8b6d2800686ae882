/**
 * Messages of an IMAP mailbox, read with imapflow without changing it: the mailbox is opened
 * with EXAMINE (read-only) and bodies fetched with BODY.PEEK, so no `\Seen`, no move, no delete.
 * Each message's time is its INTERNALDATE, set by the server at delivery.
 *
 * Only UIDs above the last one read are fetched (resumption by UID, not by date: SEARCH SINCE
 * ignores the time of day). When UIDVALIDITY changed the mailbox is read again from the start;
 * the store then recognises what is already recorded by Message-ID and sha256. Messages no
 * candidate matched are read again when candidates.yaml changes.
 */
import { ImapFlow } from 'imapflow';
import type { MailboxState } from '../../schemas/intake-state.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Incoming, Outcome, Reader } from './types.ts';
import { isLoopback, type ImapSource } from './source.ts';
import type { IntakeState } from './state.ts';

/** Options of one IMAP read. */
export interface ImapOptions {
  readonly password: string;
  readonly state: IntakeState;
  /** Key of the candidates (codes, addresses): unmatched messages are read again when it changes. */
  readonly candidatesKey: string;
  /** Largest message read, in bytes. */
  readonly limit: number;
}

function connectError(source: ImapSource, error: unknown): Error {
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string };
  if (e.authenticationFailed || e.code === 'AUTHENTICATIONFAILED')
    return recevableError(Errors.IntakeImapAuth, source.label);
  return recevableError(Errors.IntakeImapFailed, source.label, e.message ?? String(error));
}

/** Connects and opens the mailbox read-only; throws a RecevableError naming the source. */
export async function openImap(source: ImapSource, options: ImapOptions): Promise<Reader> {
  const client = new ImapFlow({
    host: source.host,
    port: source.port,
    secure: source.secure,
    // Plain IMAP only on this machine: elsewhere the password must never cross in clear text.
    ...(source.secure ? {} : { doSTARTTLS: !isLoopback(source.host) }),
    auth: { user: source.user, pass: options.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw connectError(source, error);
  }
  let box: Awaited<ReturnType<ImapFlow['mailboxOpen']>>;
  try {
    box = await client.mailboxOpen(source.mailbox, { readOnly: true });
  } catch (error) {
    await client.logout().catch(() => undefined);
    throw recevableError(
      Errors.IntakeMailboxMissing,
      source.mailbox,
      source.label,
      (error as Error).message,
    );
  }
  const uidValidity = String(box.uidValidity);
  const before = options.state.get(source.label);
  const same = before?.uidValidity === uidValidity;
  const notes: string[] = [];
  if (before && !same)
    notes.push(
      `UIDVALIDITY of ${source.label} changed (${before.uidValidity} → ${uidValidity}): the mailbox is read again from the start; recorded dossiers are recognised by Message-ID and sha256`,
    );
  let state: MailboxState = {
    source: source.label,
    uidValidity,
    lastUid: same ? before.lastUid : 0,
    unmatched: same ? before.unmatched : [],
    candidates: options.candidatesKey,
  };
  const again = same && before.candidates !== options.candidatesKey ? state.unmatched : [];
  if (!same || !before) await options.state.set(state);

  const evidence = (uid: number) =>
    `INTERNALDATE of ${source.mailbox} UID ${uid} (UIDVALIDITY ${uidValidity}) on ${source.label}`;

  async function* messages(): AsyncGenerator<Incoming> {
    const fresh =
      box.exists === 0 || box.uidNext <= state.lastUid + 1
        ? []
        : await client.fetchAll(
            `${state.lastUid + 1}:*`,
            { uid: true, internalDate: true, size: true },
            { uid: true },
          );
    const wanted = [
      ...(again.length > 0
        ? await client.fetchAll(
            again.join(','),
            { uid: true, internalDate: true, size: true },
            { uid: true },
          )
        : []),
      ...fresh.filter((m) => m.uid > state.lastUid),
    ];
    for (const meta of wanted) {
      const internal = meta.internalDate ? new Date(meta.internalDate) : undefined;
      const size = meta.size ?? 0;
      const stamp = internal && {
        instant: internal,
        receivedBy: 'imap-internaldate' as const,
        evidence: evidence(meta.uid),
      };
      const place = `UID ${meta.uid}`;
      if (size > options.limit) {
        yield { place, size, uid: meta.uid, ...(stamp ? { stamp } : {}) };
        continue;
      }
      const full = await client.fetchOne(
        String(meta.uid),
        { uid: true, source: true },
        { uid: true },
      );
      const bytes = full ? full.source : undefined;
      yield {
        place,
        size,
        uid: meta.uid,
        ...(bytes ? { bytes } : {}),
        ...(stamp ? { stamp } : {}),
      };
    }
  }

  return {
    messages,
    notes,
    settle: async (incoming: Incoming, outcome: Outcome) => {
      const uid = incoming.uid!;
      const unmatched = state.unmatched.filter((u) => u !== uid);
      if (outcome === 'unmatched') unmatched.push(uid);
      state = { ...state, lastUid: Math.max(state.lastUid, uid), unmatched };
      await options.state.set(state);
    },
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
}
