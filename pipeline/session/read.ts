/**
 * Reads one YAML file of a session folder defensively: size cap before reading, binary and
 * encoding detection, then the `yaml` parser with its document kept (for line and column) and
 * a cap on alias expansion. Returns the parsed value, or the problems that prevent reading it.
 */
import { open, stat } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { Errors } from '../errors.ts';
import { splitFrontMatter } from './front-matter.ts';
import { problem, type Problem } from './problem.ts';

/** Largest content file read, in bytes: content files are kilobytes; this leaves ample room. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most alias (`*name`) expansions allowed in one file. */
const MAX_ALIASES = 100;
const MAX_YAML_PROBLEMS = 10;
/** Deepest `[`/`{` nesting read: content files need 3; the parser slows down badly past this. */
const MAX_FLOW_DEPTH = 64;
const NESTED = 'lists or mappings nested too deeply';

/** A file read and parsed as YAML. */
export interface ParsedYaml {
  /** The YAML document, for positions. */
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain value (`null` for an empty document). */
  readonly value: unknown;
  /** For a Markdown page: its text after the front matter, and the line where it starts. */
  readonly markdown?: { readonly body: string; readonly line: number };
}

/** What reading a file gave: the YAML when usable, and every problem met. */
export interface ReadOutcome {
  readonly parsed?: ParsedYaml;
  readonly problems: Problem[];
}

const at = (file: string, line = 1, column = 1) => ({ file, line, column });

/**
 * Reads `path`, reporting problems against `file` (the name relative to the session folder).
 * With `frontMatter`, the file is a Markdown page and its front matter is the YAML read.
 */
export async function readYamlFile(
  path: string,
  file: string,
  options: { readonly frontMatter?: boolean } = {},
): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail(problem(at(file), Errors.SessionFileNotAFile, [file]));
    // A pipe or a device would block or never end: only regular files are read.
    if (!info.isFile()) {
      return fail(problem(at(file), Errors.SessionFileUnreadable, [file, 'not a regular file']));
    }
    if (info.size > MAX_FILE_BYTES) return fail(tooLarge(file, info.size));
    const read = await readCapped(path, info.size);
    if (read === undefined) return fail(tooLarge(file, MAX_FILE_BYTES + 1));
    bytes = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ENOENT') return fail(problem(at(file), Errors.SessionFileMissing, [file]));
    return fail(problem(at(file), Errors.SessionFileUnreadable, [file, code]));
  }
  const text = decode(bytes, file);
  if (typeof text !== 'string') return fail(text);
  if (!options.frontMatter) return parseYaml(text, file);
  const page = splitFrontMatter(text);
  if (typeof page === 'string')
    return fail(problem(at(file), Errors.SessionFrontMatter, [file, page]));
  const read = parseYaml(page.yaml, file);
  const markdown = { body: page.body, line: page.bodyLine };
  return read.parsed ? { ...read, parsed: { ...read.parsed, markdown } } : read;
}

/** The file's bytes, or undefined past MAX_FILE_BYTES: it may have grown since `stat`. */
async function readCapped(path: string, size: number): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(size, MAX_FILE_BYTES) + 1);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) return Buffer.concat(chunks);
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) return undefined;
    }
  } finally {
    await handle.close();
  }
}

function fail(p: Problem): ReadOutcome {
  return { problems: [p] };
}

function tooLarge(file: string, size: number): Problem {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return problem(at(file), Errors.SessionFileTooLarge, [file, megabytes, MAX_FILE_BYTES / 2 ** 20]);
}

/** UTF-8 text without its byte order mark, or the problem with the bytes. */
function decode(bytes: Buffer, file: string): string | Problem {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return problem(at(file), Errors.SessionFileEncoding, [file, 'UTF-16 (little endian)']);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return problem(at(file), Errors.SessionFileEncoding, [file, 'UTF-16 (big endian)']);
  }
  if (bytes.includes(0)) return problem(at(file), Errors.SessionFileBinary, [file]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem(at(file), Errors.SessionFileEncoding, [file, 'something other than UTF-8']);
  }
}

/** Parses YAML text; exported for tests and for readers of in-memory text. */
export function parseYaml(text: string, file: string): ReadOutcome {
  const lines = new LineCounter();
  const deep = tooDeep(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    const column = deep - before.lastIndexOf('\n');
    return fail(problem(at(file, line, column), Errors.SessionYamlSyntax, [NESTED]));
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    return fail(problem(at(file), Errors.SessionYamlSyntax, [(error as Error).message]));
  }
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/.test(e.message))) {
    return fail(
      problem(at(file), Errors.SessionYamlSyntax, ['lists or mappings nested too deeply']),
    );
  }
  // One mistake often cascades into many parser errors: the first few locate it.
  const problems = [...doc.errors, ...doc.warnings]
    .map((e) => yamlProblem(e, text, file, lines))
    .filter((p, i, all) => all.findIndex((q) => q.message === p.message && q.line === p.line) === i)
    .slice(0, MAX_YAML_PROBLEMS);
  // A duplicate key or an unknown tag leaves a usable document: keep validating it so that
  // every other problem of the file is reported too.
  const fatal = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  if (fatal) return { problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError) {
      const pos = firstAlias(text, lines);
      problems.push(problem(at(file, pos.line, pos.col), Errors.SessionYamlAliases, [MAX_ALIASES]));
    } else {
      problems.push(problem(at(file), Errors.SessionYamlSyntax, [(error as Error).message]));
    }
    return { problems };
  }
  return { parsed: { doc, lines, value }, problems };
}

function yamlProblem(error: YAMLError, text: string, file: string, lines: LineCounter): Problem {
  const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
  const place = at(file, pos.line, pos.col);
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const written = /^(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^:\n,{}]*)/.exec(text.slice(error.pos[0]));
      const key = (written?.[0] ?? '').trim().replace(/^["']|["']$/g, '');
      return problem(place, Errors.SessionYamlDuplicateKey, [key]);
    }
    case 'TAB_AS_INDENT':
      return problem(place, Errors.SessionYamlTab, []);
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(error.message)?.[1] ?? 'tag';
      return problem(place, Errors.SessionYamlTag, [tag.replace(/^tag:yaml\.org,2002:/, '!!')]);
    }
    default: {
      const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
      return problem(place, Errors.SessionYamlSyntax, [detail ?? error.code]);
    }
  }
}

function firstAlias(text: string, lines: LineCounter): { line: number; col: number } {
  const match = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
  return lines.linePos(match ? match.index + match[1]!.length : 0);
}

/** Offset of the first `[` or `{` nested deeper than MAX_FLOW_DEPTH, outside quotes and comments. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n' && quote === "'") quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}
