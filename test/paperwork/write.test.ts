import { readFile, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { writePaperwork, type PaperworkRun } from '../../pipeline/paperwork/index.ts';
import { CandidatesFile } from '../../schemas/candidates.ts';
import { JuriesFile } from '../../schemas/juries.ts';
import { Session } from '../../schemas/session.ts';
import { captureIo } from '../support/io.ts';
import { demoCopy, fillFile, fontsOf, pdfinfo, readBack, schedule } from './support.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const TZ = 'Europe/Paris';
const dayText = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: TZ,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
const time = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit' })
    .format(new Date(iso))
    .replace(':', ' h ');
const localDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(iso));

let dir: string;
let run: PaperworkRun;
let session: Session;
let candidates: CandidatesFile;
let juries: JuriesFile;

const yaml = async (file: string) => parse(await readFile(join(dir, file), 'utf8')) as unknown;

beforeAll(async () => {
  dir = await demoCopy();
  run = await writePaperwork(dir);
  session = Session.parse(await yaml('session.yaml'));
  candidates = CandidatesFile.parse(await yaml('candidates.yaml'));
  juries = JuriesFile.parse(await yaml('juries.yaml'));
}, 120_000);

/** A demo copy whose schedule keeps its first five defences (C001 and C003 among them): fewer PDFs to render. */
async function trimmedCopy(): Promise<string> {
  const copy = await demoCopy();
  const path = join(copy, 'schedule.yaml');
  const data = parse(await readFile(path, 'utf8')) as { slots: unknown[] };
  data.slots = data.slots.slice(0, 5);
  await writeFile(path, stringify(data));
  return copy;
}

const paper = (file: string) => readFile(join(dir, 'paperwork', file));

describe('recevable paperwork on the demo session', () => {
  it('writes one sheet per scheduled defence and one PV per jury and day', async () => {
    const { slots } = await schedule(dir);
    const sheets = slots.map((s) => `fiches/${s.candidate}.pdf`).sort();
    const minutes = [
      ...new Set(slots.map((s) => `proces-verbaux/${localDay(s.start)}-jury-${s.juryLabel}.pdf`)),
    ].sort();
    expect(run.files.filter((f) => f.kind === 'evaluation').map((f) => f.file)).toEqual(sheets);
    expect(run.files.filter((f) => f.kind === 'minutes').map((f) => f.file)).toEqual(minutes);
    expect(run.files.every((f) => f.status === 'written')).toBe(true);
    expect(sheets.length).toBeGreaterThan(10);
    expect(run.problems).toEqual([]);
  });

  it('prints on each sheet the candidate, blocks, date, time, room, both jurors and the grid of their blocks', async () => {
    const { slots } = await schedule(dir);
    for (const slot of slots) {
      const c = candidates.candidates.find((x) => x.code === slot.candidate);
      const back = await readBack(await paper(`fiches/${slot.candidate}.pdf`));
      const text = flat(back.pages.join('\n'));
      expect(text).toContain(`${c?.name} (n° ${slot.candidate})`);
      expect(text).toContain(`${dayText(slot.start)}, de ${time(slot.start)} à ${time(slot.end)}`);
      const room = session.defence.rooms.find((r) => r.id === slot.room)?.name ?? '?';
      expect(text).toContain(`${room}, ${session.defence.venue.name}`);
      for (const id of slot.jury)
        expect(text).toContain(juries.members.find((m) => m.id === id)?.name ?? '?');
      expect(text).toContain(`Jury ${slot.juryLabel}`);
      const stake = session.blocks.filter((b) => b.kind === 'socle' || b.id === c?.specialisation);
      for (const b of stake) expect(text).toContain(`${b.id} — ${b.title}`);
      const other = session.blocks.find(
        (b) => b.kind === 'specialisation' && b.id !== c?.specialisation,
      );
      for (const criterion of session.evaluation?.grid ?? []) {
        const printed = text.includes(`${criterion.id}. ${criterion.title}`);
        const onlyOther =
          criterion.blocks.length > 0 && criterion.blocks.every((b) => b === other?.id);
        expect(printed, `${slot.candidate} ${criterion.id}`).toBe(!onlyOther);
      }
      expect(text).toContain('Celles-ci ne peuvent en aucun cas être assimilées à des réserves.');
      expect(text).toContain('Raisons de la non-validation');
      expect(text).toContain('Partie écrite — dossier professionnel');
      expect(text).toContain('Partie orale — soutenance');
    }
  });

  it('makes the position, texts and grid form fields, with the session and candidate in hidden fields', async () => {
    const back = await readBack(await paper('fiches/C001.pdf'));
    const one = (name: string) => back.fields.get(name)?.find((f) => f.type !== '');
    expect(one('recevable.session')).toMatchObject({
      type: 'text',
      value: 'epsi-2023',
      hidden: true,
    });
    expect(one('recevable.candidate')).toMatchObject({ type: 'text', value: 'C001', hidden: true });
    expect(one('recevable.document')).toMatchObject({ value: 'evaluation' });
    const options = (name: string) =>
      back.fields
        .get(name)
        ?.filter((f) => f.type === 'radiobutton')
        .map((f) => f.exportValues);
    expect(options('dossier.decision')).toEqual(['validated', 'failed']);
    expect(options('oral.decision')).toEqual(['validated', 'failed', 'absent']);
    expect(options('criteria.E5')).toEqual(['acquired', 'not-acquired']);
    expect(back.fields.has('criteria.E6')).toBe(false); // a B5 criterion, C001 takes B4
    for (const name of ['motivation', 'reasons', 'recommendations']) {
      expect(one(name)).toMatchObject({ type: 'text', value: '' });
    }
    expect(one('signature.J03')?.type).toBe('signature');
    expect(one('signature.J10')?.type).toBe('signature');
    expect(back.info['Keywords']).toBe(
      'recevable session:epsi-2023 document:evaluation candidate:C001',
    );
  });

  it('prints each PV with every candidate the jury heard that day, decision and signature fields', async () => {
    const { slots } = await schedule(dir);
    const minutes = run.files.filter((f) => f.kind === 'minutes');
    for (const { file } of minutes) {
      const [, day, label] = /(\d{4}-\d{2}-\d{2})-jury-(.+)\.pdf$/.exec(file) ?? [];
      const heard = slots.filter((s) => s.juryLabel === label && localDay(s.start) === day);
      const back = await readBack(await paper(file));
      const text = flat(back.pages.join('\n'));
      expect(text).toContain('Procès-verbal de délibération');
      expect(text).toContain(`Date ${dayText(heard[0]?.start ?? '')}`);
      for (const slot of heard) {
        const name = candidates.candidates.find((c) => c.code === slot.candidate)?.name;
        expect(text).toContain(`${slot.candidate} — ${name}`);
        expect(back.fields.get(`candidate.${slot.candidate}.dossier`)?.length).toBeGreaterThan(1);
        expect(back.fields.get(`candidate.${slot.candidate}.oral`)?.length).toBeGreaterThan(2);
      }
      const rows = [...back.fields.keys()].filter((k) => /^candidate\.[^.]+\.oral$/.test(k));
      expect(rows.sort()).toEqual(heard.map((s) => `candidate.${s.candidate}.oral`).sort());
      for (const id of heard[0]?.jury ?? []) {
        expect(text).toContain(juries.members.find((m) => m.id === id)?.name ?? '?');
        expect(back.fields.get(`signature.${id}`)?.[0]?.type).toBe('signature');
      }
      expect(back.fields.get('recevable.jury')?.find((f) => f.type === 'text')?.value).toBe(label);
      expect(back.fields.get('recevable.day')?.find((f) => f.type === 'text')?.value).toBe(day);
    }
  });

  it('writes A4 pages (two per sheet, one per PV) with every font embedded', async () => {
    for (const { file, kind } of run.files) {
      const path = join(dir, 'paperwork', file);
      expect(pdfinfo(path)).toEqual({
        pages: kind === 'evaluation' ? 2 : 1,
        size: '595.28 x 841.89 pts (A4)',
      });
      const fonts = await fontsOf(await readFile(path));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    }
  });

  it('gives byte-identical PDFs on a re-run and in another folder, dated by the defence', async () => {
    const before = await paper('fiches/C001.pdf');
    const mtime = (await stat(join(dir, 'paperwork', 'fiches', 'C001.pdf'))).mtimeMs;
    const again = await writePaperwork(dir);
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect((await stat(join(dir, 'paperwork', 'fiches', 'C001.pdf'))).mtimeMs).toBe(mtime);
    const other = await demoCopy();
    await writePaperwork(other);
    for (const { file } of run.files) {
      expect((await readFile(join(other, 'paperwork', file))).equals(await paper(file)), file).toBe(
        true,
      );
    }
    const slot = (await schedule(dir)).slots.find((s) => s.candidate === 'C001');
    const created = /\/CreationDate \(D:(\d{14})/.exec(before.toString('latin1'))?.[1];
    expect(created).toBe(
      new Date(slot?.start ?? '').toISOString().replace(/[-T:]/g, '').slice(0, 14),
    );
    expect(before.toString('latin1')).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/i);
  });

  it('rewrites only the papers a schedule change touches, and removes those of a defence taken off', async () => {
    const copy = await trimmedCopy();
    await writePaperwork(copy);
    const path = join(copy, 'schedule.yaml');
    const text = await readFile(path, 'utf8');
    const data = parse(text) as { slots: { candidate: string; room: string; start: string }[] };
    const moved = data.slots.find((s) => s.candidate === 'C001');
    const dropped = data.slots.find((s) => s.candidate === 'C003');
    if (!moved || !dropped) throw new Error('demo schedule changed');
    moved.room = 'R103';
    data.slots = data.slots.filter((s) => s !== dropped);
    await writeFile(path, stringify(data));
    const slots = (await schedule(copy)).slots;
    const pvOf = (s: { start: string; juryLabel?: string }, label: string) =>
      `proces-verbaux/${localDay(s.start)}-jury-${label}.pdf`;
    const labelOf = (code: string) =>
      (parse(text) as { slots: { candidate: string; juryLabel: string }[] }).slots.find(
        (s) => s.candidate === code,
      )?.juryLabel ?? '?';
    const changed = (await writePaperwork(copy)).files.filter((f) => f.status !== 'unchanged');
    expect(changed).toEqual(
      [
        { file: 'fiches/C001.pdf', kind: 'evaluation', status: 'written' },
        { file: 'fiches/C003.pdf', kind: 'evaluation', status: 'removed' },
        { file: pvOf(moved, labelOf('C001')), kind: 'minutes', status: 'written' },
        ...(pvOf(dropped, labelOf('C003')) === pvOf(moved, labelOf('C001'))
          ? []
          : [{ file: pvOf(dropped, labelOf('C003')), kind: 'minutes', status: 'written' }]),
      ].sort((a, b) => (a.file < b.file ? -1 : 1)),
    );
    expect(slots.some((s) => s.candidate === 'C003')).toBe(false);
    const text1 = flat(
      (await readBack(await readFile(join(copy, 'paperwork', 'fiches', 'C001.pdf')))).pages.join(
        ' ',
      ),
    );
    expect(text1).toContain('Salle 103, EPSI Montpellier');
  });

  it('keeps a sheet a juror has filled in on a re-run, and replaces it with --force', async () => {
    const copy = await trimmedCopy();
    await writePaperwork(copy);
    const sheet = join(copy, 'paperwork', 'fiches', 'C001.pdf');
    await fillFile(sheet, { radios: { 'oral.decision': 'validated' } });
    const filled = await readFile(sheet);
    await writeFile(
      join(copy, 'juries.yaml'),
      (await readFile(join(copy, 'juries.yaml'), 'utf8')).replace(
        'Denis Examinard',
        'Denis Examinard-Roux',
      ),
    );
    const kept = await writePaperwork(copy);
    expect(kept.files.find((f) => f.file === 'fiches/C001.pdf')?.status).toBe('kept');
    expect(kept.problems.map((p) => [p.code, p.level, p.file])).toEqual([
      ['PAPERWORK_FILLED_KEPT', 'warning', join('paperwork', 'fiches', 'C001.pdf')],
    ]);
    expect((await readFile(sheet)).equals(filled)).toBe(true);
    const forced = await writePaperwork(copy, { force: true });
    expect(forced.files.find((f) => f.file === 'fiches/C001.pdf')?.status).toBe('written');
    expect(flat((await readBack(await readFile(sheet))).pages.join(' '))).toContain(
      'Denis Examinard-Roux',
    );
  });
});

describe('recevable paperwork refuses a session it cannot print', () => {
  async function cli(dir: string, ...args: string[]) {
    const io = captureIo();
    const code = await main(['paperwork', dir, ...args], io);
    return { code, io };
  }

  it('without evaluation.grid, naming session.yaml and the fix', async () => {
    const copy = await demoCopy();
    const path = join(copy, 'session.yaml');
    const text = await readFile(path, 'utf8');
    await writeFile(
      path,
      text.slice(0, text.indexOf('evaluation:')) + 'publish: { names: false }\n',
    );
    const { code, io } = await cli(copy);
    expect(code).toBe(1);
    expect(io.stderr).toContain('session.yaml has no evaluation.grid');
    expect(io.stderr).toContain('[PAPERWORK_NO_GRID]');
  });

  it('with a criterion naming an unknown block, at its line and column', async () => {
    const copy = await demoCopy();
    const path = join(copy, 'session.yaml');
    const text = await readFile(path, 'utf8');
    await writeFile(
      path,
      text.replace('blocks: [B3], title: Pilotage', 'blocks: [B7], title: Pilotage'),
    );
    const line = text.split('\n').findIndex((l) => l.includes('title: Pilotage')) + 1;
    const { code, io } = await cli(copy, '--json');
    expect(code).toBe(1);
    expect(io.stderr).toMatch(
      new RegExp(`session\\.yaml:${line}:\\d+: the evaluation criterion names the block "B7"`),
    );
    expect((io.out[0] as { error: { code: string } }).error.code).toBe('PAPERWORK_GRID_BLOCK');
  });

  it('without schedule.yaml, pointing to recevable schedule', async () => {
    const copy = await demoCopy();
    await rm(join(copy, 'schedule.yaml'));
    const { code, io } = await cli(copy);
    expect(code).toBe(1);
    expect(io.stderr).toContain('has no schedule.yaml');
    expect(io.stderr).toContain('recevable schedule');
  });

  it('with files after the folder but no --collect, as a usage error', async () => {
    const { code, io } = await cli(await demoCopy(), 'a.pdf');
    expect(code).toBe(2);
    expect(io.stderr).toContain('did you mean --collect?');
  });
});
