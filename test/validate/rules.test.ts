import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSession } from '../../pipeline/session/validate.ts';
import { demoCopy, removeCopies, replace, shown } from './session-copy.ts';

/** Line of the demo's session.yaml holding `needle`, so tests survive edits of the demo. */
const demoLine = (needle: string): number =>
  readFileSync('content/demo-2023/session.yaml', 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

afterAll(removeCopies);

async function problemsOf(edits: Parameters<typeof demoCopy>[0]): Promise<string[]> {
  const dir = demoCopy(edits);
  return (await validateSession(dir)).problems.map((p) => shown(dir, p));
}

describe('cross-file rules', () => {
  it('reports a submission for an unknown candidate', async () => {
    const problems = await problemsOf({
      'submissions.yaml':
        'submissions:\n  - { candidate: C001, file: submissions/C001.pdf, receivedAt: 2023-08-24T18:03 }\n  - { candidate: C099, file: submissions/C099.pdf, receivedAt: 2023-08-24T18:03 }\n',
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "submissions.yaml:«C099, file: submissions/» SESSION_UNKNOWN_REFERENCE Unknown candidate "C099", expected one of \`C001\`, \`C002\`, \`C003\`, \`C004\`, \`C005\`, \`C006\`, \`C007\`, \`C008\` and 22 more.",
      ]
    `);
  });

  it('reports a deadline naming an unknown key date, and one that is a span', async () => {
    expect(
      await problemsOf({ 'session.yaml': replace('deadline: remise-dossier', 'deadline: rendu') }),
    ).toMatchInlineSnapshot(`
      [
        "session.yaml:«rendu» SESSION_UNKNOWN_REFERENCE Unknown key date "rendu", expected one of \`convocations\`, \`remise-dossier\`, \`soutenances\`, \`tableau-sujets\` or \`validation-dossiers\`.",
      ]
    `);
    expect(
      await problemsOf({
        'session.yaml': replace('deadline: remise-dossier', 'deadline: soutenances'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "session.yaml:«soutenances» SESSION_WRONG_KEY_DATE_KIND Unexpected key date "soutenances" for rules.deadline, expected a single moment (\`at:\`).",
      ]
    `);
  });

  it('reports a defence key date that is a single moment, and unknown convocationsSentOn', async () => {
    const problems = await problemsOf({
      'session.yaml': (t) =>
        replace(
          'keyDate: soutenances',
          'keyDate: convocations',
        )(t).replace('convocationsSentOn: convocations', 'convocationsSentOn: envoi'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«convocations» SESSION_WRONG_KEY_DATE_KIND Unexpected key date "convocations" for defence.keyDate, expected a span of days (\`from:\` and \`to:\`).",
        "session.yaml:«envoi» SESSION_UNKNOWN_REFERENCE Unknown key date "envoi", expected one of \`convocations\`, \`remise-dossier\`, \`soutenances\`, \`tableau-sujets\` or \`validation-dossiers\`.",
      ]
    `);
  });

  it('reports a defence day outside the span of the defence key date', async () => {
    const problems = await problemsOf({
      'session.yaml': replace(
        'days: [2023-09-20, 2023-09-21, 2023-09-22]',
        'days: [2023-09-20, 2023-09-23]',
      ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«2023-09-23]» SESSION_DEFENCE_DAY_OUTSIDE Unexpected defence day 2023-09-23, expected a day of key date "soutenances" (2023-09-20 → 2023-09-22).",
      ]
    `);
  });

  it('reports duplicate block, key date and room ids, naming the first line', async () => {
    const problems = await problemsOf({
      'session.yaml': (t) =>
        replace(
          '{ id: B3, kind',
          '{ id: B2, kind',
        )(t)
          .replace('{ id: convocations, at', '{ id: tableau-sujets, at')
          .replace('{ id: R103, name', '{ id: R101, name')
          .replace('convocationsSentOn: convocations', 'convocationsSentOn: remise-dossier'),
    });
    expect(problems).toEqual([
      `session.yaml:«B2, kind: socle, title: » SESSION_DUPLICATE_ID Duplicate block id "B2", already used on line ${demoLine('{ id: B2,')}.`,
      `session.yaml:«tableau-sujets, at: 2023» SESSION_DUPLICATE_ID Duplicate key date id "tableau-sujets", already used on line ${demoLine('{ id: tableau-sujets,')}.`,
      `session.yaml:«R101, name: Salle 103 }» SESSION_DUPLICATE_ID Duplicate room id "R101", already used on line ${demoLine('{ id: R101,')}.`,
    ]);
  });

  it('reports bounds in the wrong order: pages, similarity, hours, a break, a span', async () => {
    const problems = await problemsOf({
      'session.yaml': (t) =>
        replace(
          'min: 50, max: 60',
          'min: 61, max: 60',
        )(t)
          .replace('review: 0.10, reject: 0.25', 'review: 0.30, reject: 0.25')
          .replace('start: "08:30", end: "18:00"', 'start: "18:00", end: "18:00"')
          .replace('["12:30", "13:30"]', '["13:30", "12:30"]')
          .replace('from: 2023-08-28, to: 2023-09-01', 'from: 2023-09-01, to: 2023-08-28'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«2023-08-28, title: "Vali» SESSION_INVERTED_RANGE Unexpected keyDates[2].from 2023-09-01 above to 2023-08-28, expected keyDates[2].from ≤ to.",
        "session.yaml:«61, max: 60 }» SESSION_INVERTED_RANGE Unexpected rules.pages.min 61 above max 60, expected rules.pages.min ≤ max.",
        "session.yaml:«0.30, reject: 0.25, minW» SESSION_INVERTED_RANGE Unexpected rules.similarity.review 0.3 above reject 0.25, expected rules.similarity.review ≤ reject.",
        "session.yaml:«"18:00", end: "18:00", b» SESSION_INVERTED_RANGE Unexpected defence.hours.start 18:00 not before end 18:00, expected defence.hours.start < end.",
        "session.yaml:«["13:30", "12:30"]] }» SESSION_INVERTED_RANGE Unexpected breaks[0] start 13:30 not before its end 12:30, expected breaks[0] start < its end.",
      ]
    `);
  });

  it('reports duplicate candidate codes and tutor ids, an unknown tutor and specialisation', async () => {
    const problems = await problemsOf({
      'candidates.yaml': (t) =>
        replace(
          'tutors:',
          '  - { code: C001, name: Camille Doublon, email: camille.doublon@example.org, specialisation: B4 }\ntutors:',
        )(t)
          .replace(
            'specialisation: B4, company: Soylent Data, tutor: T03',
            'specialisation: B1, company: Soylent Data, tutor: T03',
          )
          .replace(
            'specialisation: B4, company: Stark Numérique, tutor: T05',
            'specialisation: B7, company: Stark Numérique, tutor: T09',
          )
          .replace(
            /\n$/,
            '\n  - { id: T04, name: Paul Doublon, email: paul.doublon@example.org }\n',
          ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "candidates.yaml:«B1, company: Soylent Dat» SESSION_INVALID_VALUE Unexpected socle block "B1", expected a block of kind \`specialisation\`.",
        "candidates.yaml:«B7, company: Stark Numér» SESSION_UNKNOWN_REFERENCE Unknown specialisation block "B7", expected one of \`B4\` or \`B5\`.",
        "candidates.yaml:«T09,» SESSION_UNKNOWN_REFERENCE Unknown tutor "T09", expected one of \`T01\`, \`T02\`, \`T03\`, \`T04\` or \`T05\`.",
        "candidates.yaml:«{ code: C001, name: Cami» SESSION_TOPIC_MISSING Candidate C001 has no dossier topic and tutor, due by key date tableau-sujets (2023-01-02).",
        "candidates.yaml:«C001, name: Camille Doub» SESSION_DUPLICATE_ID Duplicate candidate code "C001", already used on line 8.",
        "candidates.yaml:«T04, name: Paul Doublon,» SESSION_DUPLICATE_ID Duplicate tutor id "T04", already used on line 73.",
      ]
    `);
  });

  it('reports duplicate jury ids and an expertise naming an unknown block', async () => {
    const problems = await problemsOf({
      'juries.yaml': (t) =>
        replace(
          '{ id: J02,',
          '{ id: J01,',
        )(t).replace('expertise: [B4, B5]', 'expertise: [B4, B6]'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "juries.yaml:«J01, name: Claire Évaluo» SESSION_DUPLICATE_ID Duplicate jury member id "J01", already used on line 4.",
        "juries.yaml:«B6], available: [2023-09» SESSION_UNKNOWN_REFERENCE Unknown block "B6", expected one of \`B1\`, \`B2\`, \`B3\`, \`B4\` or \`B5\`.",
      ]
    `);
  });

  it('validates schedule.yaml and results/*.yaml when present, against the people they name', async () => {
    const dir = demoCopy({
      'schedule.yaml': [
        'session: epsi-2023',
        'version: 1',
        'slots:',
        '  - { candidate: C001, jury: [J01, J99], juryLabel: A, room: R101, start: 2023-09-20T08:30:00+02:00, end: 2023-09-20T09:15:00+02:00, deliberationEnd: 2023-09-20T09:30:00+02:00 }',
        '  - { candidate: C404, jury: [J01, J02], juryLabel: A, room: R999, start: 2023-09-20T09:30:00+02:00, end: 2023-09-20T10:15:00+02:00, deliberationEnd: 2023-09-20T10:30:00+02:00 }',
        'unscheduled: []',
        '',
      ].join('\n'),
    });
    mkdirSync(join(dir, 'results'));
    const result = (code: string) =>
      `candidate: ${code}\nstatus: admissible\nchecks: {}\ntool: { name: recevable, version: 0.1.0 }\n`;
    writeFileSync(join(dir, 'results', 'C001.yaml'), result('C001'));
    writeFileSync(join(dir, 'results', 'C002.yaml'), result('C003'));
    writeFileSync(join(dir, 'results', 'C777.yaml'), result('C777'));
    writeFileSync(join(dir, 'results', 'C004.yaml'), 'candidate: C004\nstatus: maybe\n');
    writeFileSync(join(dir, 'results', 'notes.txt'), 'not YAML, not checked');
    // summary.yaml has its own schema, not that of a candidate's result.
    writeFileSync(
      join(dir, 'results', 'summary.yaml'),
      'session: epsi-2023\ncounts: { admissible: 1, not-admissible: 0, needs-review: 0, error: 0 }\ncandidates: [{ candidate: C001, status: admissible }]\ntool: { name: recevable, version: 0.1.0 }\n',
    );
    const { problems } = await validateSession(dir);
    expect(problems.map((p) => shown(dir, p))).toMatchInlineSnapshot(`
      [
        "schedule.yaml:«J99], juryLabel: A, room» SESSION_UNKNOWN_REFERENCE Unknown jury member "J99", expected one of \`J01\`, \`J02\`, \`J03\`, \`J04\`, \`J05\`, \`J06\`, \`J07\`, \`J08\` and 4 more.",
        "schedule.yaml:«C404, jury: [J01, J02], » SESSION_UNKNOWN_REFERENCE Unknown candidate "C404", expected one of \`C001\`, \`C002\`, \`C003\`, \`C004\`, \`C005\`, \`C006\`, \`C007\`, \`C008\` and 22 more.",
        "schedule.yaml:«R999, start: 2023-09-20T» SESSION_UNKNOWN_REFERENCE Unknown room "R999", expected one of \`R101\`, \`R102\` or \`R103\`.",
        "results/C002.yaml:«C003» SESSION_INVALID_VALUE Unexpected "C003", expected "C002", the name of the file.",
        "results/C004.yaml:«candidate: C004» SESSION_MISSING_KEY Missing key \`checks\` in the file, expected a mapping of keys to values.",
        "results/C004.yaml:«candidate: C004» SESSION_MISSING_KEY Missing key \`tool\` in the file, expected a mapping of keys to values.",
        "results/C004.yaml:«maybe» SESSION_INVALID_VALUE Unexpected "maybe", expected one of \`admissible\`, \`not-admissible\`, \`needs-review\` or \`error\`.",
        "results/C777.yaml:«C777» SESSION_UNKNOWN_REFERENCE Unknown candidate "C777", expected one of \`C001\`, \`C002\`, \`C003\`, \`C004\`, \`C005\`, \`C006\`, \`C007\`, \`C008\` and 22 more.",
      ]
    `);
  });

  it('checks that a schedule is of this session, one slot per candidate, times in order', async () => {
    const slot = (code: string, start: string, end: string, free: string) =>
      `  - { candidate: ${code}, jury: [J01, J02], juryLabel: A, room: R101, start: 2023-09-20T${start}:00+02:00, end: 2023-09-20T${end}:00+02:00, deliberationEnd: 2023-09-20T${free}:00+02:00 }`;
    const dir = demoCopy({
      'schedule.yaml': [
        'session: epsi-2022',
        'version: 1',
        'slots:',
        slot('C001', '08:30', '09:15', '09:30'),
        slot('C001', '09:30', '10:15', '10:30'),
        slot('C003', '11:00', '10:45', '11:15'),
        slot('C004', '13:30', '14:15', '14:00'),
        'unscheduled: []',
        '',
      ].join('\n'),
    });
    const { problems } = await validateSession(dir);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`)).toEqual([
      'schedule.yaml:1 SESSION_INVALID_VALUE Unexpected "epsi-2022", expected "epsi-2023", the id of session.yaml.',
      'schedule.yaml:5 SESSION_DUPLICATE_ID Duplicate defence of candidate "C001", already used on line 4.',
      'schedule.yaml:6 SESSION_INVERTED_RANGE Unexpected start 2023-09-20T11:00:00+02:00 not before end 2023-09-20T10:45:00+02:00, expected start < end.',
      'schedule.yaml:7 SESSION_INVERTED_RANGE Unexpected end 2023-09-20T14:15:00+02:00 above deliberationEnd 2023-09-20T14:00:00+02:00, expected end ≤ deliberationEnd.',
    ]);
  });

  it('skips rules whose files are invalid instead of piling up consequences', async () => {
    const problems = await problemsOf({
      'candidates.yaml': replace('candidates:', 'candidate:'),
      'submissions.yaml':
        'submissions:\n  - { candidate: C099, file: submissions/C099.pdf, receivedAt: 2023-08-24T18:03 }\n',
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "candidates.yaml:«candidate:» SESSION_UNKNOWN_KEY Unknown key \`candidate\`, did you mean \`candidates\`?",
      ]
    `);
  });
});
