import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseYaml, readYamlFile } from '../../pipeline/session/read.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { demoCopy, locator, removeCopies } from './session-copy.ts';

afterAll(removeCopies);

const brief = (problems: readonly { line: number; column: number; code: string }[]) =>
  problems.map((p) => `${p.line}:${p.column} ${p.code}`);

describe('parseYaml on hostile text', () => {
  it('reads plain YAML and keeps its document for positions', () => {
    const { parsed, problems } = parseYaml('a: 1\nb: [x, y]\n', 'f.yaml');
    expect(problems).toEqual([]);
    expect(parsed?.value).toEqual({ a: 1, b: ['x', 'y'] });
  });

  it('reports a duplicate key at the second occurrence, naming the key, and keeps the value', () => {
    const { parsed, problems } = parseYaml('title: A\nid: x\ntitle: B\n', 'f.yaml');
    expect(brief(problems)).toEqual(['3:1 SESSION_YAML_DUPLICATE_KEY']);
    expect(problems[0]?.message).toBe('Duplicate key `title` in the same mapping.');
    expect(parsed?.value).toBeDefined();
  });

  it('names a quoted duplicate key inside a flow mapping', () => {
    const { problems } = parseYaml('- { "id": a, "id": b }\n', 'f.yaml');
    expect(problems.map((p) => p.message)).toEqual(['Duplicate key `id` in the same mapping.']);
  });

  it('reports a tab used for indentation', () => {
    const { parsed, problems } = parseYaml('rules:\n\tpages: 1\n', 'f.yaml');
    expect(brief(problems)).toEqual(['2:1 SESSION_YAML_TAB']);
    expect(problems[0]?.fix).toMatch(/spaces/);
    expect(parsed).toBeUndefined();
  });

  it('stops an alias bomb before it expands, pointing at the first alias', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const { parsed, problems } = parseYaml(bomb, 'f.yaml');
    expect(brief(problems)).toEqual(['2:8 SESSION_YAML_ALIASES']);
    expect(parsed).toBeUndefined();
  });

  it('accepts a few aliases', () => {
    const { parsed, problems } = parseYaml('a: &days [2023-09-20]\nb: *days\n', 'f.yaml');
    expect(problems).toEqual([]);
    expect(parsed?.value).toEqual({ a: ['2023-09-20'], b: ['2023-09-20'] });
  });

  it('reports an unknown tag such as !!js/function', () => {
    const { problems } = parseYaml('a: !!js/function "x"\n', 'f.yaml');
    expect(brief(problems)).toEqual(['1:4 SESSION_YAML_TAG']);
    expect(problems[0]?.message).toContain('!!js/function');
  });

  it('reports an unclosed bracket once with its position, not a cascade', () => {
    const { problems } = parseYaml('a: [1, 2\nb: 3\n', 'f.yaml');
    expect(brief(problems)).toEqual(['2:1 SESSION_YAML_SYNTAX']);
  });

  it('reports a second document in the same file', () => {
    const { problems } = parseYaml('a: 1\n---\nb: 2\n', 'f.yaml');
    expect(problems.map((p) => p.code)).toEqual(['SESSION_YAML_SYNTAX']);
    expect(problems[0]?.message).toMatch(/multiple documents/);
  });

  it('refuses lists nested thousands deep at once, at the first bracket too deep', () => {
    const started = performance.now();
    const { problems } = parseYaml(`a: 1\nb: ${'['.repeat(4_000_000)}`, 'f.yaml');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:68 Invalid YAML: lists or mappings nested too deeply.',
    ]);
  });

  it('does not count brackets inside quotes and comments as nesting', () => {
    const text = `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\nc: [[1]]\n`;
    const { parsed, problems } = parseYaml(text, 'f.yaml');
    expect(problems).toEqual([]);
    expect(parsed?.value).toMatchObject({ c: [[1]] });
  });

  it('reports nesting the pre-scan cannot see (block indentation) through the parser', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
    const { problems } = parseYaml(text, 'f.yaml');
    expect(problems.map((p) => p.code)).toEqual(['SESSION_YAML_SYNTAX']);
  });
});

describe('readYamlFile on hostile files', () => {
  const dir = demoCopy();
  const write = (name: string, data: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };

  it('strips a UTF-8 byte order mark and keeps columns of the first line', async () => {
    const path = write('bom.yaml', '\uFEFFa: 1\nb: 2\n');
    const { parsed, problems } = await readYamlFile(path, 'bom.yaml');
    expect(problems).toEqual([]);
    expect(parsed?.value).toEqual({ a: 1, b: 2 });
  });

  it('reports a UTF-16 file as a wrong encoding', async () => {
    const path = write('utf16.yaml', Buffer.from('\uFEFFa: 1\n', 'utf16le'));
    const { problems } = await readYamlFile(path, 'utf16.yaml');
    expect(problems.map((p) => p.code)).toEqual(['SESSION_FILE_ENCODING']);
    expect(problems[0]?.message).toBe(
      'utf16.yaml is encoded as UTF-16 (little endian), expected UTF-8.',
    );
  });

  it('reports a Latin-1 file as a wrong encoding', async () => {
    const path = write('latin1.yaml', Buffer.from('title: Soutenance de l\u2019été\n', 'latin1'));
    const { problems } = await readYamlFile(path, 'latin1.yaml');
    expect(problems.map((p) => p.code)).toEqual(['SESSION_FILE_ENCODING']);
  });

  it('reports a binary file (a PNG header) without parsing it', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const { problems } = await readYamlFile(write('image.yaml', png), 'image.yaml');
    expect(problems.map((p) => p.message)).toEqual([
      'image.yaml is not a text file (it contains binary data).',
    ]);
  });

  it('refuses a 50 MB file before reading it', async () => {
    const path = write('huge.yaml', 'key: value\n'.repeat(5 * 1024 * 1024));
    const { problems } = await readYamlFile(path, 'huge.yaml');
    expect(problems.map((p) => p.code)).toEqual(['SESSION_FILE_TOO_LARGE']);
    expect(problems[0]?.message).toBe(
      'huge.yaml is 55.0 MB, over the 5 MB a content file may have; it was not read.',
    );
    rmSync(path);
  });

  it('reads a file of exactly the size limit', async () => {
    const path = write('limit.yaml', '');
    truncateSync(path, MAX_FILE_BYTES);
    const { problems } = await readYamlFile(path, 'limit.yaml');
    // Zero bytes are binary: the point is that the size alone did not refuse it.
    expect(problems.map((p) => p.code)).toEqual(['SESSION_FILE_BINARY']);
    rmSync(path);
  });

  it('refuses a named pipe instead of waiting for a writer forever', async () => {
    const path = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [path]);
    const { problems } = await readYamlFile(path, 'pipe.yaml');
    expect(problems.map((p) => p.message)).toEqual([
      'pipe.yaml cannot be read (not a regular file).',
    ]);
  });

  it('reports a missing file and a directory in place of a file', async () => {
    mkdirSync(join(dir, 'folder.yaml'));
    const missing = await readYamlFile(join(dir, 'nope.yaml'), 'nope.yaml');
    const folder = await readYamlFile(join(dir, 'folder.yaml'), 'folder.yaml');
    expect(missing.problems.map((p) => p.code)).toEqual(['SESSION_FILE_MISSING']);
    expect(folder.problems.map((p) => p.code)).toEqual(['SESSION_FILE_NOT_A_FILE']);
  });
});

describe('validateSession on hostile session files', () => {
  it('reports an empty candidates.yaml with the keys it needs', async () => {
    const { problems } = await validateSession(demoCopy({ 'candidates.yaml': '' }));
    expect(problems.map((p) => `${p.file} ${p.code} ${p.message}`)).toEqual([
      'candidates.yaml SESSION_FILE_EMPTY candidates.yaml is empty, expected a mapping with `candidates` and `tutors`.',
    ]);
  });

  it('reports a file holding only comments as empty', async () => {
    const { problems } = await validateSession(demoCopy({ 'juries.yaml': '# nothing yet\n' }));
    expect(problems.map((p) => p.code)).toEqual(['SESSION_FILE_EMPTY']);
  });

  it('reports a missing required file and a directory named like one, and goes on', async () => {
    const dir = demoCopy();
    rmSync(join(dir, 'juries.yaml'));
    rmSync(join(dir, 'submissions.yaml'));
    mkdirSync(join(dir, 'submissions.yaml'));
    const { problems } = await validateSession(dir);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      'juries.yaml:1:1 SESSION_FILE_MISSING',
      'submissions.yaml:1:1 SESSION_FILE_NOT_A_FILE',
    ]);
  });

  it('reports a binary session.yaml and still checks the other files', async () => {
    const dir = demoCopy({ 'submissions.yaml': 'submissions: nope\n' });
    writeFileSync(join(dir, 'session.yaml'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    const { problems } = await validateSession(dir);
    expect(problems.map((p) => `${p.file} ${p.code}`)).toEqual([
      'session.yaml SESSION_FILE_BINARY',
      'submissions.yaml SESSION_WRONG_TYPE',
    ]);
  });

  it('validates Windows line endings and reports positions on the right line', async () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    expect((await validateSession(demoCopy({ 'session.yaml': crlf }))).problems).toEqual([]);
    const dir = demoCopy({ 'session.yaml': (t) => crlf(t.replace('names: false', 'names: 0')) });
    const { problems } = await validateSession(dir);
    const at = locator(dir)('session.yaml', '0', 'names: ');
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      `${at} SESSION_WRONG_TYPE`,
    ]);
  });

  it('validates a session whose files start with a byte order mark', async () => {
    const dir = demoCopy({ 'session.yaml': (t) => `\uFEFF${t}` });
    expect((await validateSession(dir)).problems).toEqual([]);
  });
});
