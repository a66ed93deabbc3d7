import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_USERS, PASSWORD_ENV, randomPassword, type BrokerUser } from '../src/telemetry/live/brokerConfig';
import { freeLoopbackPort, loopbackPortIsFree, startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** `npm run broker` runs `tsx scripts/broker.ts`; starting tsx directly spares npx's extra process layers. */
const TSX = join(ROOT, 'node_modules/.bin/tsx');
/**
 * MQTT 5 reason code 0x87 "Not authorized". Measured on Mosquitto 2.0.11: its CONNACK for an anonymous client
 * and for a wrong password, and its PUBACK for a QoS 1 publish the ACL denies. (Under MQTT 3.1.1 the same
 * publish gets a plain PUBACK and is silently dropped, hence protocolVersion 5 here.)
 */
const NOT_AUTHORIZED = 135;
/** Bound on every wait for the broker; a healthy one answers in milliseconds. */
const WAIT_MS = 5000;
/** tsx compiles the script on start: seconds on the shared 2-core machine. */
const SCRIPT_WAIT_MS = 30_000;

const STATE = 'uagv/v2/acme/AGV-1/state';
const ORDER = 'uagv/v2/acme/AGV-1/order';
const INSTANT_ACTIONS = 'uagv/v3/acme/AGV-1/instantActions';

const clients: MqttClient[] = [];

async function connect(url: string, username?: BrokerUser, password?: string): Promise<MqttClient> {
  const auth = username === undefined ? {} : { username, password: password ?? '' };
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: WAIT_MS, ...auth }, false);
  clients.push(client);
  return client;
}

interface Message {
  topic: string;
  payload: string;
}

/** The messages a client receives, in order; `next()` rejects when none comes within WAIT_MS. */
function inbox(client: MqttClient): { next(): Promise<Message> } {
  const queue: Message[] = [];
  const waiters: ((m: Message) => void)[] = [];
  client.on('message', (topic, payload) => {
    const m = { topic, payload: payload.toString('utf8') };
    const waiter = waiters.shift();
    if (waiter === undefined) queue.push(m);
    else waiter(m);
  });
  return {
    next: () => {
      const m = queue.shift();
      if (m !== undefined) return Promise.resolve(m);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message within ${WAIT_MS} ms`)), WAIT_MS);
        waiters.push((received) => {
          clearTimeout(timer);
          resolve(received);
        });
      });
    },
  };
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
});

describe('the broker policy (broker/acl) on a real Mosquitto', { timeout: 30_000 }, () => {
  let broker: RunningBroker;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(async () => {
    await broker.stop();
  });

  it('refuses anonymous clients and wrong passwords at connect, on both listeners', async () => {
    await expect(connect(broker.urls.tcp)).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await expect(connect(broker.urls.ws)).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await expect(connect(broker.urls.tcp, 'viewer', `${broker.users.viewer}x`)).rejects.toMatchObject({ code: NOT_AUTHORIZED });
  });

  it('lets viewer read uagv/# over TCP and WebSocket: what fleet publishes, v2 and v3', async () => {
    const viewers = [await connect(broker.urls.tcp, 'viewer', broker.users.viewer), await connect(broker.urls.ws, 'viewer', broker.users.viewer)];
    const boxes = viewers.map(inbox);
    for (const v of viewers) await v.subscribeAsync('uagv/#', { qos: 1 });
    const fleet = await connect(broker.urls.tcp, 'fleet', broker.users.fleet);
    await fleet.publishAsync(STATE, '{"headerId":1}', { qos: 1 });
    await fleet.publishAsync('uagv/v3/acme/AGV-1/visualization', '{"headerId":2}', { qos: 1 });
    for (const box of boxes) {
      expect(await box.next()).toEqual({ topic: STATE, payload: '{"headerId":1}' });
      expect(await box.next()).toEqual({ topic: 'uagv/v3/acme/AGV-1/visualization', payload: '{"headerId":2}' });
    }
  });

  // Mosquitto handles one client's packet before the next, so once a refused PUBACK is back, a later allowed
  // message being the subscriber's first proves the refused one was dropped, without waiting for nothing.
  it('refuses viewer publishing order or instantActions (PUBACK 135); the vehicle gets only the operator', async () => {
    const vehicle = await connect(broker.urls.tcp, 'fleet', broker.users.fleet);
    const box = inbox(vehicle);
    await vehicle.subscribeAsync(['uagv/+/+/+/order', 'uagv/+/+/+/instantActions'], { qos: 1 });
    const viewer = await connect(broker.urls.ws, 'viewer', broker.users.viewer);
    await expect(viewer.publishAsync(ORDER, 'from viewer', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await expect(viewer.publishAsync(INSTANT_ACTIONS, 'from viewer', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    const operator = await connect(broker.urls.ws, 'operator', broker.users.operator);
    await operator.publishAsync(ORDER, 'from operator', { qos: 1 });
    expect(await box.next()).toEqual({ topic: ORDER, payload: 'from operator' });
  });

  it('delivers operator order and instantActions to fleet, which reads no vehicle topics even on uagv/#', async () => {
    const vehicle = await connect(broker.urls.tcp, 'fleet', broker.users.fleet);
    const box = inbox(vehicle);
    await vehicle.subscribeAsync('uagv/#', { qos: 1 });
    const operator = await connect(broker.urls.tcp, 'operator', broker.users.operator);
    await operator.publishAsync(ORDER, '{"orderId":"o-1"}', { qos: 1 });
    await vehicle.publishAsync(STATE, '{"headerId":3}', { qos: 1 });
    await operator.publishAsync(INSTANT_ACTIONS, '{"actions":[]}', { qos: 1 });
    expect(await box.next()).toEqual({ topic: ORDER, payload: '{"orderId":"o-1"}' });
    expect(await box.next()).toEqual({ topic: INSTANT_ACTIONS, payload: '{"actions":[]}' });
  });

  it('refuses operator publishing state and fleet publishing orders: each speaks only for its side', async () => {
    const viewer = await connect(broker.urls.tcp, 'viewer', broker.users.viewer);
    const box = inbox(viewer);
    await viewer.subscribeAsync('uagv/#', { qos: 1 });
    const operator = await connect(broker.urls.tcp, 'operator', broker.users.operator);
    await expect(operator.publishAsync(STATE, 'from operator', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    const fleet = await connect(broker.urls.tcp, 'fleet', broker.users.fleet);
    await expect(fleet.publishAsync(ORDER, 'from fleet', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await fleet.publishAsync(STATE, 'from vehicle', { qos: 1 });
    expect(await box.next()).toEqual({ topic: STATE, payload: 'from vehicle' });
  });

  it("grants 3.0's vda5050 prefix as uagv: viewer reads, operator commands, fleet speaks for vehicles only", async () => {
    const viewer = await connect(broker.urls.ws, 'viewer', broker.users.viewer);
    const seen = inbox(viewer);
    await viewer.subscribeAsync(['+/+/+/+/state'], { qos: 1 });
    const vehicle = await connect(broker.urls.tcp, 'fleet', broker.users.fleet);
    const commands = inbox(vehicle);
    await vehicle.subscribeAsync('vda5050/#', { qos: 1 });
    const operator = await connect(broker.urls.tcp, 'operator', broker.users.operator);
    await expect(operator.publishAsync('vda5050/v3/acme/AGV-1/state', 'from operator', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await expect(viewer.publishAsync('vda5050/v3/acme/AGV-1/order', 'from viewer', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await expect(vehicle.publishAsync('vda5050/v3/acme/AGV-1/order', 'from fleet', { qos: 1 })).rejects.toMatchObject({ code: NOT_AUTHORIZED });
    await operator.publishAsync('vda5050/v3/acme/AGV-1/order', '{"orderId":"o-3"}', { qos: 1 });
    await vehicle.publishAsync('vda5050/v3/acme/AGV-1/state', '{"headerId":1}', { qos: 1 });
    expect(await commands.next()).toEqual({ topic: 'vda5050/v3/acme/AGV-1/order', payload: '{"orderId":"o-3"}' });
    expect(await seen.next()).toEqual({ topic: 'vda5050/v3/acme/AGV-1/state', payload: '{"headerId":1}' });
  });

  it('restart() brings the broker back on the same ports with the same users', async () => {
    const before = await connect(broker.urls.tcp, 'viewer', broker.users.viewer);
    const dropped = new Promise<void>((resolve) => before.once('close', () => resolve()));
    await broker.restart();
    await dropped;
    await expect(connect(broker.urls.ws, 'viewer', broker.users.viewer)).resolves.toBeDefined();
    await expect(connect(broker.urls.tcp, 'fleet', broker.users.fleet)).resolves.toBeDefined();
  });
});

describe('startBroker', { timeout: 30_000 }, () => {
  it('stop() waits for Mosquitto to exit and frees its ports', async () => {
    const b = await startBroker();
    await b.stop();
    expect(await loopbackPortIsFree(b.tcpPort)).toBe(true);
    expect(await loopbackPortIsFree(b.wsPort)).toBe(true);
  });

  it('rejects, saying so, when a port is taken', async () => {
    const holder = await holdPort();
    const port = portOf(holder);
    await expect(startBroker({ tcpPort: port })).rejects.toThrow(`127.0.0.1:${port} is taken`);
    await new Promise((resolve) => holder.close(resolve));
  });
});

function holdPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no port');
  return address.port;
}

interface ScriptRun {
  readonly child: ChildProcess;
  readonly exit: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout matches; rejects if the script exits first or after SCRIPT_WAIT_MS. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
}

const runs: ScriptRun[] = [];
const dirs: string[] = [];

/** Runs scripts/broker.ts in its own process group, so that afterAll can stop it and its Mosquitto together. */
function runScript(args: readonly string[], passwords: Partial<Record<BrokerUser, string>>): ScriptRun {
  const env = { ...process.env };
  for (const user of BROKER_USERS) {
    const password = passwords[user];
    if (password === undefined) delete env[PASSWORD_ENV[user]];
    else env[PASSWORD_ENV[user]] = password;
  }
  const child = spawn(TSX, ['scripts/broker.ts', ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run: ScriptRun = {
    child,
    exit,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m === null) return;
          done();
          resolve(m);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${SCRIPT_WAIT_MS} ms; stdout:\n${out}\nstderr:\n${err}`));
        }, SCRIPT_WAIT_MS);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exit.then((code) => {
          done();
          reject(new Error(`script exited (${code}) before ${pattern}; stdout:\n${out}\nstderr:\n${err}`));
        });
        check();
      }),
  };
  runs.push(run);
  return run;
}

async function scriptArgs(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'twin-broker-script-'));
  dirs.push(dir);
  return ['--tcp-port', String(await freeLoopbackPort()), '--ws-port', String(await freeLoopbackPort()), '--dir', dir];
}

describe('scripts/broker.ts', { timeout: 60_000 }, () => {
  afterAll(async () => {
    // The whole group, even when the script itself is gone: a script that died without stopping its
    // Mosquitto leaves it running in that group.
    for (const run of runs) {
      if (run.child.pid === undefined) continue;
      try {
        process.kill(-run.child.pid, 'SIGKILL');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
      }
      await run.exit;
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('prints generated passwords when TWIN_*_PASSWORD are unset; they work; SIGTERM stops it cleanly', async () => {
    const args = await scriptArgs();
    const run = runScript(args, {});
    const ready = await run.waitFor(/^ready: mosquitto listens on (mqtt:\/\/\S+) and (ws:\/\/\S+) /m);
    const password = (user: BrokerUser) => {
      const m = run.stdout().match(new RegExp(`^  ${user} +password (\\S+) \\(generated; set ${PASSWORD_ENV[user]} to choose one\\)$`, 'm'));
      expect(m, `generated password line for ${user}`).not.toBeNull();
      return m?.[1] ?? '';
    };
    const [tcp, ws] = [ready[1] ?? '', ready[2] ?? ''];
    expect(tcp).toBe(`mqtt://127.0.0.1:${args[1]}`);
    expect(new Set(BROKER_USERS.map(password)).size).toBe(3);
    await connect(ws, 'viewer', password('viewer'));
    const operator = await connect(tcp, 'operator', password('operator'));
    await operator.publishAsync(ORDER, '{}', { qos: 1 });
    await expect(connect(tcp)).rejects.toMatchObject({ code: NOT_AUTHORIZED });

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(await loopbackPortIsFree(Number(args[1]))).toBe(true);
  });

  it('uses TWIN_*_PASSWORD when set and never prints them', async () => {
    const given = { viewer: randomPassword(), operator: randomPassword(), fleet: randomPassword() };
    const args = await scriptArgs();
    const run = runScript(args, given);
    const ready = await run.waitFor(/^ready: mosquitto listens on (mqtt:\/\/\S+) and (ws:\/\/\S+) /m);
    for (const user of BROKER_USERS) {
      expect(run.stdout()).toContain(`password from ${PASSWORD_ENV[user]}`);
      expect(run.stdout() + run.stderr()).not.toContain(given[user]);
    }
    expect(run.stdout()).not.toContain('generated');
    await connect(ready[2] ?? '', 'viewer', given.viewer);
    await connect(ready[1] ?? '', 'fleet', given.fleet);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('exits 1 naming a taken port, 2 on a bad option', async () => {
    const holder = await holdPort();
    const port = portOf(holder);
    const args = await scriptArgs();
    const taken = runScript(['--tcp-port', String(port), ...args.slice(2)], {});
    expect(await taken.exit).toBe(1);
    expect(taken.stderr()).toContain(`127.0.0.1:${port} is taken`);
    await new Promise((resolve) => holder.close(resolve));

    const bad = runScript(['--tcp-port', 'many'], {});
    expect(await bad.exit).toBe(2);
    expect(bad.stderr()).toMatch(/--tcp-port needs a port number 1-65535 \(got many\)/);
  });
});
