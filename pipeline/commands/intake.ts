/** `recevable intake <session-dir> --from <source>`: dossiers from the school's mailbox. */
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { intakeSession, type Added, type Ignored } from '../intake/index.ts';

/** `RECEVABLE_INTAKE_STALL=<n>:file|entry`: the crash tests' hook (see IntakeOptions.stall). */
function stallHook(): { after: number; at: 'file' | 'entry' } | undefined {
  const m = /^(\d+):(file|entry)$/.exec(process.env['RECEVABLE_INTAKE_STALL'] ?? '');
  return m ? { after: Number(m[1]), at: m[2] as 'file' | 'entry' } : undefined;
}

export const command: Command = {
  name: 'intake',
  summary:
    "Record the dossiers of the school's mailbox in submissions.yaml, with the server's time",
  usage: [
    'recevable intake <session-dir> --from <source> [--json] [--dry-run] [--since <date>] [--receipts]',
    '',
    '  --from <source>   imap://user@host:143/INBOX or imaps://user@host/INBOX (password from',
    '                    RECEVABLE_IMAP_PASSWORD), an .mbox file, an .eml file, a folder of .eml',
    '                    files or a Maildir',
    '  --json            print { "added": [...], "ignored": [...], ... } on stdout',
    '  --dry-run         show what would be recorded; write nothing',
    '  --since <date>    skip messages received before this day or date-time (session timezone)',
    '  --receipts        write receipts/<code>-<n>.eml, a receipt per new submission (French)',
    '',
    'The mailbox is never changed (read-only, no \\Seen). Re-running records nothing twice; an',
    'IMAP mailbox is read from the last UID seen (intake-state.yaml in the session folder).',
    '',
    'Exit codes: 0 the run completed, 1 invalid session data or unreadable source, 2 usage.',
  ].join('\n'),
  options: {
    from: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    since: { type: 'string' },
    receipts: { type: 'boolean' },
  },
  run: async (args, io) => {
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0)
      throw recevableError(Errors.BadArguments, 'intake', 'expected exactly one session folder');
    const from = args.values['from'];
    if (typeof from !== 'string' || from === '')
      throw recevableError(Errors.BadArguments, 'intake', '--from <source> is required');
    const since = args.values['since'];
    const dryRun = args.values['dry-run'] === true;
    const say = (event: Added | Ignored): void => {
      if (event.kind === 'added') {
        io.say(
          `${io.style('green', '+')} ${event.candidate}  ${event.file}  ${event.receivedAt}  ${io.style('dim', `${event.receivedBy} · ${event.originalName}`)}`,
        );
        for (const w of event.warnings) io.say(`  ${io.style('yellow', 'warning')} ${w}`);
      } else {
        io.say(
          `${io.style('dim', '-')} ${event.place}  ${event.from ?? '(no sender)'}  ${io.style('dim', event.reason)}`,
        );
      }
    };
    const report = await intakeSession(dir, {
      from,
      password: process.env['RECEVABLE_IMAP_PASSWORD'],
      dryRun,
      since: typeof since === 'string' ? since : undefined,
      receipts: args.values['receipts'] === true,
      onMessage: say,
      stall: stallHook(),
    });
    for (const note of report.notes) io.say(`${io.style('yellow', 'note')} ${note}`);
    if (args.values['json']) {
      const { added, ignored, alreadyRecorded, beforeSince, notes, source } = report;
      const plain = <T extends { kind: string }>(event: T): Omit<T, 'kind'> => {
        const copy: Partial<T> = { ...event };
        delete copy.kind;
        return copy as Omit<T, 'kind'>;
      };
      io.json({
        source,
        added: added.map(plain),
        ignored: ignored.map(plain),
        alreadyRecorded,
        beforeSince,
        notes,
      });
    }
    io.say(
      io.style(
        'dim',
        `${dryRun ? 'would add' : 'added'} ${report.added.length}, ignored ${report.ignored.length}, already recorded ${report.alreadyRecorded}${report.beforeSince ? `, before --since ${report.beforeSince}` : ''} (${report.source}).`,
      ),
    );
    return Exit.ok;
  },
};
