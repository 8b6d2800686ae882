/**
 * One SMTP transaction per message with nodemailer's SMTPConnection: explicit envelope, the
 * raw bytes of the `.eml`, no pool (a pool requeues a message whose connection dropped: the
 * duplicate of RFC 1047). The caller is told just before the final dot goes out, so it can write
 * down that the message may now be delivered; what happens to each recipient is returned:
 * 2xx `sent`, 5xx `rejected`, 4xx `deferred`, a connection lost before the final dot `deferred`
 * (no server delivers an unfinished message), lost after it `unknown`.
 */
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MailStatus, RecipientOutcome } from '../../schemas/mail-journal.ts';
import { Errors, recevableError } from '../errors.ts';

/** Where and how to connect. */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (`smtps://`, port 465). */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  /** Printable form, never with the password. */
  readonly label: string;
}

/** What one attempt did. */
export interface Attempt {
  readonly status: MailStatus;
  readonly reply: string;
  readonly recipients: RecipientOutcome[];
}

/** The SMTP server of a run: `RECEVABLE_SMTP_URL` (+ `RECEVABLE_SMTP_PASSWORD`), else session.yaml's `mail.smtp`. */
export function smtpConfig(
  env: NodeJS.ProcessEnv,
  fromSession: { host: string; port: number } | undefined,
): SmtpConfig {
  const url = env['RECEVABLE_SMTP_URL'];
  const password = env['RECEVABLE_SMTP_PASSWORD'] || undefined;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw recevableError(Errors.SendBadSmtpUrl, url.replace(/:[^:@/]*@/, ':***@'), 'not a URL');
    }
    const shown = `${parsed.protocol}//${parsed.username ? `${parsed.username}@` : ''}${parsed.host}`;
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
      throw recevableError(Errors.SendBadSmtpUrl, shown, 'the scheme must be smtp:// or smtps://');
    if (parsed.password)
      throw recevableError(
        Errors.SendBadSmtpUrl,
        shown,
        'it holds a password: put it in RECEVABLE_SMTP_PASSWORD instead',
      );
    const secure = parsed.protocol === 'smtps:';
    const port = parsed.port ? Number(parsed.port) : secure ? 465 : 587;
    const user = parsed.username ? decodeURIComponent(parsed.username) : undefined;
    return {
      host: parsed.hostname.replace(/^\[|\]$/g, ''),
      port,
      secure,
      ...(user ? { user } : {}),
      ...(password ? { password } : {}),
      label: shown.includes(':', 6) ? shown : `${shown}:${port}`,
    };
  }
  if (fromSession) {
    return {
      ...fromSession,
      secure: fromSession.port === 465,
      label: `smtp://${fromSession.host}:${fromSession.port}`,
    };
  }
  throw recevableError(Errors.SendNoSmtp);
}

type SmtpError = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  recipient?: string;
  rejectedErrors?: SmtpError[];
};

const statusOf = (code: number | undefined): MailStatus =>
  code !== undefined && code >= 500 ? 'rejected' : 'deferred';

const replyOf = (error: SmtpError) => error.response ?? error.message;

/** Opens a connection (and logs in); throws SEND_SMTP_UNREACHABLE when that fails. */
async function open(config: SmtpConfig): Promise<SMTPConnection> {
  const connection = new SMTPConnection({
    host: config.host,
    port: config.port,
    secure: config.secure,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  const failure = new Promise<never>((_, reject) => connection.once('error', reject));
  failure.catch(() => undefined);
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) =>
        connection.connect((error?: Error) => (error ? reject(error) : resolve())),
      ),
      failure,
    ]);
    if (config.user) {
      await Promise.race([
        new Promise<void>((resolve, reject) =>
          connection.login({ user: config.user!, pass: config.password ?? '' }, (error) =>
            error ? reject(error) : resolve(),
          ),
        ),
        failure,
      ]);
    }
  } catch (error) {
    connection.close();
    throw recevableError(Errors.SendSmtpUnreachable, config.label, replyOf(error as SmtpError));
  }
  return connection;
}

/**
 * Sends `bytes` to `to` from `from`. `beforeDot` runs (and must have written its journal line)
 * after the whole message left and before the final dot that commits it.
 */
export async function deliver(
  config: SmtpConfig,
  envelope: { from: string; to: readonly string[] },
  bytes: Buffer,
  beforeDot: () => void,
): Promise<Attempt> {
  const connection = await open(config);
  // Errors after the send started are handed to its callback too; this keeps them from being unhandled.
  connection.on('error', () => undefined);
  let dot = false;
  let pushed = false;
  const body = new Readable({
    read() {
      if (!pushed) {
        pushed = true;
        this.push(bytes);
        return;
      }
      if (dot) return;
      try {
        beforeDot();
      } catch (error) {
        this.destroy(error as Error);
        return;
      }
      dot = true;
      this.push(null);
    },
  });
  const everyone = (status: MailStatus, reply: string): Attempt => ({
    status,
    reply,
    recipients: envelope.to.map((address) => ({ address, status, reply })),
  });
  try {
    const info = await new Promise<{
      accepted: string[];
      rejectedErrors?: SmtpError[];
      response: string;
    }>((resolve, reject) =>
      connection.send({ from: envelope.from, to: [...envelope.to] }, body, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
    const refused = new Map(
      (info.rejectedErrors ?? []).map((e) => [e.recipient?.toLowerCase() ?? '', e]),
    );
    const recipients = envelope.to.map((address): RecipientOutcome => {
      const error = refused.get(address.toLowerCase());
      return error
        ? { address, status: statusOf(error.responseCode), reply: replyOf(error) }
        : { address, status: 'sent', reply: info.response };
    });
    connection.quit();
    return { status: 'sent', reply: info.response, recipients };
  } catch (caught) {
    const error = caught as SmtpError;
    connection.close();
    if (error.code === 'EENVELOPE' && error.rejectedErrors && error.command === 'RCPT TO') {
      const byAddress = new Map(error.rejectedErrors.map((e) => [e.recipient?.toLowerCase(), e]));
      const recipients = envelope.to.map((address): RecipientOutcome => {
        const e = byAddress.get(address.toLowerCase());
        return e
          ? { address, status: statusOf(e.responseCode), reply: replyOf(e) }
          : { address, status: 'deferred', reply: replyOf(error) };
      });
      const status = recipients.some((r) => r.status === 'deferred') ? 'deferred' : 'rejected';
      return { status, reply: replyOf(error), recipients };
    }
    if (error.responseCode !== undefined && error.responseCode >= 400)
      return everyone(statusOf(error.responseCode), replyOf(error));
    if (dot) return everyone('unknown', `no reply after the final dot: ${replyOf(error)}`);
    return everyone('deferred', `connection lost before the end of the message: ${replyOf(error)}`);
  }
}
