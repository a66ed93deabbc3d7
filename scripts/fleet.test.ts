import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedLength } from '../src/domain/packedFrame';
import { PASSWORD_ENV } from '../src/telemetry/live/brokerConfig';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { LiveEngine } from '../src/telemetry/live/LiveEngine';
import { encodeInstantAction } from '../src/telemetry/vda5050/encode';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = 'node_modules/.bin/tsx';
const SCENE = ['--scene', 'scenes/1088-2-1089/proposed.json'];
let broker: RunningBroker;
let fleet: ChildProcess | undefined;

/** The environment without a fleet password, plus `password` when given. */
function envWith(password?: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[PASSWORD_ENV.fleet];
  return password === undefined ? env : { ...env, [PASSWORD_ENV.fleet]: password };
}

/** Runs `npm run fleet` to its end with `stdin` piped in (or none); its exit code and everything it printed. */
function runFleet(args: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(TSX, ['scripts/fleet.ts', ...args], { cwd: ROOT, env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  if (stdin !== undefined) child.stdin!.end(stdin);
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

describe('npm run fleet against a real Mosquitto', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(async () => {
    fleet?.kill('SIGKILL');
    await broker?.stop();
  });

  it('publishes every AGV so the twin sees them, and obeys an operator', async () => {
    const args = [
      'scripts/fleet.ts',
      '--broker',
      broker.urls.tcp,
      '--username',
      'fleet',
      ...SCENE,
      '--agvs',
      '5',
      '--hz',
      '5',
      '--duration',
      '20',
      '--start',
      '08:00',
    ];
    fleet = spawn(TSX, args, { cwd: ROOT, env: envWith(broker.users.fleet), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    fleet.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    fleet.stderr!.on('data', (d: Buffer) => (output += d.toString()));

    const engine = new LiveEngine();
    const scene = { maps: [{ mapId: '1088-2-1089-proposed', origin: [0, 0] as [number, number], rotation: 0 }] };
    const layout = await engine.connect({
      url: broker.urls.ws,
      username: 'viewer',
      password: broker.users.viewer,
      ...scene,
      capacity: 20,
      staleAfterMs: 5000,
      facilityCount: 0,
    });
    engine.attach(new Float32Array(packedLength(layout)));
    await expect.poll(() => engine.snapshot().agvs, { timeout: 30_000 }).toBe(5);
    expect(engine.snapshot().unknownMaps).toEqual([]);
    expect(Object.values(engine.snapshot().dropped).reduce((a, b) => a + b, 0)).toBe(0);

    const watcher = await mqtt.connectAsync(broker.urls.tcp, { username: 'viewer', password: broker.users.viewer, protocolVersion: 5 });
    const states: Record<string, unknown>[] = [];
    watcher.on('message', (_topic, payload) => states.push(JSON.parse(payload.toString()) as Record<string, unknown>));
    await watcher.subscribeAsync('uagv/v2/smartgate/AGV-002/state');
    const operator = await mqtt.connectAsync(broker.urls.tcp, { username: 'operator', password: broker.users.operator, protocolVersion: 5 });
    const pause = encodeInstantAction(
      { version: 2, manufacturer: 'twin', serialNumber: 'AGV-002', headerId: 1, timestampMs: Date.now() },
      'pause',
      'op-pause-1',
    );
    await operator.publishAsync('uagv/v2/smartgate/AGV-002/instantActions', JSON.stringify(pause), { qos: 1 });
    await expect
      .poll(() => states.some((s) => s.paused === true && JSON.stringify(s.actionStates).includes('"op-pause-1"')), { timeout: 30_000 })
      .toBe(true);
    await operator.endAsync();
    await watcher.endAsync();

    expect(engine.snapshot().canCommand).toBe(false);
    const refused = await engine.command('smartgate/AGV-003', { kind: 'pause' });
    expect(refused).toMatchObject({ who: 'viewer', vehicle: 'smartgate/AGV-003', what: 'pause', result: 'refused by the broker' });
    const console = new LiveEngine();
    await console.connect({
      url: broker.urls.ws,
      username: 'operator',
      password: broker.users.operator,
      ...scene,
      capacity: 20,
      staleAfterMs: 5000,
      facilityCount: 0,
    });
    expect(console.snapshot().canCommand).toBe(true);
    await expect.poll(() => console.snapshot().agvs, { timeout: 30_000 }).toBe(5);
    const sent = await console.command('smartgate/AGV-004', { kind: 'pause' });
    expect(sent.result).toBe('sent');
    await expect.poll(() => console.snapshot().audit.find((e) => e.id === sent.id)?.result, { timeout: 30_000 }).toBe('finished');
    const bad = await console.command('smartgate/AGV-005', { kind: 'goto', nodeId: 'nowhere' });
    await expect.poll(() => console.snapshot().audit.find((e) => e.id === bad.id)?.result, { timeout: 30_000 }).toBe('failed');
    expect(console.snapshot().vehicles.find((v) => v.key === 'smartgate/AGV-004')?.paused).toBe(true);
    console.disconnect();
    engine.disconnect();
    fleet.kill('SIGTERM');
    await new Promise((done) => fleet!.once('exit', done));
    expect(output).toMatch(/publishing 5 vehicles/);
  });

  it('takes its password from standard input when the environment has none', async () => {
    const r = await runFleet(
      ['--broker', broker.urls.tcp, '--username', 'fleet', ...SCENE, '--agvs', '2', '--hz', '2', '--duration', '2'],
      envWith(),
      `${broker.users.fleet}\n`,
    );
    expect(r.output).toMatch(/publishing 2 vehicles/);
    expect(r.code).toBe(0);
  });

  it('refuses a password on the command line and stops when given none, naming where the password goes instead', async () => {
    const secret = 'on-the-command-line';
    const given = await runFleet(
      ['--broker', broker.urls.tcp, '--username', 'fleet', '--password', secret, ...SCENE, '--agvs', '2', '--hz', '2'],
      envWith(),
    );
    expect(given.code).toBe(2);
    expect(given.output).toMatch(/--password is refused: .*`ps`.* Set TWIN_FLEET_PASSWORD .*standard input/);
    expect(given.output).not.toContain(secret);
    const none = await runFleet(['--broker', broker.urls.tcp, '--username', 'fleet', ...SCENE, '--agvs', '2', '--hz', '2'], envWith());
    expect(none.code).toBe(2);
    expect(none.output).toMatch(/no password for fleet: set TWIN_FLEET_PASSWORD, or pipe it on standard input/);
  });
});
