/**
 * Generated sessions for the scheduler's benchmark: n candidates, enough jurors, rooms and
 * days for all of them, with realistic frictions (shared employers, tutors who are jurors,
 * partial availability). Seeded, so the same n gives the same session.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { rng as random } from '../fixtures/dossier/prose.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Shape of a generated session. */
export interface Size {
  readonly candidates: number;
  readonly days: number;
  readonly rooms: number;
  readonly members: number;
}

/** Writes a generated session to a temp dir and returns its path. */
export async function generateSession(size: Size, seed = 1): Promise<string> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const demo = new URL('../../content/demo-2023/session.yaml', import.meta.url);
  const session = parse(await readFile(demo, 'utf8')) as Record<string, Record<string, unknown>>;
  const days = Array.from({ length: size.days }, (_, i) => `2023-09-${pad(18 + i, 2)}`);
  session['defence']!['days'] = days;
  session['defence']!['makeUpDays'] = [];
  session['defence']!['rooms'] = Array.from({ length: size.rooms }, (_, i) => ({
    id: `R${100 + i}`,
    name: `Salle ${100 + i}`,
  }));
  const soutenances = (session['keyDates'] as unknown as Record<string, unknown>[]).find(
    (k) => k['id'] === 'soutenances',
  )!;
  soutenances['from'] = days[0];
  soutenances['to'] = days.at(-1);
  const companies = Array.from(
    { length: Math.ceil(size.candidates / 4) },
    (_, i) => `Entreprise ${pad(i, 3)}`,
  );
  const members = Array.from({ length: size.members }, (_, i) => {
    const available = days.filter(() => rnd() < 0.75);
    return {
      id: `J${pad(i + 1, 3)}`,
      name: `Juré ${pad(i + 1, 3)}`,
      email: `jure${i + 1}@example.org`,
      company: pick(companies),
      expertise: i % 4 === 0 ? ['B4', 'B5'] : i % 2 === 0 ? ['B5'] : ['B4'],
      available: available.length > 0 ? available : [pick(days)],
    };
  });
  const tutors = Array.from({ length: Math.ceil(size.candidates / 6) }, (_, i) =>
    i % 10 === 0
      ? {
          id: `T${pad(i, 3)}`,
          name: members[i % members.length]!.name,
          email: members[i % members.length]!.email,
        }
      : { id: `T${pad(i, 3)}`, name: `Tuteur ${pad(i, 3)}`, email: `tuteur${i}@example.org` },
  );
  const candidates = Array.from({ length: size.candidates }, (_, i) => ({
    code: `C${pad(i + 1, 3)}`,
    name: `Candidat ${pad(i + 1, 3)}`,
    email: `candidat${i + 1}@example.org`,
    specialisation: rnd() < 0.55 ? 'B4' : 'B5',
    company: pick(companies),
    tutor: pick(tutors).id,
    unavailable: rnd() < 0.15 ? [pick(days)] : [],
  }));
  const dir = await mkdtemp(join(tmpdir(), `recevable-bench-${size.candidates}-`));
  await writeFile(join(dir, 'session.yaml'), stringify(session));
  await writeFile(join(dir, 'candidates.yaml'), stringify({ candidates, tutors }));
  await writeFile(join(dir, 'juries.yaml'), stringify({ members }));
  await writeFile(join(dir, 'submissions.yaml'), 'submissions: []\n');
  return dir;
}
