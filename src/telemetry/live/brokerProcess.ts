/**
 * A real Mosquitto on free loopback ports for tests (and later end-to-end tests): `startBroker()` writes the
 * repo's policy into its own directory, starts the broker, and resolves once both listeners accept
 * connections. Node-only tooling, like brokerConfig.ts: keep it out of anything the browser bundle imports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  MOSQUITTO,
  brokerUrls,
  resolveCredentials,
  writeBrokerFiles,
  type BrokerFiles,
  type BrokerUrls,
  type BrokerUser,
  type Credentials,
} from './brokerConfig';

/** A port on 127.0.0.1 that was free a moment ago (the kernel picks it; we close it again at once). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('no port from the kernel'))));
    });
  });
}

/** Whether nothing listens on 127.0.0.1:`port`, found by trying to listen there ourselves. */
export function loopbackPortIsFree(port: number): Promise<boolean> {
  return new Promise((answer, reject) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? answer(false) : reject(e)));
    server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });
}

/** At most 40 tries, 10 ms apart at first and 100 ms at most: about 3.5 s, while Mosquitto is up in ~10 ms. */
const READY_TRIES = 40;

/**
 * Resolves once every port accepts a TCP connection; rejects after READY_TRIES rounds or as soon as
 * `exited()` returns a reason (the process died: retrying would only hide why).
 */
export async function waitForListeners(ports: readonly number[], exited: () => string | undefined): Promise<void> {
  for (let k = 1; k <= READY_TRIES; k++) {
    const why = exited();
    if (why !== undefined) throw new Error(why);
    const open = await Promise.all(ports.map(accepts));
    if (open.every(Boolean)) return;
    await delay(Math.min(10 * k, 100));
  }
  throw new Error(`nothing accepted connections on 127.0.0.1:${ports.join(', ')} after ${READY_TRIES} tries`);
}

export interface BrokerOptions {
  /** Defaults: free ports picked by the kernel. */
  readonly tcpPort?: number;
  readonly wsPort?: number;
  /** Where the run files go; default a fresh temp directory, removed by `stop()`. */
  readonly dir?: string;
  /** Passwords to use; a user left out gets a random one (read it back from `users`). */
  readonly users?: Partial<Record<BrokerUser, string>>;
}

export interface RunningBroker {
  readonly urls: BrokerUrls;
  readonly tcpPort: number;
  readonly wsPort: number;
  readonly dir: string;
  /** Every user's password, given or generated. */
  readonly users: Readonly<Record<BrokerUser, string>>;
  /** Kills the broker, waits for it to exit, removes the temp directory it made. Safe to call twice. */
  stop(): Promise<void>;
  /** Kills the broker and starts it again on the same ports with the same users (for reconnect tests). */
  restart(): Promise<void>;
}

/** Mosquitto's own output, kept for error messages: the last 8 KB are enough for its start-up complaints. */
const OUTPUT_KEPT = 8192;
/** Mosquitto exits within milliseconds of SIGTERM; past this we stop asking. */
const STOP_GRACE_MS = 5000;

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts Debian's Mosquitto with the repo's ACL on loopback and resolves when both listeners accept
 * connections. Rejects (with Mosquitto's own output) when it cannot start, e.g. a port is taken.
 * @example
 * const broker = await startBroker();
 * const client = await mqtt.connectAsync(broker.urls.ws, { username: 'viewer', password: broker.users.viewer });
 * await broker.stop();
 */
export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const tcpPort = options.tcpPort ?? (await freeLoopbackPort());
  const wsPort = options.wsPort ?? (await freeLoopbackPort());
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'twin-broker-'));
  const credentials: Credentials = resolveCredentials((user) => options.users?.[user]);
  let files: BrokerFiles;
  try {
    files = writeBrokerFiles(dir, { tcpPort, wsPort }, credentials);
  } catch (e) {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  let child: ChildProcess | undefined;
  let stopped = false;

  const launch = async (): Promise<void> => {
    // Checked first because readiness is "the port accepts": a port held by someone else would pass that
    // test in the moment before Mosquitto notices and exits.
    for (const port of [tcpPort, wsPort]) {
      if (!(await loopbackPortIsFree(port))) throw new Error(`127.0.0.1:${port} is taken: Mosquitto cannot listen there`);
    }
    let output = '';
    let failure: string | undefined;
    const proc = spawn(MOSQUITTO, ['-c', files.configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    proc.once('error', (e) => (failure = `cannot run ${MOSQUITTO}: ${e.message}`));
    proc.once('exit', (code, signal) => (failure ??= `mosquitto exited (${signal ?? `code ${code}`})`));
    try {
      await waitForListeners([tcpPort, wsPort], () => (failure === undefined ? undefined : `${failure}:\n${output.trim()}`));
    } catch (e) {
      await kill(proc);
      throw e;
    }
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child !== undefined) await kill(child);
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (e) {
    await stop();
    throw e;
  }

  const users = {
    viewer: credentials.viewer.password,
    operator: credentials.operator.password,
    fleet: credentials.fleet.password,
  };
  return {
    urls: brokerUrls({ tcpPort, wsPort }),
    tcpPort,
    wsPort,
    dir: files.dir,
    users,
    stop,
    restart: async () => {
      if (stopped) throw new Error('restart() after stop()');
      if (child !== undefined) await kill(child);
      await launch();
    },
  };
}
