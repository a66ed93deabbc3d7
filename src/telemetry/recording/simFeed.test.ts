import { describe, expect, it } from 'vitest';
import { packedLength } from '../../domain/packedFrame';
import { loadScene } from '../../sim/testScenes';
import { RecordingSimEngine } from './RecordingSimEngine';

const scene = loadScene('scenes/1088-2-1089/proposed.json');

function engineAt(clockS: number, seed = 2) {
  const engine = new RecordingSimEngine();
  const layout = engine.load(scene, { seed });
  const buffer = new Float32Array(packedLength(layout));
  engine.attach(buffer);
  engine.advance(clockS);
  return { engine, buffer };
}

describe('the simulation as a fleet feed', { timeout: 60_000 }, () => {
  it('gives one row per AGV, each at its place in the frame, with the simulation’s speed and state', () => {
    const { engine, buffer } = engineAt(8 * 3600);
    for (let t = 8 * 3600 + 0.5; t <= 8 * 3600 + 20; t += 0.5) engine.advance(t);
    const feed = engine.operations().fleet!;
    const n = scene.fleet.agv.count.value;
    expect(feed.agvs).toBe(n);
    expect(feed.stale).toBe(0);
    expect(feed.vehicles.map((r) => r.key)).toEqual(Array.from({ length: n }, (_, i) => `smartgate/AGV-${String(i + 1).padStart(3, '0')}`));
    for (const [i, r] of feed.vehicles.entries()) {
      expect(r.slot).toBe(i);
      expect(r.placed).toBe(true);
      // The frame holds the poses of the same instant: (x, y) of slot i in the packed AGV block.
      expect(r.x).toBeCloseTo(buffer[4 + 4 * i]!, 1);
      expect(r.y).toBeCloseTo(buffer[4 + 4 * i + 1]!, 1);
      expect(r.operatingState).toBe(r.driving ? 'driving' : 'idle');
      if (!r.driving) expect(r.speedMps).toBe(0);
      expect(r.warnings + r.fatals).toBe(0);
      expect(r.batteryPercent).toBeGreaterThan(0);
    }
    const driving = feed.vehicles.filter((r) => r.driving);
    expect(driving.length).toBeGreaterThan(0);
    expect(driving.length, 'AGVs standing, whose speed must read 0').toBeLessThan(n);
    expect(Math.max(...driving.map((r) => r.speedMps!))).toBeGreaterThan(0.5);
    expect(Math.max(...driving.map((r) => r.speedMps!))).toBeLessThan(scene.fleet.agv.maxSpeedMps.value * 1.01);
    expect(engine.vehicle('smartgate/AGV-001')?.row).toMatchObject({ key: 'smartgate/AGV-001', speedMps: feed.vehicles[0]!.speedMps });
    expect(engine.vehicle('nobody/AGV-001')).toBeUndefined();
  });

  it('lists the contacts and near misses of a rogue AGV with where, when and the two AGVs', () => {
    const { engine } = engineAt(8 * 3600, 5);
    engine.injectRogueAgv(0);
    let events: readonly { a: string; b: string; kind: string; atS: number; x: number }[] = [];
    for (let t = 8 * 3600; t < 11 * 3600 && events.length === 0; t += 30) {
      engine.advance(t);
      events = engine.operations().fleet!.collisionEvents ?? [];
    }
    expect(events.length).toBeGreaterThan(0);
    const e = events[0]!;
    expect([e.a, e.b]).toContain('smartgate/AGV-001');
    expect(e.a).toMatch(/^smartgate\/AGV-\d{3}$/);
    expect(Number.isFinite(e.x)).toBe(true);
    expect(e.atS).toBeGreaterThanOrEqual(8 * 3600);
    const counts = engine.operations().fleet!;
    expect(counts.nearMisses + counts.contacts).toBeGreaterThanOrEqual(events.length);
  });

  it('marks a barrier or scanner out of service and back, and refuses anything else', () => {
    const { engine } = engineAt(3600);
    const barrier = scene.facilities.find((f) => f.kind === 'barrier')!.id;
    expect(engine.setFacilityDown(barrier, true)).toEqual([barrier]);
    expect(engine.operations().facilitiesDown).toEqual([barrier]);
    expect(engine.setFacilityDown(barrier, false)).toEqual([]);
    const road = scene.facilities.find((f) => f.kind === 'road')!.id;
    expect(() => engine.setFacilityDown(road, true)).toThrow(/no barrier or scanner/);
  });
});
