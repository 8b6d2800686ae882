import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../pipeline/session/front-matter.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { demoCopy, locator, removeCopies, replace } from './session-copy.ts';

afterAll(removeCopies);

const PAGE = `---
title: Règlement de l’épreuve
order: 1
---

La soutenance dure 45 minutes : 15 de présentation, 30 d’entretien.
`;

/** A copy of the demo's core files with `pages` written into its `pages/` folder. */
function withPages(pages: Record<string, string>, edits: Parameters<typeof demoCopy>[0] = {}) {
  const dir = demoCopy(edits);
  mkdirSync(join(dir, 'pages'));
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, 'pages', name), text);
  return dir;
}

/** `file:line:column code` of every problem of the session folder. */
async function problems(dir: string): Promise<string[]> {
  const { problems } = await validateSession(dir, { roles: ['input'] });
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`);
}

describe('splitFrontMatter', () => {
  it('keeps the lines of the file in the YAML and says where the text starts', () => {
    const page = splitFrontMatter(PAGE);
    expect(page).toEqual({
      yaml: '---\ntitle: Règlement de l’épreuve\norder: 1\n',
      body: '\nLa soutenance dure 45 minutes : 15 de présentation, 30 d’entretien.\n',
      bodyLine: 5,
    });
  });

  it('tells a page without front matter from one whose front matter is not closed', () => {
    expect(splitFrontMatter('# Titre\n')).toBe('missing');
    expect(splitFrontMatter('---\ntitle: x\n# Titre\n')).toBe('unclosed');
    expect(splitFrontMatter('---\r\ntitle: x\r\n---\r\ntexte')).toMatchObject({ bodyLine: 4 });
  });
});

describe('pages of a session', () => {
  it('loads a valid page with its front matter, its Markdown and the line it starts on', async () => {
    const dir = withPages({ 'reglement.md': PAGE });
    const { problems, loaded } = await validateSession(dir, { roles: ['input'] });
    expect(problems).toEqual([]);
    expect(loaded?.pages).toEqual([
      {
        file: 'pages/reglement.md',
        data: { title: 'Règlement de l’épreuve', order: 1 },
        body: '\nLa soutenance dure 45 minutes : 15 de présentation, 30 d’entretien.\n',
        bodyLine: 5,
      },
    ]);
  });

  it('reports a bad front matter at its line and column in the Markdown file', async () => {
    const text = PAGE.replace('order: 1', 'order: premier\ntitel: Règlement');
    const dir = withPages({ 'reglement.md': text });
    const at = locator(dir);
    const { problems: found } = await validateSession(dir, { roles: ['input'] });
    expect(found.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      `${at('pages/reglement.md', 'premier')} SESSION_WRONG_TYPE`,
      `${at('pages/reglement.md', 'titel')} SESSION_UNKNOWN_KEY`,
    ]);
    expect(found[1]?.fix).toContain('title');
  });

  it('reports a page without front matter, an unclosed one and a YAML error in it', async () => {
    const dir = withPages({
      'a.md': '# Règlement\n',
      'b.md': '---\ntitle: Règlement\n',
      'c.md': '---\ntitle: Règlement\ndescription: L’épreuve : écrit et oral\n---\n',
    });
    expect(await problems(dir)).toEqual([
      'pages/a.md:1:1 SESSION_FRONT_MATTER',
      'pages/b.md:1:1 SESSION_FRONT_MATTER',
      'pages/c.md:3:14 SESSION_YAML_SYNTAX',
    ]);
  });

  it('requires a title and a file name that can be an address', async () => {
    const dir = withPages({ 'Règlement Épreuve.md': '---\norder: 2\n---\n' });
    const { problems: found } = await validateSession(dir, { roles: ['input'] });
    expect(found.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '1:1 SESSION_PAGE_NAME',
      '2:1 SESSION_MISSING_KEY',
    ]);
    expect(found[0]?.fix).toBe(
      'Rename pages/Règlement Épreuve.md to pages/reglement-epreuve.md; it is published at /pages/reglement-epreuve/.',
    );
  });

  it('refuses a page naming a juror or a candidate unless the session publishes names', async () => {
    const text = `${PAGE.replace('order: 1', 'description: Avec Alix Fictivon')}\nLe jury est présidé par Bruno  Jurelet ; Camille Exemplet ouvre la session.\n`;
    const dir = withPages({ 'jury.md': text });
    const at = locator(dir);
    const { problems: found } = await validateSession(dir, { roles: ['input'] });
    expect(found.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([
      `${at('pages/jury.md', 'Avec')} SESSION_PAGE_PERSON pages/jury.md names candidate C002 ("Alix Fictivon"), but the session does not publish names.`,
      `${at('pages/jury.md', 'Bruno')} SESSION_PAGE_PERSON pages/jury.md names juror J01 ("Bruno Jurelet"), but the session does not publish names.`,
      `${at('pages/jury.md', 'Camille')} SESSION_PAGE_PERSON pages/jury.md names candidate C001 ("Camille Exemplet"), but the session does not publish names.`,
    ]);
    const published = withPages(
      { 'jury.md': text },
      { 'session.yaml': replace('publish: { names: false }', 'publish: { names: true }') },
    );
    expect(await problems(published)).toEqual([]);
  });

  it('makes `recevable validate` print the page problem as file:line:column with its fix', () => {
    const dir = withPages({ 'reglement.md': PAGE.replace('order: 1', 'order: premier') });
    const run = spawnSync(process.execPath, ['pipeline/bin.js', 'validate', dir], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(1);
    const line = run.stderr.split('\n').find((l) => l.includes('pages/reglement.md'));
    expect(line?.replace(`${dir}/`, '')).toMatch(
      /^pages\/reglement\.md:3:8 {2}Unexpected .*\(fix: /,
    );
  });
});
