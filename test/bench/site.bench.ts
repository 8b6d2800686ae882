/**
 * `npm run bench:site`: build time of the public site for a generated session of 1,000
 * candidates with results and an order of passage (target ≤ 10 s), against the 10-candidate
 * site fixture built in the same run. `--smoke`: 40 candidates, no target.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { addDays, formatInZone, toInstant } from '../../pipeline/time.ts';
import { buildSite } from '../../pipeline/site/build.ts';

const smoke = process.argv.includes('--smoke');
const CANDIDATES = smoke ? 40 : 1000;
const TARGET_MS = 10_000;
const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const ZONE = 'Europe/Paris';

/** The parts of session.yaml the generator changes. */
interface SessionFile {
  keyDates: { id: string }[];
  defence: { keyDate: string };
}

/** Weekdays from 2023-09-18 on. */
function weekdays(count: number): string[] {
  const days: string[] = [];
  for (let day = '2023-09-18'; days.length < count; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/** Writes a valid session of `count` candidates, results and schedule into `dir`. */
async function generate(dir: string, count: number): Promise<void> {
  const session = parse(await readFile(join(FIXTURE, 'session.yaml'), 'utf8')) as SessionFile;
  const rooms = Array.from({ length: 13 }, (_, i) => ({
    id: `R${201 + i}`,
    name: `Salle ${201 + i}`,
  }));
  const days = weekdays(Math.ceil(count / (rooms.length * 8)));
  const defences = session.keyDates.find((k) => k.id === session.defence.keyDate);
  if (!defences) throw new Error(`${FIXTURE}: no key date ${session.defence.keyDate}`);
  Object.assign(defences, { from: days[0], to: days.at(-1) });
  Object.assign(session.defence, { days, makeUpDays: [], rooms });
  await writeFile(join(dir, 'session.yaml'), stringify(session));
  const code = (i: number) => `C${String(i + 1).padStart(4, '0')}`;
  const candidates = Array.from({ length: count }, (_, i) => ({
    code: code(i),
    name: `Candidat Généré ${i + 1}`,
    email: `candidat.${i + 1}@example.org`,
    specialisation: i % 2 ? 'B4' : 'B5',
    company: `Entreprise ${i % 97}`,
  }));
  await writeFile(join(dir, 'candidates.yaml'), stringify({ candidates, tutors: [] }));
  const members = Array.from({ length: 60 }, (_, i) => ({
    id: `J${String(i + 1).padStart(2, '0')}`,
    name: `Juré ${i + 1}`,
    email: `jure.${i + 1}@example.org`,
    company: `Cabinet ${i}`,
    expertise: ['B4', 'B5'],
    available: days,
  }));
  await writeFile(join(dir, 'juries.yaml'), stringify({ members }));
  await writeFile(join(dir, 'submissions.yaml'), stringify({ submissions: [] }));
  await mkdir(join(dir, 'results'));
  await Promise.all(
    candidates.map((c, i) => {
      const status = i % 10 === 0 ? 'not-admissible' : 'admissible';
      const finding = (rule: string, ok: boolean, message: string) => ({
        rule,
        status: ok ? 'pass' : 'fail',
        message,
        detail: `${rule} checked`,
        evidence: {},
        place: { file: `submissions/${c.code}.pdf` },
      });
      const pages = 45 + (i % 20);
      return writeFile(
        join(dir, 'results', `${c.code}.yaml`),
        stringify({
          candidate: c.code,
          status,
          checks: {
            deadline: finding('deadline', true, 'Dossier reçu avant la date limite.'),
            pages: finding(
              'pages',
              status === 'admissible',
              `Votre dossier compte ${pages} pages ; le référentiel demande de 50 à 60 pages.`,
            ),
            plan: finding('plan', true, 'Les cinq parties du plan sont présentes, dans l’ordre.'),
          },
          tool: { name: 'recevable', version: 'bench' },
        }),
      );
    }),
  );
  const slots = candidates.map((c, i) => {
    const perDay = rooms.length * 8;
    const day = days[Math.floor(i / perDay)]!;
    const room = rooms[Math.floor((i % perDay) / 8)]!;
    const hour = [8, 9, 10, 11, 13, 14, 15, 16][i % 8]!;
    const start = toInstant(`${day}T${String(hour).padStart(2, '0')}:30`, ZONE);
    const at = (minutes: number) =>
      formatInZone(new Date(start.getTime() + minutes * 60_000), ZONE);
    const pair = (Math.floor(i / 8) % 30) * 2;
    return {
      candidate: c.code,
      jury: [members[pair]!.id, members[pair + 1]!.id],
      juryLabel: String.fromCharCode(65 + (pair % 26)) + String(Math.floor(pair / 26) || ''),
      room: room.id,
      start: at(0),
      end: at(45),
      deliberationEnd: at(60),
    };
  });
  await writeFile(
    join(dir, 'schedule.yaml'),
    stringify({ session: 'epsi-2023', version: 1, slots, unscheduled: [] }),
  );
}

const work = await mkdtemp(join(tmpdir(), 'recevable-bench-site-'));
try {
  const large = join(work, 'session');
  await mkdir(large);
  await generate(large, CANDIDATES);
  const reference = await buildSite({ sessionDir: FIXTURE, outDir: join(work, 'reference') });
  const built = await buildSite({ sessionDir: large, outDir: join(work, 'large') });
  const verdict = smoke
    ? 'smoke run, not compared with the'
    : built.ms <= TARGET_MS
      ? 'within'
      : 'OVER';
  console.log(
    `reference: site fixture (10 candidates), ${reference.pages} pages in ${reference.ms} ms`,
  );
  console.log(
    `generated: ${CANDIDATES} candidates with results and schedule, ${built.pages} pages in ${built.ms} ms`,
  );
  console.log(
    `ratio: ${(built.ms / reference.ms).toFixed(2)}× the reference; ${(built.ms / built.pages).toFixed(2)} ms per page`,
  );
  console.log(`target: ≤ ${TARGET_MS} ms — ${verdict} target`);
  if (!smoke && built.ms > TARGET_MS) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
