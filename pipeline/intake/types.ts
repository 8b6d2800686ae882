/** The shape every source of messages has for intake (`reader.ts` opens them). */
import type { Stamp } from './when.ts';

/** One message as its source gives it. */
export interface Incoming {
  /** Where it is in the source: `UID 12`, `line 120`, `new/1692957483.M1.mx`. */
  readonly place: string;
  /** Its bytes; absent when larger than the limit. */
  readonly bytes?: Buffer;
  readonly size: number;
  /** The time the source vouches for (INTERNALDATE, From_ line), if any. */
  readonly stamp?: Stamp;
  /** IMAP UID. */
  readonly uid?: number;
}

/** How a message ended: recorded (or already), ignored for good, or matched to nobody. */
export type Outcome = 'done' | 'unmatched';

export interface Reader {
  messages(): AsyncGenerator<Incoming>;
  settle(incoming: Incoming, outcome: Outcome): Promise<void>;
  close(): Promise<void>;
  /** Facts about the source worth telling (UIDVALIDITY changed, empty mbox). */
  readonly notes: string[];
}
