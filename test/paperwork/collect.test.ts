import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { collectPaperwork, writePaperwork } from '../../pipeline/paperwork/index.ts';
import { OutcomesFile } from '../../schemas/outcomes.ts';
import { captureIo } from '../support/io.ts';
import { demoCopy, fill, fillFile, readBack, schedule } from './support.ts';

/** A demo copy with the paperwork of every scheduled defence written. */
let dir: string;
let codes: string[];
const sheet = (code: string) => join(dir, 'paperwork', 'fiches', `${code}.pdf`);
const outcomes = async (d = dir) =>
  OutcomesFile.parse(parse(await readFile(join(d, 'outcomes.yaml'), 'utf8')));

const PASS = { 'dossier.decision': 'validated', 'oral.decision': 'validated' };

beforeAll(async () => {
  dir = await demoCopy();
  await writePaperwork(dir);
  codes = (await schedule(dir)).slots.map((s) => s.candidate).sort();
}, 120_000);

async function filledCopies(fills: Record<string, Parameters<typeof fill>[1]>): Promise<string[]> {
  const out = join(dir, 'filled', String(Math.random()).slice(2));
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const [code, filling] of Object.entries(fills)) {
    files.push(await fillFile(sheet(code), filling, join(out, `${code}.pdf`)));
  }
  return files;
}

describe('recevable paperwork --collect', () => {
  it('round-trips filled sheets into outcomes.yaml, and recevable outcomes decides from them', async () => {
    const [a, b, c, ...rest] = codes as [string, string, string, ...string[]];
    const reasons =
      'Le dossier ne démontre pas la maîtrise du bloc B3\u00a0: aucune mission décisionnelle.\nSoutenance hésitante.';
    const files = await filledCopies({
      [a]: {
        radios: { ...PASS, 'criteria.E1': 'acquired' },
        texts: {
          motivation: 'Très bon dossier, soutenance claire.',
          recommendations: 'Approfondir la sécurité.',
        },
      },
      [b]: {
        radios: {
          'dossier.decision': 'validated',
          'oral.decision': 'failed',
          'criteria.O1': 'not-acquired',
        },
        texts: { reasons },
      },
      [c]: { radios: { 'dossier.decision': 'validated', 'oral.decision': 'absent' } },
      ...Object.fromEntries(rest.map((code) => [code, { radios: PASS }])),
    });
    // pdf.js reads back what was filled, independently of pdf-lib.
    const back = await readBack(await readFile(files[1] ?? ''));
    expect(back.fields.get('oral.decision')?.find((f) => f.type === 'radiobutton')?.value).toBe(
      'failed',
    );
    expect(back.fields.get('reasons')?.find((f) => f.type === 'text')?.value).toBe(reasons);

    const before = await readFile(join(dir, 'outcomes.yaml'), 'utf8');
    const run = await collectPaperwork(dir, files);
    expect(run.problems).toEqual([]);
    expect(run.collected.map((x) => x.candidate)).toEqual(codes);
    const after = await readFile(join(dir, 'outcomes.yaml'), 'utf8');
    expect(after).toContain('# partial: B3 failed'); // staff's comments are kept
    const file = await outcomes();
    const exam = (code: string) => file.outcomes.find((o) => o.candidate === code)?.finalExam;
    expect(exam(a)).toEqual({
      dossier: 'validated',
      oral: 'validated',
      motivation: 'Très bon dossier, soutenance claire.',
      recommendations: 'Approfondir la sécurité.',
      criteria: { E1: 'acquired' },
    });
    expect(exam(b)).toEqual({
      dossier: 'validated',
      oral: 'failed',
      reasons,
      criteria: { O1: 'not-acquired' },
    });
    expect(exam(c)).toEqual({ dossier: 'validated', oral: 'absent' });
    const blocks = (code: string, text: string) =>
      (parse(text) as { outcomes: { candidate: string; blocks?: unknown }[] }).outcomes.find(
        (o) => o.candidate === code,
      )?.blocks;
    for (const code of codes) expect(blocks(code, after)).toEqual(blocks(code, before));

    const io = captureIo();
    expect(await main(['outcomes', dir, '--json'], io)).toBe(0);
    const decided = (io.out[0] as { outcomes: { candidate: string; decision: string }[] }).outcomes;
    const decision = (code: string) => decided.find((o) => o.candidate === code)?.decision;
    // Every scheduled candidate is decided from the blocks of outcomes.yaml and the collected exam.
    const people = parse(await readFile(join(dir, 'candidates.yaml'), 'utf8')) as {
      candidates: { code: string; specialisation: string }[];
    };
    for (const code of codes) {
      const entry = file.outcomes.find((o) => o.candidate === code);
      const spec = people.candidates.find((p) => p.code === code)?.specialisation ?? '?';
      const results = ['B1', 'B2', 'B3', spec].map((id) => entry?.blocks[id]);
      const examOk = exam(code)?.dossier === 'validated' && exam(code)?.oral === 'validated';
      const expected = results.some((r) => r === undefined)
        ? 'incomplete'
        : !results.includes('validated')
          ? 'refusal'
          : results.every((r) => r === 'validated') && examOk
            ? 'total'
            : 'partial';
      expect(decision(code), code).toBe(expected);
    }
    expect(decision(b)).not.toBe('total');
    expect(decision(c)).not.toBe('total'); // absent counts as not validated
    expect(codes.length).toBe(17);
    // Collecting the same files again changes nothing.
    const again = await collectPaperwork(dir, files);
    expect(again.written).toBe(false);
    expect(again.collected.every((x) => x.change === 'unchanged')).toBe(true);
  });

  it('creates outcomes.yaml when there is none', async () => {
    const copy = await demoCopy();
    await rm(join(copy, 'outcomes.yaml'));
    const [code] = codes as [string];
    const [file] = await filledCopies({ [code]: { radios: PASS } });
    const run = await collectPaperwork(copy, [file ?? '']);
    expect(run.collected.map((c) => c.change)).toEqual(['added']);
    expect((await outcomes(copy)).outcomes).toEqual([
      { candidate: code, blocks: {}, finalExam: { dossier: 'validated', oral: 'validated' } },
    ]);
  });

  it('refuses a sheet of another session, naming the file and the field, and collects the rest', async () => {
    const [a, b] = codes as [string, string];
    const [good, foreign] = await filledCopies({
      [a]: { radios: PASS },
      [b]: { radios: PASS, 'oral.decision': 'validated' } as never,
    });
    const doc = await PDFDocument.load(await readFile(foreign ?? ''));
    doc.getForm().getTextField('recevable.session').setText('epsi-2024');
    await writeFile(foreign ?? '', await doc.save());
    const run = await collectPaperwork(dir, [good ?? '', foreign ?? '']);
    expect(run.collected.map((c) => c.candidate)).toEqual([a]);
    expect(run.problems).toMatchObject([
      { file: foreign, field: 'recevable.session', code: 'PAPERWORK_FOREIGN', level: 'error' },
    ]);
    expect(run.problems[0]?.message).toContain(
      `${foreign}: field recevable.session is "epsi-2024", expected "epsi-2023"`,
    );
  });

  it('refuses « non validé » without written reasons, but not an absence', async () => {
    const [a, b] = codes as [string, string];
    const [failed, absent] = await filledCopies({
      [a]: {
        radios: { 'dossier.decision': 'failed', 'oral.decision': 'validated' },
        texts: { motivation: 'Insuffisant.' },
      },
      [b]: { radios: { 'dossier.decision': 'validated', 'oral.decision': 'absent' } },
    });
    const run = await collectPaperwork(dir, [failed ?? '', absent ?? '']);
    expect(run.collected.map((c) => c.candidate)).toEqual([b]);
    expect(run.problems).toMatchObject([
      { file: failed, field: 'reasons', candidate: a, code: 'PAPERWORK_REASONS_MISSING' },
    ]);
    expect(run.problems[0]?.message).toContain('partie écrite non validée');
  });

  it('refuses two sheets that disagree for one candidate, naming both files and the field; identical copies pass', async () => {
    const [a, b] = codes as [string, string];
    const [one] = await filledCopies({ [a]: { radios: PASS } });
    const [other] = await filledCopies({
      [a]: { radios: { ...PASS, 'oral.decision': 'failed' }, texts: { reasons: 'Hors sujet.' } },
    });
    const [same1] = await filledCopies({ [b]: { radios: PASS } });
    const [same2] = await filledCopies({ [b]: { radios: PASS } });
    const run = await collectPaperwork(dir, [one ?? '', other ?? '', same1 ?? '', same2 ?? '']);
    expect(run.collected.map((c) => [c.candidate, c.files.length])).toEqual([[b, 2]]);
    expect(run.problems.map((p) => [p.file, p.field, p.code])).toEqual([
      [one, 'oral.decision', 'PAPERWORK_CONFLICT'],
      [other, 'oral.decision', 'PAPERWORK_CONFLICT'],
    ]);
    expect(run.problems[0]?.message).toContain(`but ${other} says "failed"`);
  });

  it('reads a filled PV: it agrees with the sheets or is refused as conflicting', async () => {
    const slots = (await schedule(dir)).slots;
    const first = slots[0];
    if (!first) throw new Error('no slot');
    const day = first.start.slice(0, 10);
    const pv = join(dir, 'paperwork', 'proces-verbaux', `${day}-jury-${first.juryLabel}.pdf`);
    const heard = slots
      .filter((s) => s.juryLabel === first.juryLabel && s.start.startsWith(day))
      .map((s) => s.candidate);
    const radios = Object.fromEntries(
      heard.flatMap((c) => [
        [`candidate.${c}.dossier`, 'validated'],
        [`candidate.${c}.oral`, 'validated'],
      ]),
    );
    const out = join(dir, 'filled', 'pv.pdf');
    await fillFile(pv, { radios }, out);
    const sheets = await filledCopies(Object.fromEntries(heard.map((c) => [c, { radios: PASS }])));
    const agreed = await collectPaperwork(dir, [out, ...sheets]);
    expect(agreed.problems).toEqual([]);
    expect(agreed.collected.map((c) => c.files.includes(out))).toEqual(heard.map(() => true));
    const [disagreeing] = await filledCopies({
      [first.candidate]: {
        radios: { ...PASS, 'dossier.decision': 'failed' },
        texts: { reasons: 'Plan non respecté.' },
      },
    });
    const refused = await collectPaperwork(dir, [out, disagreeing ?? '']);
    expect(refused.collected.map((c) => c.candidate)).not.toContain(first.candidate);
    expect(refused.problems.map((p) => [p.file, p.field])).toEqual([
      [out, `candidate.${first.candidate}.dossier`],
      [disagreeing, 'dossier.decision'],
    ]);
  });

  it('refuses damaged, empty, unfilled and foreign-made files, each by name, and goes on', async () => {
    const [a, b] = codes as [string, string];
    const out = join(dir, 'filled', 'bad');
    await mkdir(out, { recursive: true });
    const bytes = await readFile(sheet(a));
    const truncated = join(out, 'truncated.pdf');
    await writeFile(truncated, bytes.subarray(0, 2000));
    const empty = join(out, 'empty.pdf');
    await writeFile(empty, '');
    const text = join(out, 'notes.pdf');
    await writeFile(text, 'Avis du jury : validé');
    const plain = join(out, 'plain.pdf');
    const doc = await PDFDocument.create();
    doc.addPage();
    await writeFile(plain, await doc.save());
    const unfilled = join(out, `${a}-blank.pdf`);
    await copyFile(sheet(a), unfilled);
    const [good] = await filledCopies({ [b]: { radios: PASS } });
    const missing = join(out, 'missing.pdf');
    const io = captureIo();
    const code = await main(
      [
        'paperwork',
        dir,
        '--collect',
        truncated,
        empty,
        text,
        plain,
        unfilled,
        missing,
        good ?? '',
        '--json',
      ],
      io,
    );
    expect(code).toBe(1);
    const json = io.out[0] as {
      collected: { candidate: string }[];
      problems: { file: string; field?: string; code: string }[];
    };
    expect(json.collected.map((c) => c.candidate)).toEqual([b]);
    expect(json.problems.map((p) => [p.file, p.code, p.field])).toEqual([
      [truncated, 'PAPERWORK_UNREADABLE', undefined],
      [empty, 'PAPERWORK_UNREADABLE', undefined],
      [text, 'PAPERWORK_UNREADABLE', undefined],
      [plain, 'PAPERWORK_NOT_PAPERWORK', 'recevable.session'],
      [unfilled, 'PAPERWORK_EMPTY', 'dossier.decision'],
      [missing, 'PAPERWORK_UNREADABLE', undefined],
    ]);
    for (const p of json.problems) expect(io.stderr).toContain(p.file);
  });

  it('refuses an unknown candidate, a value no box holds, an encrypted and an oversized file', async () => {
    const [a, b, c] = codes as [string, string, string];
    const [unknown, hacked, encrypted] = await filledCopies({
      [a]: { radios: PASS },
      [b]: { radios: PASS },
      [c]: { radios: PASS },
    });
    const edit = async (path: string, change: (doc: PDFDocument) => void) => {
      const doc = await PDFDocument.load(await readFile(path));
      change(doc);
      await writeFile(path, await doc.save());
    };
    await edit(unknown ?? '', (doc) =>
      doc.getForm().getTextField('recevable.candidate').setText('C999'),
    );
    await edit(hacked ?? '', (doc) =>
      doc
        .getForm()
        .getRadioGroup('oral.decision')
        .acroField.dict.set(PDFName.of('V'), PDFName.of('maybe')),
    );
    const locked = `${encrypted}.locked.pdf`;
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', encrypted ?? '', locked]);
    const big = join(dir, 'filled', 'big.pdf');
    await writeFile(
      big,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    const run = await collectPaperwork(dir, [unknown ?? '', hacked ?? '', locked, big]);
    expect(run.collected).toEqual([]);
    expect(run.problems.map((p) => [p.file, p.code, p.field])).toEqual([
      [unknown, 'PAPERWORK_UNKNOWN_CANDIDATE', 'recevable.candidate'],
      [hacked, 'PAPERWORK_BAD_VALUE', 'oral.decision'],
      [locked, 'PAPERWORK_UNREADABLE', undefined],
      [big, 'PAPERWORK_UNREADABLE', undefined],
    ]);
    expect(run.problems[1]?.message).toContain(
      'holds "maybe", expected one of validated, failed, absent',
    );
    expect(run.problems[2]?.message).toContain('it is encrypted');
    expect(run.problems[3]?.message).toContain('more than a sheet can be');
  });

  it('collects every PDF of a folder given to --collect', async () => {
    const files = await filledCopies(Object.fromEntries(codes.map((c) => [c, { radios: PASS }])));
    const folder = files[0]?.slice(0, files[0].lastIndexOf('/')) ?? '';
    const io = captureIo();
    expect(await main(['paperwork', dir, '--collect', folder], io)).toBe(0);
    expect(io.stderr).toContain(`${codes.length} candidates collected, 0 problems`);
  });
});
