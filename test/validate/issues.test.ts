import { afterAll, describe, expect, it } from 'vitest';
import { validateSession } from '../../pipeline/session/validate.ts';
import { demoCopy, removeCopies, replace, shown } from './session-copy.ts';

afterAll(removeCopies);

async function problemsOf(edits: Parameters<typeof demoCopy>[0]): Promise<string[]> {
  const dir = demoCopy(edits);
  return (await validateSession(dir)).problems.map((p) => shown(dir, p));
}

describe('schema problems, each at the line and column of the YAML node', () => {
  it('finds nothing wrong with the demo session and returns it loaded', async () => {
    const { problems, loaded } = await validateSession(demoCopy());
    expect(problems).toEqual([]);
    expect(loaded?.session.id).toBe('epsi-2023');
    expect(loaded?.candidates.candidates).toHaveLength(30);
  });

  it('suggests `keyDates` for an unknown key `keyDate`, at the key', async () => {
    const problems = await problemsOf({ 'session.yaml': replace('keyDates:', 'keyDate:') });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«keyDate:» SESSION_UNKNOWN_KEY Unknown key \`keyDate\`, did you mean \`keyDates\`?",
      ]
    `);
  });

  it('suggests a field for a transposed key inside a list item', async () => {
    const problems = await problemsOf({
      'session.yaml': replace('{ id: B1, kind: socle, title:', '{ id: B1, kind: socle, tilte:'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«tilte: Analyser et défin» SESSION_UNKNOWN_KEY Unknown key \`tilte\`, did you mean \`title\`?",
      ]
    `);
  });

  it('lists the allowed keys when an unknown key resembles none', async () => {
    const dir = demoCopy({ 'session.yaml': (t) => `${t}colour: blue\n` });
    const [p] = (await validateSession(dir)).problems;
    expect(p?.message).toBe('Unknown key `colour`.');
    expect(p?.fix).toMatch(/^Delete `colour`; the keys allowed here are `id`, `title`/);
  });

  it('reports a missing key at the mapping that lacks it', async () => {
    const dir = demoCopy({ 'session.yaml': replace('  pages: { min: 50, max: 60 }\n', '') });
    const [p] = (await validateSession(dir)).problems;
    expect(p && shown(dir, p)).toMatchInlineSnapshot(
      `"session.yaml:«deadline: remise-dossier» SESSION_MISSING_KEY Missing key \`pages\` in \`rules\`, expected a mapping of keys to values."`,
    );
    expect(p?.fix).toBe('Add `pages: …` to `rules`.');
  });

  it('reports a day that does not exist (2023-02-30) at the value', async () => {
    const dir = demoCopy({ 'session.yaml': replace('at: 2023-09-04', 'at: 2023-02-30') });
    const { problems } = await validateSession(dir);
    expect(problems.map((p) => shown(dir, p))).toMatchInlineSnapshot(`
      [
        "session.yaml:«2023-02-30, title: Envoi» SESSION_INVALID_VALUE Unexpected "2023-02-30", expected a day that exists in the calendar.",
      ]
    `);
    expect(problems[0]?.expected).toBe('a day that exists in the calendar');
  });

  it('reports a date in the wrong format once, not once per union branch', async () => {
    const problems = await problemsOf({
      'session.yaml': replace('at: 2023-08-25T12:00', 'at: 25/08/2023 12:00'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«25/08/2023 12:00, title:» SESSION_INVALID_VALUE Unexpected "25/08/2023 12:00", expected a day written YYYY-MM-DD.",
      ]
    `);
  });

  it('reports a number where text is expected, with the quoted value as fix', async () => {
    const dir = demoCopy({ 'session.yaml': replace('start: "08:30"', 'start: 830') });
    const [p] = (await validateSession(dir)).problems;
    expect(p && shown(dir, p)).toMatchInlineSnapshot(
      `"session.yaml:«830, end: "18:00", break» SESSION_WRONG_TYPE Unexpected the number 830, expected text."`,
    );
    expect(p?.fix).toBe('Put the value in quotes: "830".');
  });

  it('quotes a number as it was written, leading zeros kept', async () => {
    const dir = demoCopy({ 'candidates.yaml': replace('code: C001,', 'code: 001,') });
    const [p] = (await validateSession(dir)).problems;
    expect(p?.message).toBe('Unexpected the number 001, expected text.');
    expect(p?.fix).toBe('Put the value in quotes: "001".');
  });

  it('reports `no` where true or false is expected (YAML 1.2 reads it as text)', async () => {
    const problems = await problemsOf({ 'session.yaml': replace('names: false', 'names: no') });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«no }» SESSION_WRONG_TYPE Unexpected "no", expected true or false.",
      ]
    `);
  });

  it('reports an invalid IANA timezone with a fix naming real zones', async () => {
    const dir = demoCopy({ 'session.yaml': replace('timezone: Europe/Paris', 'timezone: Paris') });
    const [p] = (await validateSession(dir)).problems;
    expect(p && shown(dir, p)).toMatchInlineSnapshot(
      `"session.yaml:«Paris» SESSION_INVALID_VALUE Unexpected "Paris", expected an IANA timezone such as Europe/Paris."`,
    );
    expect(p?.fix).toMatch(/Europe\/Paris/);
  });

  it('suggests the closest value of an enumeration', async () => {
    const problems = await problemsOf({
      'session.yaml': replace('kind: specialisation', 'kind: specialization'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«specialization, title: C» SESSION_INVALID_VALUE Unexpected "specialization", expected one of \`socle\` or \`specialisation\`.",
      ]
    `);
  });

  it('reports an invalid e-mail and an empty list in candidates and juries', async () => {
    const problems = await problemsOf({
      'candidates.yaml': replace('email: alix.fictivon@example.org', 'email: alix.fictivon'),
      'juries.yaml': replace(
        'expertise: [B5], available: [2023-09-20, 2023-09-21] }',
        'expertise: [], available: [2023-09-20, 2023-09-21] }',
      ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "candidates.yaml:«alix.fictivon, specialis» SESSION_INVALID_VALUE Unexpected "alix.fictivon", expected an e-mail address.",
        "juries.yaml:«[], available: [2023-09-» SESSION_INVALID_VALUE Unexpected a list, expected at least 1 item.",
      ]
    `);
  });

  it('reports a list where a mapping is expected, at the top of the file', async () => {
    const problems = await problemsOf({ 'submissions.yaml': '- C001\n- C002\n' });
    expect(problems).toMatchInlineSnapshot(`
      [
        "submissions.yaml:«- C001» SESSION_WRONG_TYPE Unexpected a list, expected a mapping of keys to values.",
      ]
    `);
  });

  it('keeps validating a file with a duplicate key, reporting both problems', async () => {
    const problems = await problemsOf({
      'session.yaml': (t) =>
        replace(
          'timezone: Europe/Paris\n',
          'timezone: Europe/Paris\nid: again\n',
        )(t).replace('min: 50, max: 60', 'min: 50, max: sixty'),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "session.yaml:«id: again» SESSION_YAML_DUPLICATE_KEY Duplicate key \`id\` in the same mapping.",
        "session.yaml:«sixty }» SESSION_WRONG_TYPE Unexpected "sixty", expected a number.",
      ]
    `);
  });
});
