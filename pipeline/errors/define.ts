/** The shape of an entry of the error catalogue (`pipeline/errors.ts`), shared by its sections. */

/** One entry of the catalogue. */
export interface ErrorDef<A extends unknown[]> {
  /** Stable machine code, SCREAMING_SNAKE_CASE. */
  readonly code: string;
  /** What happened, naming the file when there is one. */
  readonly message: (...args: A) => string;
  /** What to do about it. */
  readonly hint: (...args: A) => string;
}

/** Types an entry, keeping its arguments. */
export const define = <A extends unknown[]>(def: ErrorDef<A>): ErrorDef<A> => def;
