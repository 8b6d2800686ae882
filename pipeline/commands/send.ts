/** `recevable send <session-dir>`: convocations, jury mailings, receipts and results through SMTP, exactly once. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailKind } from '../../schemas/mail-journal.ts';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { sendSession, type ReportItem } from '../send/index.ts';

const WHAT: Record<string, MailKind> = {
  convocations: 'convocation',
  jury: 'jury',
  receipts: 'receipt',
  results: 'results',
};

const list = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

export const command: Command = {
  name: 'send',
  summary: 'mail convocations, jury mailings, receipts and results through SMTP, exactly once',
  usage: [
    'Usage: recevable send <session-dir> [--what convocations,jury,receipts,results] [--only C001,J02]',
    '                      [--dry-run] [--late "<reason>"] [--now] [--resend-unknown] [--json]',
    '',
    'Delivers convocations/*.eml (written by `schedule`), receipts/*.eml (written by `intake`) and',
    'the results mails of outcomes.yaml (with the attestation PDFs) through the SMTP server of',
    'RECEVABLE_SMTP_URL (smtp://user@host:587 or smtps://…:465, password in RECEVABLE_SMTP_PASSWORD)',
    "or session.yaml's mail.smtp: { host, port }. Every attempt is journaled in mail/sent.jsonl:",
    'a message already sent is never sent again; one whose reply was lost after the final dot is',
    '"unknown" and re-sent only with --resend-unknown.',
    '  --what <kinds>      what to send (default: all four)',
    '  --only <ids>        only the messages of these candidate codes or juror ids',
    '  --dry-run           list what would be sent; connect to nothing, write nothing',
    '  --late "<reason>"   send convocations later than convocationNoticeDays, or results after',
    '                      their resultsSentOn day; the reason is recorded in the journal',
    '  --now               send before the convocationsSentOn key date or the results day',
    '  --resend-unknown    send again the messages whose delivery is unknown',
    '  --json              { "sent": n, "rejected": [...], "deferred": [...], "unknown": [...], "skipped": n, … }',
    '',
    'Exit codes: 0 the run completed (rejections are results); 1 invalid data, a message held',
    'back by a guard or an unreachable server; 2 usage.',
  ].join('\n'),
  options: {
    what: { type: 'string' },
    only: { type: 'string' },
    'dry-run': { type: 'boolean' },
    late: { type: 'string' },
    now: { type: 'boolean' },
    'resend-unknown': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  run: async (args, io) => {
    const [dir, ...extra] = args.positionals;
    if (!dir || extra.length > 0)
      throw recevableError(Errors.BadArguments, 'send', 'expected exactly one <session-dir>');
    const isSession = await stat(join(dir, 'session.yaml')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isSession) throw recevableError(Errors.NotADirectory, dir);
    const what = list(args.values['what'])?.map((w) => {
      const kind = WHAT[w];
      if (!kind)
        throw recevableError(
          Errors.BadArguments,
          'send',
          `--what expects convocations, jury, receipts or results, got "${w}"`,
        );
      return kind;
    });
    const late = args.values['late'];
    if (typeof late === 'string' && late.trim() === '')
      throw recevableError(
        Errors.BadArguments,
        'send',
        '--late needs a reason, e.g. --late "room change"',
      );
    const dryRun = args.values['dry-run'] === true;
    const report = await sendSession(dir, {
      ...(what ? { what } : {}),
      ...(list(args.values['only']) ? { only: list(args.values['only'])! } : {}),
      dryRun,
      ...(typeof late === 'string' ? { late: late.trim() } : {}),
      now: args.values['now'] === true,
      resendUnknown: args.values['resend-unknown'] === true,
      onAttempt: (message, attempt) => {
        if (!args.values['json'] && io.tty) io.say(`  ${attempt.status} ${message.file}`);
      },
    });
    const failed = report.refused.length > 0 || report.problems.length > 0;
    if (args.values['json']) {
      io.json({
        sent: report.sent,
        rejected: report.rejected,
        deferred: report.deferred,
        unknown: report.unknown,
        skipped: report.skipped,
        refused: report.refused,
        problems: report.problems,
        ...(dryRun ? { dryRun: true, planned: report.planned } : {}),
      });
    }
    const line = (label: string, colour: 'red' | 'yellow' | 'blue', i: ReportItem) =>
      io.say(`  ${io.style(colour, label)} ${i.file} → ${i.recipient}: ${i.reply}`);
    for (const w of report.warnings) io.say(`${io.style('yellow', 'warning')} ${w}`);
    for (const p of report.problems) io.say(`${io.style('red', 'error')} ${p.file}: ${p.message}`);
    for (const r of report.refused) io.say(`${io.style('red', 'refused')} ${r.file}: ${r.reason}`);
    for (const n of report.noResults)
      io.say(`  ${io.style('dim', 'no results mail')} ${n.candidate}: ${n.reason}`);
    for (const p of report.planned) io.say(`  would send ${p.file} → ${p.to.join(', ')}`);
    for (const i of report.rejected) line('rejected', 'red', i);
    for (const i of report.deferred) line('deferred', 'yellow', i);
    for (const i of report.unknown) line('unknown', 'blue', i);
    io.say(
      `${dryRun ? `${report.planned.length} to send (dry run: nothing sent)` : `${report.sent} sent`}, ${report.rejected.length} rejected, ${report.deferred.length} deferred, ${report.unknown.length} unknown, ${report.skipped} already done, ${report.refused.length} refused`,
    );
    if (report.unknown.length > 0)
      io.say(
        '  unknown: the server may have accepted them. Ask the recipients; send again with --resend-unknown only those that never arrived (with --only).',
      );
    return failed ? Exit.invalid : Exit.ok;
  },
};
