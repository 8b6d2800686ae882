import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import type { SessionEntry } from '../../pipeline/checks/types.ts';
import { loadSession, type LoadedSession } from '../../pipeline/session/load.ts';
import { checkSimilarity } from '../../pipeline/similarity/check.ts';
import { prose } from './prose.ts';

const documentOf = (text: string): Document => ({
  format: 'pdf',
  pages: { count: 1, method: 'pdf', exact: true },
  textLayer: 'full',
  scannedPages: [],
  headings: [],
  text,
  pageOffsets: [0],
  words: text.split(/\s+/).length,
  warnings: [],
  meta: {},
});

const entry = (candidate: string, text: string, receivedAt = '2023-08-24T10:00'): SessionEntry => ({
  candidate,
  document: documentOf(text),
  submission: { candidate, file: `submissions/${candidate}.pdf`, receivedAt },
});

let dir: string;
let loaded: LoadedSession;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recevable-check-'));
  for (const f of ['session.yaml', 'candidates.yaml', 'juries.yaml', 'submissions.yaml'])
    cpSync(join('content/demo-2023', f), join(dir, f));
  loaded = await loadSession(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('similarity check', () => {
  const copied = prose(77, 800);

  it('reviews a pair received at the same instant, passes an honest dossier, hides sources from the message', async () => {
    const findings = await checkSimilarity(
      [
        entry('C007', `${prose(7, 2000)} ${copied}`),
        entry('C018', `${copied} ${prose(18, 1500)}`),
        entry('C001', prose(1, 3000)),
      ],
      loaded,
    );
    const c007 = findings.get('C007');
    expect(c007).toMatchObject({
      rule: 'similarity',
      status: 'review',
      place: { file: 'submissions/C007.pdf', page: 1 },
    });
    expect(c007?.message).toMatch(/^Similarité : 2\d,\d %/);
    expect(c007?.message).not.toContain('C018');
    expect(c007?.detail).toContain('C018 (session');
    expect(c007?.evidence).toMatchObject({
      passages: 1,
      sources: [{ source: 'C018', kind: 'session' }],
    });
    expect(findings.get('C018')?.status).toBe('review');
    expect(findings.get('C001')).toMatchObject({ status: 'pass', evidence: { share: 0 } });
  });

  it('fails the later dossier of a pair and sends the earlier one, its likely source, to review', async () => {
    const findings = await checkSimilarity(
      [
        entry('C007', `${prose(7, 2000)} ${copied}`, '2023-08-20T09:00'),
        entry('C018', `${copied} ${prose(18, 1500)}`, '2023-08-24T18:00'),
      ],
      loaded,
    );
    expect(findings.get('C018')).toMatchObject({
      status: 'fail',
      evidence: { shareFromEarlier: expect.any(Number) as number },
    });
    const source = findings.get('C007');
    expect(source?.status).toBe('review');
    expect(source?.evidence).toMatchObject({ shareFromEarlier: 0 });
    expect(source?.detail).toContain('may be their source');
  });

  it('shows the earlier dossier the text it shares, the later one as a source, and holds nothing against it', async () => {
    const findings = await checkSimilarity(
      [
        entry('C018', `${copied} ${prose(18, 1500)}`, '2023-08-24T18:00'),
        entry('C007', `${prose(7, 2000)} ${copied}`, '2023-08-20T09:00'),
      ],
      loaded,
    );
    expect(findings.get('C007')?.evidence).toMatchObject({
      shareFromEarlier: 0,
      receivedLater: ['C018'],
      sources: [{ source: 'C018', kind: 'session' }],
    });
    expect(findings.get('C007')?.detail).toContain('Received before C018');
    expect(findings.get('C018')?.evidence).not.toHaveProperty('receivedLater');
  });

  it('reviews both dossiers received in the same second and says neither can be told the source', async () => {
    const findings = await checkSimilarity(
      [
        entry('C007', `${prose(7, 2000)} ${copied}`, '2023-08-24T18:00:00.100+02:00'),
        entry('C018', `${copied} ${prose(18, 1500)}`, '2023-08-24T18:00:00.900+02:00'),
      ],
      loaded,
    );
    for (const [code, other] of [
      ['C007', 'C018'],
      ['C018', 'C007'],
    ] as const) {
      const f = findings.get(code);
      expect(f?.status).toBe('review');
      expect(f?.evidence).toMatchObject({ shareFromEarlier: 0, receivedSameSecond: [other] });
      expect(f?.detail).toContain(`same second as ${other}: neither can be told the source`);
    }
  });

  it('says when no corpus was compared, and compares the dossiers with each other', async () => {
    const findings = await checkSimilarity(
      [entry('C007', `${prose(7, 2000)} ${copied}`), entry('C018', `${copied} ${prose(18, 1500)}`)],
      loaded,
    );
    expect(findings.get('C007')?.evidence).toMatchObject({
      corpus: 'corpus',
      corpusFound: false,
      corpusDocuments: 0,
    });
    expect(findings.get('C007')?.detail).toContain(
      'No corpus index in corpus: compared with the other dossiers of the session only.',
    );
  });

  it('puts a share between the thresholds up for review', async () => {
    const findings = await checkSimilarity(
      [entry('C007', `${prose(7, 5500)} ${copied}`), entry('C018', `${copied} ${prose(18, 1500)}`)],
      loaded,
    );
    expect(findings.get('C007')?.status).toBe('review');
  });

  it('subtracts the session template files', async () => {
    const template = prose(600, 1500);
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'modele-dossier.txt'), template);
    const findings = await checkSimilarity(
      [
        entry('C001', `${template}\n${prose(1, 3000)}`),
        entry('C002', `${template}\n${prose(2, 3000)}`),
      ],
      loaded,
    );
    expect(findings.get('C001')).toMatchObject({
      status: 'pass',
      evidence: { share: 0, templates: ['templates/modele-dossier.txt'] },
    });
  });

  it('returns no finding when the session has no similarity rule', async () => {
    const rules = { ...loaded.session.rules, similarity: undefined };
    const bare = { ...loaded, session: { ...loaded.session, rules } };
    expect((await checkSimilarity([entry('C001', prose(1, 100))], bare)).size).toBe(0);
  });

  it('reports every candidate as not checked when the corpus index is corrupt', async () => {
    mkdirSync(join(dir, 'corpus-broken'));
    writeFileSync(join(dir, 'corpus-broken', 'index.sqlite'), 'garbage '.repeat(1000));
    const rule = loaded.session.rules.similarity;
    if (!rule) throw new Error('the demo session has a similarity rule');
    const broken = {
      ...loaded,
      session: {
        ...loaded.session,
        rules: { ...loaded.session.rules, similarity: { ...rule, corpus: 'corpus-broken' } },
      },
    };
    const findings = await checkSimilarity([entry('C001', prose(1, 100))], broken);
    expect(findings.get('C001')).toMatchObject({ status: 'error' });
    expect(findings.get('C001')?.detail).toContain('is not a readable corpus index');
  });
});
