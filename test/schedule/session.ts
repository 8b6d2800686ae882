/** Small sessions for the scheduler's tests: the demo's files, trimmed and edited in a temp dir. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const demo = new URL('../../content/demo-2023/', import.meta.url);

type Yaml = Record<string, unknown>;
type Row = Record<string, unknown>;

export interface Edit {
  session?: (s: Yaml) => void;
  /** Keep these candidates only (codes), then edit them. */
  candidates?: string[];
  editCandidates?: (rows: Row[]) => void;
  members?: string[];
  editMembers?: (rows: Row[]) => void;
}

/** A session folder in a temp dir; by default 8 candidates, 6 jurors, 2 rooms, 2 days. */
export async function makeSession(edit: Edit = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-schedule-'));
  const read = async (name: string) => parse(await readFile(new URL(name, demo), 'utf8')) as Yaml;
  const session = await read('session.yaml');
  const defence = session['defence'] as Yaml;
  defence['days'] = ['2023-09-20', '2023-09-21'];
  defence['rooms'] = [
    { id: 'R101', name: 'Salle 101' },
    { id: 'R102', name: 'Salle 102' },
  ];
  edit.session?.(session);
  const people = await read('candidates.yaml');
  const keep = new Set(
    edit.candidates ?? ['C001', 'C002', 'C003', 'C004', 'C009', 'C010', 'C011', 'C012'],
  );
  people['candidates'] = (people['candidates'] as Row[]).filter((c) =>
    keep.has(c['code'] as string),
  );
  // The demo records an absence; here each test sets the absences it is about.
  for (const c of people['candidates'] as Row[]) delete c['absent'];
  edit.editCandidates?.(people['candidates'] as Row[]);
  const juries = await read('juries.yaml');
  const members = new Set(edit.members ?? ['J01', 'J02', 'J03', 'J06', 'J09', 'J12']);
  juries['members'] = (juries['members'] as Row[]).filter((m) => members.has(m['id'] as string));
  edit.editMembers?.(juries['members'] as Row[]);
  await writeFile(join(dir, 'session.yaml'), stringify(session));
  await writeFile(join(dir, 'candidates.yaml'), stringify(people));
  await writeFile(join(dir, 'juries.yaml'), stringify(juries));
  await writeFile(join(dir, 'submissions.yaml'), 'submissions: []\n');
  return dir;
}

/** Edits a YAML file of a session folder in place. */
export async function editYaml(
  dir: string,
  file: string,
  edit: (data: Yaml) => void,
): Promise<void> {
  const path = join(dir, file);
  const data = parse(await readFile(path, 'utf8')) as Yaml;
  edit(data);
  await writeFile(path, stringify(data));
}
