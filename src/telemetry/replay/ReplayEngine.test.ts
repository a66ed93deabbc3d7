import { describe, expect, it } from 'vitest';
import { fleetFrame } from '../../domain/fleetFrame';
import { alertBuffers, packedLength, unpackFrame } from '../../domain/packedFrame';
import { META_CLOCK_S, META_COUNT, trafficInput, trafficInputBytes } from '../../domain/trafficFrame';
import { recordSyntheticTraffic, syntheticMessages } from '../recording/fixtures/syntheticTraffic';
import { ReplayEngine } from './ReplayEngine';

const TRAFFIC = { agvs: 3, seconds: 20, chunkBytes: 8 * 1024 };
const messages = syntheticMessages(TRAFFIC);
const file = recordSyntheticTraffic(TRAFFIC);
const START_S = Number(messages[0]!.logTimeNs / 1_000_000n) / 1000;
const MAPS = [{ mapId: 'gate-1119', origin: [1000, 2000] as [number, number], rotation: 0 }];

async function openEngine(source: Uint8Array = file) {
  const engine = new ReplayEngine();
  const info = await engine.open({ source, name: 'sample.mcap', maps: MAPS, capacity: 10, staleAfterMs: 2000, facilityCount: 2 });
  const buffer = new Float32Array(packedLength(info.layout));
  engine.attach(buffer);
  const frame = fleetFrame(10, 0);
  const read = () => {
    unpackFrame(info.layout, buffer, frame, new Uint8Array(2), alertBuffers());
    return byNorth(Array.from({ length: frame.agvs.count }, (_, i) => [frame.agvs.x[i]!, frame.agvs.y[i]!]));
  };
  return { engine, info, read };
}

/** The sample puts AGV n on the line north = 6n m: sorting by north compares fleets whatever their slot order. */
const byNorth = (poses: number[][]) => poses.sort((a, b) => a[1]! - b[1]!);

/** Zone positions of every AGV at `t` s into the sample, straight from the recorded payloads. */
function expected(t: number): number[][] {
  const atNs = messages[0]!.logTimeNs + BigInt(Math.round(t * 1000)) * 1_000_000n;
  const last = new Map<string, number[]>();
  for (const m of messages) {
    if (m.logTimeNs > atNs || !m.topic.endsWith('/visualization')) continue;
    const p = (m.payload as { agvPosition: { x: number; y: number } }).agvPosition;
    last.set(m.topic, [Math.fround(1000 + p.x), Math.fround(2000 + p.y)]);
  }
  return byNorth([...last.values()]);
}

describe('ReplayEngine', () => {
  it('opens a recording: its time range, counts and the alert onsets', async () => {
    const { info } = await openEngine();
    expect(info.startS).toBeCloseTo(START_S, 6);
    expect(info.endS).toBeCloseTo(START_S + 19.9, 6);
    expect(info.messageCount).toBe(messages.length);
    expect(info.damage).toBeUndefined();
    // The sample's AGV-1 loses its connection half-way, once: one alert at its onset.
    expect(info.alerts).toEqual([{ atS: START_S + 10, vehicle: 'acme/AGV-1', kind: 'connection-lost', detail: 'CONNECTIONBROKEN' }]);
  });

  it('playing forward shows the recorded positions at each time', async () => {
    const { engine, read } = await openEngine();
    for (const t of [0, 0.05, 3.3, 7, 12.25]) {
      await engine.advanceTo(START_S + t);
      expect(read()).toEqual(expected(t));
    }
  });

  it('a seek rebuilds the same fleet as playing up to that time, backwards and forwards', async () => {
    const played = await openEngine();
    await played.engine.advanceTo(START_S + 4.2);
    const sought = await openEngine();
    await sought.engine.advanceTo(START_S + 18);
    await sought.engine.seek(START_S + 4.2);
    expect(sought.read()).toEqual(played.read());
    expect(sought.read()).toEqual(expected(4.2));
    await sought.engine.advanceTo(START_S + 2); // going back is a seek too
    expect(sought.read()).toEqual(expected(2));
  });

  it('marks a vehicle stale while its connection is broken, fresh when it is back', async () => {
    const { engine } = await openEngine();
    await engine.seek(START_S + 11);
    expect(engine.snapshot().vehicles.find((v) => v.serialNumber === 'AGV-1')?.stale).toBe(true);
    expect(engine.snapshot().stale).toBe(1);
    await engine.advanceTo(START_S + 14);
    expect(engine.snapshot().stale).toBe(0);
  });

  it("gives one vehicle's detail at the playhead: its place on the map and its latest state", async () => {
    const { engine } = await openEngine();
    await engine.seek(START_S + 5.05);
    const d = engine.vehicle('acme/AGV-2')!;
    const [x, y] = expected(5.05)[1]!;
    expect(d.placed).toBe(true);
    expect([Math.fround(d.x), Math.fround(d.y)]).toEqual([x, y]);
    expect(d.state?.loads).toEqual([{ loadId: 'CONT-1002', loadType: 'container-40ft' }]);
    expect(d.state?.operatingMode).toBe('AUTOMATIC');
    expect(d.row.serialNumber).toBe('AGV-2');
    expect(engine.vehicle('acme/nobody')).toBeUndefined();
  });

  it('packs the fleet at the playhead for traffic prediction, into the same buffer after a seek rebuilds the fleet', async () => {
    const engine = new ReplayEngine();
    const laneNodes = [{ id: 'n0', position: [1000, 2000] as [number, number] }];
    const info = await engine.open({ source: file, name: 'sample.mcap', maps: MAPS, capacity: 10, staleAfterMs: 2000, facilityCount: 0, laneNodes });
    engine.attach(new Float32Array(packedLength(info.layout)));
    const buffer = new ArrayBuffer(trafficInputBytes(10, 8));
    engine.attachTraffic(buffer, 10, 8);
    await engine.advanceTo(info.startS + 10);
    const first = engine.packTraffic();
    expect([first.round, [...first.keys].sort()]).toEqual([1, ['acme/AGV-1', 'acme/AGV-2', 'acme/AGV-3']]);
    await engine.seek(info.startS + 2);
    const pack = engine.packTraffic();
    const input = trafficInput(10, 8, buffer);
    expect(pack.round).toBe(2);
    expect(pack.keys).toHaveLength(3);
    expect(input.meta[META_COUNT]).toBe(3);
    expect(input.meta[META_CLOCK_S]).toBeCloseTo(info.startS + 2, 3);
  });

  it('steps from message to message', async () => {
    const { engine } = await openEngine();
    expect(await engine.nextTimeAfter(START_S)).toBeCloseTo(START_S + 0.1, 6);
    expect(await engine.previousTimeBefore(START_S + 5)).toBeCloseTo(START_S + 4.9, 6);
    expect(await engine.previousTimeBefore(START_S)).toBeUndefined();
    expect(await engine.nextTimeAfter(START_S + 19.9)).toBeUndefined();
  });

  it('plays a truncated file up to the damage and says where it stopped', async () => {
    const cut = file.slice(0, Math.floor(file.length * 0.6));
    const { engine, info, read } = await openEngine(cut);
    expect(info.damage).toMatch(/^sample\.mcap is damaged: reading stopped at byte [\d,]+ \(.+\); playback ends/);
    expect(info.endS).toBeLessThan(START_S + 19.9);
    expect(info.endS).toBeGreaterThan(START_S + 5);
    // A second before the cut every topic is whole; at the cut itself the last tick may be split.
    await engine.advanceTo(info.endS - 1);
    expect(read()).toEqual(expected(info.endS - 1 - START_S));
    await engine.advanceTo(info.endS);
    expect(read()).toHaveLength(3);
  });
});
