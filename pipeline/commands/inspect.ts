/** `recevable inspect <file>`: reads one dossier and prints its Document. */
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Io } from '../output.ts';
import { isReadError, readDossier } from '../read/index.ts';
import type { Document } from '../../schemas/document.ts';

export const command: Command = {
  name: 'inspect',
  summary:
    'Read one dossier (PDF, DOCX, ODT): pages and how they were counted, headings with pages',
  usage: [
    'recevable inspect <file> [--json] [--text] [--no-libreoffice] [--timeout <s>]',
    '',
    '  --json             print the Document (or { "error": {...} }) as one JSON object on stdout',
    '  --text             with --json, include the full text and page offsets',
    '  --no-libreoffice   do not render DOCX/ODT with LibreOffice (page count is then estimated)',
    '  --timeout <s>      give up reading after this many seconds (default 60)',
    '',
    'Exit codes: 0 read, 1 unreadable, 2 usage.',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    text: { type: 'boolean' },
    'no-libreoffice': { type: 'boolean' },
    timeout: { type: 'string' },
  },
  run: async (args, io) => {
    const [file, ...extra] = args.positionals;
    if (file === undefined || extra.length > 0) {
      throw recevableError(Errors.BadArguments, 'inspect', 'expected exactly one file');
    }
    const timeout = Number(args.values['timeout'] ?? 60);
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw recevableError(
        Errors.BadArguments,
        'inspect',
        '--timeout takes a positive number of seconds',
      );
    }
    const result = await readDossier(file, {
      libreoffice: args.values['no-libreoffice'] !== true,
      timeoutMs: timeout * 1000,
    });
    if (args.values['json'] === true) {
      if (isReadError(result) || args.values['text'] === true) io.json(result);
      else io.json(withoutText(result));
    } else if (isReadError(result)) {
      io.say(
        `${io.style('red', 'error')} ${result.error.message} ${io.style('dim', `[${result.error.code}]`)}`,
      );
      io.say(`  ${io.style('cyan', 'fix:')} ${result.error.hint}`);
    } else printDocument(io, file, result);
    return isReadError(result) ? Exit.invalid : Exit.ok;
  },
};

function withoutText(doc: Document): Partial<Document> {
  const copy: Partial<Document> = { ...doc };
  delete copy.text;
  delete copy.pageOffsets;
  return copy;
}

const METHODS: Record<Document['pages']['method'], string> = {
  pdf: 'counted in the PDF',
  libreoffice: 'rendered by LibreOffice',
  'docx-app-xml': "Word's own count in docProps/app.xml",
  'page-breaks': 'explicit page breaks (lower bound)',
  estimate: 'estimated from the length of the text',
};

function printDocument(io: Io, file: string, doc: Document): void {
  const { pages } = doc;
  const certainty = pages.exact
    ? io.style('green', 'exact')
    : io.style(
        'yellow',
        `estimate, between ${pages.range?.[0] ?? '?'} and ${pages.range?.[1] ?? '?'}`,
      );
  io.say(io.style('bold', file));
  io.say(`  format      ${doc.format.toUpperCase()}`);
  io.say(`  pages       ${pages.count} (${certainty}; ${METHODS[pages.method]})`);
  const scanned =
    doc.scannedPages.length > 0 ? ` — images only: page ${doc.scannedPages.join(', ')}` : '';
  io.say(`  text layer  ${doc.textLayer}${scanned}`);
  io.say(`  words       ${doc.words}`);
  if (doc.toc)
    io.say(
      `  contents    ${doc.toc.pages.length > 0 ? `page ${doc.toc.pages.join(', ')}` : 'present'}`,
    );
  for (const [key, value] of Object.entries(doc.meta)) io.say(`  ${key.padEnd(11)} ${value}`);
  io.say();
  io.say(io.style('bold', `Headings (${doc.headings.length})`));
  if (doc.headings.length === 0) io.say(io.style('yellow', '  none found'));
  for (const h of doc.headings) {
    const page = h.page === undefined ? io.style('dim', '   ?') : String(h.page).padStart(4);
    io.say(`${page}  ${'  '.repeat(h.level - 1)}${h.text} ${io.style('dim', `(${h.source})`)}`);
  }
  if (doc.warnings.length > 0) {
    io.say();
    for (const w of doc.warnings)
      io.say(`${io.style('yellow', 'warning')} ${w.message} ${io.style('dim', `[${w.code}]`)}`);
  }
}
