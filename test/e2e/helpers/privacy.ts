/**
 * Searches a built site for the private data of a session: every name, e-mail and company of
 * candidates, tutors and jurors, in plain text and in the escapings a page or a JSON file may
 * use (HTML entities, JSON and \u escapes, URL encoding, no-break spaces, line breaks).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One private value and where it comes from. */
export interface Secret {
  readonly kind: 'name' | 'email' | 'company';
  readonly value: string;
  readonly owner: string;
}

interface Person {
  code?: string;
  id?: string;
  name?: string;
  email?: string;
  company?: string;
}

/** Every private value of the session's candidates.yaml and juries.yaml. */
export async function secretsOf(sessionDir: string): Promise<Secret[]> {
  const candidates = parse(await readFile(join(sessionDir, 'candidates.yaml'), 'utf8')) as {
    candidates: Person[];
    tutors?: Person[];
  };
  const juries = parse(await readFile(join(sessionDir, 'juries.yaml'), 'utf8')) as {
    members: Person[];
  };
  const people = [...candidates.candidates, ...(candidates.tutors ?? []), ...juries.members];
  return people.flatMap((p) => {
    const owner = p.code ?? p.id ?? '?';
    const out: Secret[] = [];
    if (p.name) {
      out.push({ kind: 'name', value: p.name, owner });
      const last = p.name.split(' ').slice(1).join(' ');
      if (last.length >= 5) out.push({ kind: 'name', value: last, owner });
    }
    if (p.email) {
      out.push({ kind: 'email', value: p.email, owner });
      out.push({ kind: 'email', value: p.email.split('@')[0]!, owner });
    }
    if (p.company) out.push({ kind: 'company', value: p.company, owner });
    return out;
  });
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The text as a reader would see it: entities and escapes decoded, spaces collapsed, lower case. */
export function normalise(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (all, name: string) => NAMED[name.toLowerCase()] ?? all)
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\(["'\\/])/g, '$1')
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .toLowerCase();
}

/** Raw spellings of a value that normalising might miss (URL encoding, decomposed accents). */
function rawVariants(value: string): string[] {
  return [
    encodeURIComponent(value),
    value.normalize('NFD'),
    JSON.stringify(value).slice(1, -1),
  ].map((v) => v.toLowerCase());
}

/** Every `file: kind value (owner)` found in the built site at `outDir`. */
export async function findSecrets(outDir: string, secrets: readonly Secret[]): Promise<string[]> {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((d) =>
    d.isFile(),
  );
  const found: string[] = [];
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    const raw = (await readFile(path, 'utf8')).toLowerCase();
    const text = normalise(raw);
    for (const secret of secrets) {
      const needle = normalise(secret.value);
      if (text.includes(needle) || rawVariants(secret.value).some((v) => raw.includes(v)))
        found.push(
          `${path.slice(outDir.length + 1)}: ${secret.kind} ${secret.value} (${secret.owner})`,
        );
    }
  }
  return found;
}
