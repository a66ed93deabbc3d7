import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedLength } from '../src/domain/packedFrame';
import { PASSWORD_ENV } from '../src/telemetry/live/brokerConfig';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { LiveEngine } from '../src/telemetry/live/LiveEngine';
import { encodeInstantAction } from '../src/telemetry/vda5050/encode';
import { fieldsOutside20 } from '../src/telemetry/vda5050/fixtures/fields20';
import type { Subtopic } from '../src/telemetry/vda5050/topic';
import { GATE_TOPIC_FILTER, parseGateEvent, type GateEvent } from '../src/domain/gateEvent';

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

  it('with --gate-events, publishes the simulated trucks at the barriers and scanners as the gate event feed', async () => {
    const watcher = await mqtt.connectAsync(broker.urls.tcp, { username: 'viewer', password: broker.users.viewer, protocolVersion: 5 });
    const events: GateEvent[] = [];
    const problems: string[] = [];
    watcher.on('message', (topic, payload) => {
      const r = parseGateEvent(topic, payload.toString());
      if (r.ok) events.push(r.event);
      else problems.push(r.problem);
    });
    await watcher.subscribeAsync(GATE_TOPIC_FILTER);
    // From 09:00 at ×120: the morning's trucks come in, are scanned and leave within seconds of wall time.
    const args = [
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
      '15',
      '--speed',
      '120',
      '--start',
      '09:00',
      '--gate-events',
    ];
    const run = await runFleet(args, envWith(broker.users.fleet));
    await watcher.endAsync();
    expect(run.code, run.output).toBe(0);
    expect(problems).toEqual([]);
    const count = (f: (e: GateEvent) => boolean) => events.filter(f).length;
    expect(count((e) => e.kind === 'barrier-pass' && e.direction === 'in')).toBeGreaterThan(10);
    expect(count((e) => e.kind === 'barrier-pass' && e.direction === 'out')).toBeGreaterThan(0);
    expect(count((e) => e.kind === 'scan')).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events.every((e) => e.zone === '1088/2-1089')).toBe(true);
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
    // The engine may count the vehicles from an earlier run's retained connection messages: wait until this fleet
    // has subscribed to its commands (it says so) before sending one, which MQTT would not keep for it.
    await expect.poll(() => output.includes('publishing 5 vehicles'), { timeout: 30_000 }).toBe(true);
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

  it.each([
    { vda: '2.0', iface: 'uagv', prefix: 'uagv/v2', version: '2.0.0' },
    { vda: '3', iface: 'vda5050', prefix: 'vda5050/v3', version: '3.0.0' },
  ])('--vda $vda --interface $iface: the twin sees the vehicles and commands them in $version under $prefix', async ({ vda, iface, prefix, version }) => {
    // A broker of its own: the first test's retained connections would be vehicles of the same keys.
    const own = await startBroker();
    try {
      await commandFleet(own, vda, iface, prefix, version);
    } finally {
      await own.stop();
    }
  });

  it('refuses a version it cannot speak and an interface name no topic can hold (exit 2)', async () => {
    const base = ['--broker', broker.urls.tcp, '--username', 'fleet', ...SCENE, '--agvs', '2', '--hz', '2'];
    const vda = await runFleet([...base, '--vda', '2.2'], envWith(broker.users.fleet));
    expect(vda.code).toBe(2);
    expect(vda.output).toMatch(/--vda 2\.2: expected 2\.0, 2\.1 \(or 2\), 3\.0 \(or 3\)/);
    const iface = await runFleet([...base, '--interface', 'a/b'], envWith(broker.users.fleet));
    expect(iface.code).toBe(2);
    expect(iface.output).toMatch(/--interface a\/b: .*interfaceName contains '\/'/);
  });

  it('stages AGVs at lane nodes before it publishes (--stage), and refuses a stage it cannot do', async () => {
    const base = [
      '--broker',
      broker.urls.tcp,
      '--username',
      'fleet',
      '--scene',
      'scenes/1119-1120/proposed.json',
      '--agvs',
      '2',
      '--hz',
      '2',
      '--duration',
      '2',
    ];
    const r = await runFleet([...base, '--seed', '1', '--start', '08:00', '--stage', 'AGV-001=vn-imp,AGV-002=vn-park-6'], envWith(broker.users.fleet));
    expect(r.output).toMatch(/staged AGV-001 at vn-imp, AGV-002 at vn-park-6 by simulated \d+:\d\d/);
    expect(r.code).toBe(0);
    const bad = await runFleet([...base, '--stage', 'AGV-003=vn-imp'], envWith(broker.users.fleet));
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/--stage AGV-003=vn-imp: expected AGV-NNN=lane-node with NNN from 001 to 2/);
    const nowhere = await runFleet([...base, '--stage', 'AGV-001=nowhere'], envWith(broker.users.fleet));
    expect(nowhere.code).toBe(1);
    expect(nowhere.output).toMatch(/--stage: no lane node "nowhere"/);
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

/**
 * Runs the fleet tool with `--vda` and `--interface` against `broker`; an operator's LiveEngine must see its three
 * vehicles and command one in `version` under `prefix`, and everything on the wire must say `version`.
 */
async function commandFleet(on: RunningBroker, vda: string, iface: string, prefix: string, version: string): Promise<void> {
  const args = ['--broker', on.urls.tcp, '--username', 'fleet', ...SCENE, '--agvs', '3', '--hz', '5', '--duration', '20', '--start', '08:00'];
  const run = spawn(TSX, ['scripts/fleet.ts', ...args, '--vda', vda, '--interface', iface], {
    cwd: ROOT,
    env: envWith(on.users.fleet),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fleet = run;
  let output = '';
  run.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  const watcher = await mqtt.connectAsync(on.urls.tcp, { username: 'viewer', password: on.users.viewer, protocolVersion: 5 });
  const wire: { topic: string; message: Record<string, unknown> }[] = [];
  watcher.on('message', (topic, payload) => wire.push({ topic, message: JSON.parse(payload.toString()) as Record<string, unknown> }));
  await watcher.subscribeAsync(`${prefix}/smartgate/AGV-002/#`);
  const console = new LiveEngine();
  await console.connect({
    url: on.urls.ws,
    username: 'operator',
    password: on.users.operator,
    maps: [{ mapId: '1088-2-1089-proposed', origin: [0, 0], rotation: 0 }],
    capacity: 20,
    staleAfterMs: 5000,
    facilityCount: 0,
  });
  await expect.poll(() => console.snapshot().agvs, { timeout: 30_000 }).toBe(3);
  expect(Object.values(console.snapshot().dropped).reduce((a, b) => a + b, 0)).toBe(0);

  // A vehicle that takes only its own version answers both commands: the pause done, the order refused by name.
  const pause = await console.command('smartgate/AGV-002', { kind: 'pause' });
  const order = await console.command('smartgate/AGV-002', { kind: 'goto', nodeId: 'nowhere' });
  await expect.poll(() => console.snapshot().audit.find((e) => e.id === pause.id)?.result, { timeout: 30_000 }).toBe('finished');
  await expect.poll(() => console.snapshot().audit.find((e) => e.id === order.id)?.detail, { timeout: 30_000 }).toMatch(/no lane node "nowhere"/);
  expect(console.snapshot().vehicles.find((v) => v.key === 'smartgate/AGV-002')?.paused).toBe(true);
  console.disconnect();
  await watcher.endAsync();

  const commands = wire.filter((w) => /\/(order|instantActions)$/.test(w.topic));
  expect(commands.map((w) => [w.topic, w.message.version])).toEqual([
    [`${prefix}/smartgate/AGV-002/instantActions`, version],
    [`${prefix}/smartgate/AGV-002/order`, version],
  ]);
  const vehicle = wire.filter((w) => /\/(state|visualization|connection)$/.test(w.topic));
  expect(new Set(vehicle.map((w) => w.topic.split('/').at(-1)))).toEqual(new Set(['connection', 'visualization', 'state']));
  for (const { topic, message } of vehicle) {
    expect(message.version, topic).toBe(version);
    if (vda === '2.0') expect(fieldsOutside20(topic.split('/').at(-1) as Subtopic, message), topic).toEqual([]);
  }
  run.kill('SIGTERM');
  await new Promise((done) => run.once('exit', done));
  expect(output).toContain(`publishing 3 vehicles (VDA 5050 ${version} under ${prefix}/…)`);
}
