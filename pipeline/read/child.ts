/**
 * Child process of `readDossier`: reads the files its parent sends, one at a time, and answers
 * over IPC. A crash, an out-of-memory or a hang here never reaches the caller's process.
 */
import { readDossierInProcess, type ReadOptions } from './in-process.ts';

// pdf.js leaves rejected promises behind on broken cross-reference tables; they must not
// kill the reading of the rest of the file.
process.on('unhandledRejection', () => undefined);
process.on('disconnect', () => process.exit(0));

process.on('message', (message: { id: number; path: string; options: ReadOptions }) => {
  // Each page of OCR is told to the parent: it restarts the reading's time limit.
  const onOcrPage = (done: number, total: number): void =>
    void process.send?.({ id: message.id, progress: { done, total } });
  void readDossierInProcess(message.path, { ...message.options, onOcrPage }).then((result) =>
    process.send?.({ id: message.id, result }),
  );
});
