/** `recevable compare <a> <b> [--json]`: the passages two files share, and each one's share. */
import { basename } from 'node:path';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { analyseSession } from '../similarity/session.ts';
import { readSourceText } from '../similarity/text-source.ts';

export const command: Command = {
  name: 'compare',
  summary: 'Compares two files (PDF, DOCX, ODT, .txt): shared passages and similarity shares',
  usage: 'recevable compare <a> <b> [--json]',
  options: { json: { type: 'boolean' } },
  run: async ({ positionals, values }, io) => {
    const [a, b, ...rest] = positionals;
    if (!a || !b || rest.length > 0)
      throw recevableError(Errors.BadArguments, 'compare', 'expected exactly two files');
    // One after the other: each read is a child process with its own memory cap.
    const ta = await readSourceText(a);
    const tb = await readSourceText(b);
    const { analyses } = analyseSession(
      [
        { id: 'a', candidate: 'a', ...ta },
        { id: 'b', candidate: 'b', ...tb },
      ],
      { commonMin: 2 },
    );
    const first = analyses.get('a');
    const second = analyses.get('b');
    const view = (file: string, x: typeof first) => ({
      file,
      share: Number((x?.share ?? 0).toFixed(4)),
      ownWords: x?.ownWords ?? 0,
      coveredWords: x?.coveredWords ?? 0,
      excludedWords: x?.excludedWords ?? {},
      excludedPassages: x?.excludedPassages ?? {},
    });
    const passages = (first?.matches ?? []).map((m) => ({
      a: { from: m.aFrom, to: m.aTo, page: m.aPage },
      b: { from: m.bFrom, to: m.bTo, page: m.bPage },
      words: m.aEnd - m.aStart,
      ...(m.excluded ? { excluded: m.excluded } : {}),
    }));
    if (values['json'] === true) {
      io.json({ a: view(a, first), b: view(b, second), passages });
      return Exit.ok;
    }
    const pct = (x?: { share: number }) => `${((x?.share ?? 0) * 100).toFixed(1)}%`;
    io.say(`${basename(a)}: ${pct(first)} of its own prose is in ${basename(b)}`);
    io.say(`${basename(b)}: ${pct(second)} of its own prose is in ${basename(a)}`);
    for (const p of passages) {
      const excerpt = ta.text.slice(p.a.from, Math.min(p.a.to, p.a.from + 90)).replace(/\s+/g, ' ');
      const tag = p.excluded ? io.style('dim', ` [set aside: ${p.excluded}]`) : '';
      io.say(`  p.${p.a.page} ↔ p.${p.b.page}  ${p.words} words  «${excerpt}…»${tag}`);
    }
    return Exit.ok;
  },
};
