/**
 * Run files of the twin's Mosquitto broker (config, password file, ACL), shared by `npm run broker`
 * (scripts/broker.ts) and the tests' broker helper (brokerProcess.ts) so that both enforce the same policy.
 * Node-only tooling: nothing the browser bundle imports may import this file.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's paths (package `mosquitto`); /usr/sbin is often not on a normal user's PATH, so no PATH lookup. */
export const MOSQUITTO = '/usr/sbin/mosquitto';
const MOSQUITTO_PASSWD = '/usr/bin/mosquitto_passwd';
const INSTALL_HINT = 'install it with `apt-get install -y mosquitto`';

/** The repo's policy files: `acl` (who may read and write which topic) and the config template. */
const POLICY_DIR = fileURLToPath(new URL('../../../broker/', import.meta.url));

export type BrokerUser = 'viewer' | 'operator' | 'fleet';
export const BROKER_USERS: readonly BrokerUser[] = ['viewer', 'operator', 'fleet'];

/** Where each user's password comes from; an unset or empty variable means a random one. */
export const PASSWORD_ENV: Readonly<Record<BrokerUser, string>> = {
  viewer: 'TWIN_VIEWER_PASSWORD',
  operator: 'TWIN_OPERATOR_PASSWORD',
  fleet: 'TWIN_FLEET_PASSWORD',
};

export interface Credential {
  readonly password: string;
  /** True when made here rather than given: only then may a tool print it. */
  readonly generated: boolean;
}

export type Credentials = Readonly<Record<BrokerUser, Credential>>;

/**
 * 16 random bytes as 32 hex digits: 128 bits, and nothing a shell, a URL or a command line needs to escape
 * (base64url can start with `-`, which tools such as `mosquitto_sub -P` would take for an option).
 */
export function randomPassword(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Each user's password from `given` (e.g. `process.env` keyed by PASSWORD_ENV, or a test's choice), else a
 * fresh random one. There is deliberately no built-in default: a broker started twice has different passwords
 * unless someone chose them.
 * @example resolveCredentials((u) => process.env[PASSWORD_ENV[u]]).viewer.password
 */
export function resolveCredentials(given: (user: BrokerUser) => string | undefined): Credentials {
  const pick = (user: BrokerUser): Credential => {
    const password = given(user);
    return password === undefined || password === '' ? { password: randomPassword(), generated: true } : { password, generated: false };
  };
  return { viewer: pick('viewer'), operator: pick('operator'), fleet: pick('fleet') };
}

export interface BrokerPorts {
  readonly tcpPort: number;
  readonly wsPort: number;
}

export interface BrokerUrls {
  readonly tcp: string;
  readonly ws: string;
}

export function brokerUrls({ tcpPort, wsPort }: BrokerPorts): BrokerUrls {
  return { tcp: `mqtt://127.0.0.1:${tcpPort}`, ws: `ws://127.0.0.1:${wsPort}` };
}

/** Thrown when Debian's Mosquitto is not installed; the message says how to install it. */
export class MosquittoMissingError extends Error {
  constructor(path: string) {
    super(`${path} not found: ${INSTALL_HINT}`);
    this.name = 'MosquittoMissingError';
  }
}

export function assertMosquittoInstalled(): void {
  for (const path of [MOSQUITTO, MOSQUITTO_PASSWD]) if (!existsSync(path)) throw new MosquittoMissingError(path);
}

/** Replaces every `{{name}}` in `template`; an unknown placeholder is an error, not an empty string. */
function renderTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`mosquitto.conf.template: no value for {{${name}}}`);
    return String(value);
  });
}

/**
 * Mosquitto started as root drops to the user `mosquitto` before it opens the password and ACL files, so
 * those must belong to (or be readable by) that user; we hand them over rather than make password hashes
 * world-readable. Run as anyone else, Mosquitto stays that user and the files stay ours.
 */
function mosquittoOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'mosquitto'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Mosquitto as `mosquitto` must pass through every directory above the run files; a root-only parent (say a
 * `mktemp -d` under /tmp, mode 700) would otherwise end in its terse "Unable to open pwfile".
 */
function assertTraversable(dir: string, owner: { uid: number; gid: number }): void {
  for (let d = dirname(dir); ; d = dirname(d)) {
    const { mode, uid, gid } = statSync(d);
    const bit = uid === owner.uid ? 0o100 : gid === owner.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) {
      throw new Error(
        `the user mosquitto cannot enter ${d} (mode ${(mode & 0o777).toString(8)}), so it cannot read ${dir}; pick a directory it can reach`,
      );
    }
    if (d === dirname(d)) return;
  }
}

export interface BrokerFiles {
  readonly dir: string;
  readonly configFile: string;
  readonly passwordFile: string;
  readonly aclFile: string;
}

/**
 * Writes `mosquitto.conf`, `passwd` (via `mosquitto_passwd -b`) and `acl` into `dir` (created if needed) for
 * the given ports and credentials, and returns their absolute paths. Overwrites earlier run files there.
 * @example writeBrokerFiles('.broker', { tcpPort: 1883, wsPort: 9001 }, resolveCredentials(() => undefined))
 */
export function writeBrokerFiles(dir: string, ports: BrokerPorts, credentials: Credentials): BrokerFiles {
  assertMosquittoInstalled();
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const files: BrokerFiles = {
    dir: abs,
    configFile: join(abs, 'mosquitto.conf'),
    passwordFile: join(abs, 'passwd'),
    aclFile: join(abs, 'acl'),
  };
  for (const [k, user] of BROKER_USERS.entries()) {
    // -c (first user) starts a fresh file; -b takes the password as an argument: visible in `ps` for the few
    // milliseconds the command runs, acceptable for a loopback development broker, and it spares us
    // reimplementing Mosquitto's hash format.
    const r = spawnSync(MOSQUITTO_PASSWD, [...(k === 0 ? ['-c'] : []), '-b', files.passwordFile, user, credentials[user].password], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mosquitto_passwd failed for ${user}: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  }
  copyFileSync(join(POLICY_DIR, 'acl'), files.aclFile);
  const template = readFileSync(join(POLICY_DIR, 'mosquitto.conf.template'), 'utf8');
  const config = renderTemplate(template, { ...ports, passwordFile: files.passwordFile, aclFile: files.aclFile });
  writeFileSync(files.configFile, config);

  chmodSync(abs, 0o700);
  for (const file of [files.passwordFile, files.aclFile, files.configFile]) chmodSync(file, 0o600);
  const owner = mosquittoOwner();
  if (owner !== undefined) {
    assertTraversable(abs, owner);
    chownSync(abs, owner.uid, owner.gid);
    for (const file of [files.passwordFile, files.aclFile, files.configFile]) chownSync(file, owner.uid, owner.gid);
  }
  return files;
}
