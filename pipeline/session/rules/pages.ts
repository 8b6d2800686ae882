/**
 * Rules on the Markdown pages of a session: a file name that can be an address, and no
 * candidate, juror or tutor named in a page while the session does not publish names.
 */
import { Errors } from '../../errors.ts';
import { problem } from '../problem.ts';
import { text, type RuleContext } from './context.ts';

const PAGE_NAME = /^pages\/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** `Règlement Épreuve` → `reglement-epreuve`. */
function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'page';
}

/** Matches `name` in any case, with any run of spaces (no-break ones too) between its words. */
function namePattern(name: string): RegExp {
  const words = name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('\\s+'), 'iu');
}

/** Every person of the session with a name: who they are, and their name. */
function people(ctx: RuleContext): { owner: string; name: string }[] {
  const of = (key: 'candidates' | 'juries', path: string[], field: string, what: string) =>
    (ctx.items(key, path)?.items ?? []).flatMap(({ fields }) =>
      text(fields['name']).flatMap((name) =>
        text(fields[field]).map((id) => ({ owner: `${what} ${id}`, name: name.trim() })),
      ),
    );
  return [
    ...of('candidates', ['candidates'], 'code', 'candidate'),
    ...of('candidates', ['tutors'], 'id', 'tutor'),
    ...of('juries', ['members'], 'id', 'juror'),
  ].filter((p) => p.name.length > 0);
}

export function pageRules(ctx: RuleContext): void {
  const pages = ctx.markdown('pages');
  for (const { file } of pages) {
    if (PAGE_NAME.test(file)) continue;
    const name = file.replace(/^pages\//, '').replace(/\.md$/, '');
    ctx.problems.push(
      problem({ file, line: 1, column: 1 }, Errors.SessionPageName, [file, slug(name)]),
    );
  }
  const session = ctx.raw('session')[0]?.value as { publish?: { names?: unknown } } | undefined;
  if (session?.publish?.names === true || pages.length === 0) return;
  const named = people(ctx).map((p) => ({ ...p, pattern: namePattern(p.name) }));
  for (const { file, value } of ctx.raw('pages')) {
    for (const field of ['title', 'description', 'label']) {
      const written = (value as Record<string, unknown> | null)?.[field];
      const person = named.find((p) => typeof written === 'string' && p.pattern.test(written));
      if (person)
        ctx.report(file, [field], Errors.SessionPagePerson, [file, person.name, person.owner]);
    }
  }
  for (const page of pages) {
    page.body.split('\n').forEach((line, i) => {
      for (const person of named) {
        const found = person.pattern.exec(line);
        if (!found) continue;
        const place = { file: page.file, line: page.line + i, column: found.index + 1 };
        const args: [string, string, string] = [page.file, person.name, person.owner];
        ctx.problems.push(problem(place, Errors.SessionPagePerson, args));
      }
    });
  }
}
