import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { fleetFrame } from '../../src/domain/fleetFrame';
import { alertBuffers, packedLength, unpackFrame, type FrameLayout } from '../../src/domain/packedFrame';
import { META_COUNT, trafficInput, trafficInputBytes } from '../../src/domain/trafficFrame';
import { FanoutEngine, type FanoutSocket } from '../../src/telemetry/fanout/FanoutEngine';
import { startBroker, type RunningBroker } from '../../src/telemetry/live/brokerProcess';
import { standingState } from '../../src/telemetry/vda5050/fixtures/standingState';
import type { RunningServer } from '../startServer';
import { signedIn, startWatchingServer, type WatchingServer } from '../testing/watchingServer';

/**
 * The live fleet fanned out over a real Mosquitto and the server's socket, read by the page's own engine (in Node,
 * on `ws`): every console gets the whole fleet, then only what changed; a wrong scene, a missing session and a
 * vehicle's panel are answered as they should be.
 */

const VEHICLES = 20;
/** Most a frame may take to show; far above the expected tens of ms, only a guard against hanging. */
const WAIT = { timeout: 15_000, interval: 20 };
let broker: RunningBroker;
let fleet: MqttClient;
let running: WatchingServer;
let server: RunningServer;
let cookie: string;
const engines: FanoutEngine[] = [];
let headerId = 0;

function engine(withCookie = cookie): FanoutEngine {
  const headers: Record<string, string> = withCookie ? { cookie: withCookie } : {};
  const e = new FanoutEngine(
    (url) => new WebSocket(url, { headers }) as unknown as FanoutSocket,
    (url) => fetch(url, { headers }),
  );
  engines.push(e);
  return e;
}

const options = (sceneId = '1119-1120-proposed') => ({ url: `${server.url.replace('http', 'ws')}/api/fleet`, httpBase: server.url, sceneId });

const publish = (i: number, x: number) =>
  fleet.publishAsync(
    `uagv/v2/acme/AGV-${i}/state`,
    JSON.stringify(
      standingState({
        manufacturer: 'acme',
        serialNumber: `AGV-${i}`,
        headerId: ++headerId,
        timestampMs: Date.now(),
        position: { mapId: '1119-1120-proposed', x, y: 5, theta: 0, localized: true },
      }),
    ),
    { qos: 1 },
  );

/** The x of every AGV drawn, sorted, from what the engine hands the page. */
function drawnX(e: FanoutEngine, layout: FrameLayout, buffer: Float32Array): number[] {
  e.advance();
  const frame = fleetFrame(layout.agvCapacity, layout.truckCapacity);
  unpackFrame(layout, buffer, frame, new Uint8Array(layout.facilityCount), alertBuffers());
  return Array.from(frame.agvs.x.subarray(0, frame.agvs.count)).sort((a, b) => a - b);
}

beforeAll(async () => {
  broker = await startBroker();
  fleet = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet });
  running = await startWatchingServer(broker, 'twin-fanout-');
  server = running.server;
  cookie = await signedIn(server, 'chi', 'viewer');
}, 60_000);

afterAll(async () => {
  for (const e of engines) e.disconnect();
  await fleet?.endAsync();
  await running?.close();
  await broker?.stop();
});

describe('the fleet fanned out to the consoles', () => {
  it('gives two consoles the whole fleet, then only what changed', async () => {
    const consoles = [engine(), engine()];
    const layouts = await Promise.all(consoles.map((e) => e.connect(options())));
    const layout = layouts[0]!;
    expect(layouts[1]).toEqual(layout);
    const buffers = consoles.map(() => new Float32Array(packedLength(layout)));
    consoles.forEach((e, i) => e.attach(buffers[i]!));

    // The server subscribes to the broker after it listens: states sent before would reach nobody.
    await vi.waitFor(async () => expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ broker: 'connected' }), WAIT);
    for (let i = 0; i < VEHICLES; i++) await publish(i, 10 * i);
    const expected = Array.from({ length: VEHICLES }, (_, i) => 10 * i);
    for (const [i, e] of consoles.entries()) {
      await vi.waitFor(() => expect(drawnX(e, layout, buffers[i]!)).toEqual(expected), WAIT);
      await vi.waitFor(() => expect(e.snapshot()).toMatchObject({ status: 'live', agvs: VEHICLES }), WAIT);
    }

    // One vehicle moves: each console gets a frame a few words long, not the fleet again.
    const before = consoles.map((e) => e.snapshot().fanout!);
    await publish(3, 1234);
    for (const [i, e] of consoles.entries()) {
      await vi.waitFor(() => expect(drawnX(e, layout, buffers[i]!)).toContain(1234), WAIT);
      const after = e.snapshot().fanout!;
      expect(after.badFrames).toBe(0);
      expect(after.frames).toBeGreaterThan(before[i]!.frames);
      // The whole frame is ≈80 KB (5,000 AGV slots); a move is a run or two of a few words.
      expect(after.bytes - before[i]!.bytes).toBeLessThan(1024 * (after.frames - before[i]!.frames));
    }
    expect(before[0]!.bytes).toBeGreaterThanOrEqual(4 * packedLength(layout));
  });

  it('packs the fleet for the console’s traffic prediction, in the console’s layout', async () => {
    const e = engine();
    const layout = await e.connect(options());
    e.attach(new Float32Array(packedLength(layout)));
    const buffer = new SharedArrayBuffer(trafficInputBytes(64, 16));
    e.attachTraffic(buffer, 64, 16);
    const pack = await e.packTraffic();
    expect([...pack.keys].sort()).toEqual(Array.from({ length: VEHICLES }, (_, i) => `acme/AGV-${i}`).sort());
    const input = trafficInput(64, 16, buffer);
    expect(input.meta[META_COUNT]).toBe(VEHICLES);
    expect(input.x[pack.keys.indexOf('acme/AGV-3')]).toBe(1234);
    const again = await e.packTraffic();
    expect(again.round).toBeGreaterThan(pack.round);
    const bad = await fetch(`${server.url}/api/fleet/traffic?capacity=0&routeCap=16`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/capacity/);
  });

  it('answers a vehicle’s panel over HTTP, and names one never heard', async () => {
    const res = await fetch(`${server.url}/api/fleet/vehicle?key=acme/AGV-3`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ row: { key: 'acme/AGV-3', x: 1234 } });
    const none = await fetch(`${server.url}/api/fleet/vehicle?key=acme/AGV-999`, { headers: { cookie } });
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ error: 'no vehicle acme/AGV-999 has been heard' });
  });

  it('refuses a page showing another scene, and a console without a session, saying why', async () => {
    await expect(engine().connect(options('1088-2-1089-today'))).rejects.toThrow(
      'the control-room server watches scene 1119-1120-proposed; this page shows 1088-2-1089-today: open that scene to see the live fleet',
    );
    await expect(engine('').connect(options())).rejects.toThrow(/did not open the fleet socket \(code \d+\): sign in to the server/);
  });
});
