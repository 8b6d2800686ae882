/**
 * Child process of `readDossier`: reads one file and sends the result to its parent over IPC.
 * A crash, an out-of-memory or a hang here never reaches the caller's process.
 */
import { readDossierInProcess } from './in-process.ts';

// pdf.js leaves rejected promises behind on broken cross-reference tables; they must not
// kill the reading of the rest of the file.
process.on('unhandledRejection', () => undefined);

const [path = '', rawOptions = '{}'] = process.argv.slice(2);
const result = await readDossierInProcess(
  path,
  JSON.parse(rawOptions) as { libreoffice?: boolean },
);
process.send?.(result, () => process.exit(0));
