/** A ReadError built from a catalogue entry. */
import type { ReadError } from '../../schemas/document.ts';
import { recevableError, type ErrorDef } from '../errors.ts';

export function readError<A extends unknown[]>(def: ErrorDef<A>, ...args: A): ReadError {
  return { error: recevableError(def, ...args).toJSON() };
}
