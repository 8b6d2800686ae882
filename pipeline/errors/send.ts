/** The error catalogue's entries for: Mail out, exactly once (`send`). */
import { define } from './define.ts';

export const SendErrors = {
  SendBadSmtpUrl: define({
    code: 'USAGE_SEND_BAD_SMTP_URL',
    message: (url: string, reason: string) =>
      `RECEVABLE_SMTP_URL "${url}" is not usable: ${reason}.`,
    hint: () =>
      'Write it as smtp://user@host:587 or smtps://user@host:465, with the password in RECEVABLE_SMTP_PASSWORD.',
  }),
  SendJournalInvalid: define({
    code: 'SEND_JOURNAL_INVALID',
    message: (file: string, line: number, reason: string) =>
      `${file}:${line}: not a journal line of recevable send: ${reason}`,
    hint: (file: string) =>
      `The journal is what keeps messages from going out twice: restore ${file} from a backup, or remove only the damaged line (never the whole file).`,
  }),
  SendNoOrganiser: define({
    code: 'SEND_NO_ORGANISER',
    message: (file: string) =>
      `${file}: defence.organiser is missing: messages would go out from a non-deliverable .invalid address, and invitations need an ORGANIZER.`,
    hint: () =>
      'Add defence.organiser: { name: …, email: … } to session.yaml, run `recevable schedule` again to rewrite the convocations, then send.',
  }),
  SendNoSmtp: define({
    code: 'USAGE_SEND_NO_SMTP',
    message: () => 'No SMTP server to send through.',
    hint: () =>
      'Set RECEVABLE_SMTP_URL (smtp://user@host:587, password in RECEVABLE_SMTP_PASSWORD) or mail.smtp: { host, port } in session.yaml; --dry-run needs neither.',
  }),
  SendSmtpUnreachable: define({
    code: 'SEND_SMTP_UNREACHABLE',
    message: (server: string, reason: string) =>
      `Cannot open an SMTP session with ${server}: ${reason}. Nothing more was sent; what was sent is in the journal.`,
    hint: () =>
      'Check the host, port and credentials (RECEVABLE_SMTP_URL, RECEVABLE_SMTP_PASSWORD), then run the same command again: it goes on where it stopped.',
  }),
} as const;
