/** The error catalogue's entries for: Dossiers by e-mail (`intake`). */
import { define } from './define.ts';

export const IntakeErrors = {
  IntakeBadSince: define({
    code: 'USAGE_INTAKE_BAD_SINCE',
    message: (since: string) => `--since "${since}" is not a date.`,
    hint: () =>
      'Write a day (2023-08-01) or a date and time (2023-08-01T08:00), read in the session timezone.',
  }),
  IntakeBadSource: define({
    code: 'USAGE_INTAKE_BAD_SOURCE',
    message: (source: string, reason: string) => `--from ${source}: ${reason}.`,
    hint: () =>
      'Pass imap://user@host:143/INBOX, imaps://user@host/INBOX, an .mbox file, an .eml file, a folder of .eml files or a Maildir.',
  }),
  IntakeImapAuth: define({
    code: 'INTAKE_IMAP_AUTH',
    message: (source: string) => `The IMAP server refused the login of ${source}.`,
    hint: () =>
      'Check the user in the URL and RECEVABLE_IMAP_PASSWORD (for Gmail or Microsoft 365, an app password).',
  }),
  IntakeImapFailed: define({
    code: 'INTAKE_IMAP_FAILED',
    message: (source: string, reason: string) => `Could not read ${source}: ${reason}`,
    hint: () =>
      'Check the host and port, that the server offers TLS (imaps://, or STARTTLS for imap:// off this machine), and the network; then run intake again: it resumes.',
  }),
  IntakeLocked: define({
    code: 'INTAKE_LOCKED',
    message: (dir: string, pid: number) =>
      `Another \`recevable intake\` is running on ${dir}${pid > 0 ? ` (process ${pid})` : ''}.`,
    hint: () => 'Wait until it ends; two runs on one session would number the same dossiers twice.',
  }),
  IntakeMailboxMissing: define({
    code: 'INTAKE_MAILBOX_MISSING',
    message: (mailbox: string, source: string, reason: string) =>
      `The mailbox "${mailbox}" of ${source} cannot be opened: ${reason}`,
    hint: () =>
      'Name an existing folder after the host, e.g. imap://user@host/INBOX or …/INBOX/Dossiers (URL-encoded).',
  }),
  IntakeNoPassword: define({
    code: 'USAGE_INTAKE_NO_PASSWORD',
    message: (source: string) => `No password for ${source}.`,
    hint: () =>
      'Set the environment variable RECEVABLE_IMAP_PASSWORD (never in the URL, YAML or command line).',
  }),
  IntakeNotMbox: define({
    code: 'INTAKE_NOT_MBOX',
    message: (file: string, line: string) =>
      `${file}:1: expected an mbox From_ line ("From sender Fri Aug 25 09:58:03 2023"), found "${line}".`,
    hint: () =>
      'Pass an mbox export (Gmail Takeout, Thunderbird); one message saved alone is an .eml file: name it so.',
  }),
  IntakePasswordInUrl: define({
    code: 'USAGE_INTAKE_PASSWORD_IN_URL',
    message: (host: string) => `The --from URL for ${host} holds a password.`,
    hint: () =>
      'Remove it from the URL (it would stay in shell history and CI logs) and set RECEVABLE_IMAP_PASSWORD instead.',
  }),
  IntakeStateInvalid: define({
    code: 'INTAKE_STATE_INVALID',
    message: (file: string, reason: string) => `${file} is not a valid intake state: ${reason}`,
    hint: (file: string) =>
      `Delete ${file}: the next run reads the mailbox again and records nothing twice.`,
  }),
} as const;
