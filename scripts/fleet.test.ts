import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedLength } from '../src/domain/packedFrame';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { LiveEngine } from '../src/telemetry/live/LiveEngine';
import { encodeInstantAction } from '../src/telemetry/vda5050/encode';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
let broker: RunningBroker;
let fleet: ChildProcess | undefined;

describe('npm run fleet against a real Mosquitto', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(async () => {
    fleet?.kill('SIGKILL');
    await broker?.stop();
  });

  it('publishes every AGV so the twin sees them, and obeys an operator', async () => {
    const args = ['scripts/fleet.ts', '--broker', broker.urls.tcp, '--username', 'fleet', '--password', broker.users.fleet];
    args.push('--scene', 'scenes/1088-2-1089/proposed.json', '--agvs', '5', '--hz', '5', '--duration', '20', '--start', '08:00');
    fleet = spawn('node_modules/.bin/tsx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    fleet.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    fleet.stderr!.on('data', (d: Buffer) => (output += d.toString()));

    const engine = new LiveEngine();
    const scene = { maps: [{ mapId: '1088-2-1089-proposed', origin: [0, 0] as [number, number], rotation: 0 }] };
    const layout = await engine.connect({ url: broker.urls.ws, username: 'viewer', password: broker.users.viewer, ...scene, capacity: 20, staleAfterMs: 5000, facilityCount: 0 });
    engine.attach(new Float32Array(packedLength(layout)));
    await expect.poll(() => engine.snapshot().agvs, { timeout: 30_000 }).toBe(5);
    expect(engine.snapshot().unknownMaps).toEqual([]);
    expect(Object.values(engine.snapshot().dropped).reduce((a, b) => a + b, 0)).toBe(0);

    const watcher = await mqtt.connectAsync(broker.urls.tcp, { username: 'viewer', password: broker.users.viewer, protocolVersion: 5 });
    const states: Record<string, unknown>[] = [];
    watcher.on('message', (_topic, payload) => states.push(JSON.parse(payload.toString()) as Record<string, unknown>));
    await watcher.subscribeAsync('uagv/v2/smartgate/AGV-002/state');
    const operator = await mqtt.connectAsync(broker.urls.tcp, { username: 'operator', password: broker.users.operator, protocolVersion: 5 });
    const pause = encodeInstantAction({ version: 2, manufacturer: 'twin', serialNumber: 'AGV-002', headerId: 1, timestampMs: Date.now() }, 'pause', 'op-pause-1');
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
    await console.connect({ url: broker.urls.ws, username: 'operator', password: broker.users.operator, ...scene, capacity: 20, staleAfterMs: 5000, facilityCount: 0 });
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
});
