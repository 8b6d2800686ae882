/**
 * Progress of the OCR of the dossiers being read, for a progress bar: readings report each
 * page recognised (from their reader process), a command listens while it runs. The OCR takes
 * seconds a page, so a bar that only moved per dossier would look stuck for minutes.
 */

/** One page of a dossier's scanned pages recognised (or given up). */
export interface OcrProgress {
  /** The dossier, as given to `readDossier`. */
  readonly path: string;
  readonly done: number;
  readonly total: number;
}

type Listener = (progress: OcrProgress) => void;

const listeners = new Set<Listener>();

/** Calls `listener` for each page recognised from now on; returns the function that stops it. */
export function onOcrProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener (a listener that throws does not stop the reading). */
export function reportOcrProgress(progress: OcrProgress): void {
  for (const listener of listeners) {
    try {
      listener(progress);
    } catch {
      // A progress bar's failure must not fail a reading.
    }
  }
}
