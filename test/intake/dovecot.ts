/**
 * A real Dovecot 2.3 for the intake tests: `dovecot -F -c <conf>` with a throw-away config in a
 * short temporary folder (sockets have short path limits), IMAP and LMTP on 127.0.0.1, no TLS,
 * one passwd-file user whose mail belongs to `nobody` (Dovecot refuses root as the mail user)
 * or, when the tests do not run as root, to the current user. Messages are delivered through
 * Dovecot's own LMTP, so their INTERNALDATE is the server's delivery time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface Dovecot {
  readonly dir: string;
  readonly imapPort: number;
  readonly user: string;
  readonly password: string;
  /** The user's Maildir (INBOX), as Dovecot writes it. */
  readonly maildir: string;
  /** `imap://cand@127.0.0.1:<port>/INBOX`. */
  url(mailbox?: string): string;
  /** Delivers a message through LMTP; resolves when Dovecot has saved it. */
  deliver(raw: Buffer, sender?: string): Promise<void>;
  /** Runs doveadm with this config. */
  doveadm(...args: string[]): string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const binary = (name: string): string =>
  ['/usr/sbin', '/usr/bin'].map((d) => join(d, name)).find(existsSync) ?? name;

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts Dovecot; throws with its log when it does not come up within 20 s. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = await mkdtemp('/tmp/rdv-');
  await chmod(dir, 0o755);
  const root = process.getuid?.() === 0;
  const uid = root ? 65534 : process.getuid!();
  const gid = root ? 65534 : process.getgid!();
  const me = root
    ? undefined
    : (process.env['USER'] ?? spawnSync('id', ['-un']).stdout.toString().trim());
  const mail = join(dir, 'mail');
  await mkdir(mail);
  await chown(mail, uid, gid);
  const user = 'dossiers';
  const password = 'mot-de-passe-de-test';
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const [imapPort, lmtpPort] = [await freePort(), await freePort()];
  const conf = join(dir, 'dovecot.conf');
  await writeFile(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
${me ? `default_internal_user = ${me}\ndefault_login_user = ${me}\n` : ''}mail_location = maildir:${mail}/%u
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mail}/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
service anvil {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(binary('dovecot'), ['-F', '-c', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!((await listening(imapPort)) && (await listening(lmtpPort)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
      throw new Error(`Dovecot did not start:\n${output}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const lmtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: lmtpPort,
    lmtp: true,
    secure: false,
    ignoreTLS: true,
  });
  return {
    dir,
    imapPort,
    user,
    password,
    maildir: join(mail, user),
    url: (mailbox = 'INBOX') => `imap://${user}@127.0.0.1:${imapPort}/${mailbox}`,
    deliver: async (raw, sender = 'expediteur@example.org') => {
      const info = await lmtp.sendMail({ envelope: { from: sender, to: [user] }, raw });
      if (info.accepted.length !== 1) throw new Error(`LMTP refused: ${info.response}`);
    },
    doveadm: (...args) => {
      const run = spawnSync(binary('doveadm'), ['-c', conf, ...args], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`doveadm ${args.join(' ')}: ${run.stderr}`);
      return run.stdout;
    },
    stop: async () => {
      lmtp.close();
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
