import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { describe, expect, it } from 'vitest';
import { loadScene } from '../sim/testScenes';
import { sceneMaps } from '../domain/mapPlacement';
import { packedLength } from '../domain/packedFrame';
import { FLAG_HAS_ORDER, FLAG_PLACED, META_COUNT, trafficInput, trafficInputBytes, UNKNOWN_NODE } from '../domain/trafficFrame';
import { inThreadEngine } from './fixtures/inThreadEngine';
import { ReplayEngine } from './replay/ReplayEngine';
import { SimSource } from './SimSource';
import { createSourceMetrics } from './SourceMetrics';

const scene = loadScene('scenes/1088-2-1089/proposed.json');

/** Steps the source like a display would, waiting for each request it starts to settle. */
async function frames(source: SimSource, n: number, dtS: number) {
  for (let k = 0; k < n; k++) {
    source.step(dtS);
    await new Promise((r) => setImmediate(r));
  }
}

describe('SimSource on the simulation engine', { timeout: 60_000 }, () => {
  it('records the simulated fleet as VDA 5050 vehicles, which replay on the scene with every AGV placed', async () => {
    const metrics = createSourceMetrics();
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 9 * 3600, 10, metrics);
    await source.startRecording();
    await frames(source, 20, 0.1);
    expect(await source.recordedMessages()).toBeGreaterThan(scene.fleet.agv.count.value * 10);
    const bytes = await source.stopRecording();
    await expect(source.stopRecording()).rejects.toThrow('not recording');
    const engine = new ReplayEngine();
    const info = await engine.open({ source: bytes, name: 'sim.mcap', maps: sceneMaps(scene), capacity: 100, staleAfterMs: 35_000, facilityCount: 0 });
    expect(info.damage).toBeUndefined();
    expect(info.endS - info.startS).toBeCloseTo(metrics.sim.clockS - 9 * 3600, 0);
    // Filed under a calendar day at the gate: 09:00 simulated is 09:00 in UTC+7.
    expect(new Date(info.startS * 1000).getUTCHours()).toBe(2);
    engine.attach(new Float32Array(packedLength(info.layout)));
    await engine.advanceTo(info.endS - 1);
    const s = engine.snapshot();
    expect(s.agvs).toBe(scene.fleet.agv.count.value);
    expect(s.unknownMaps).toEqual([]);
    expect(s.stale).toBe(0);
    source.dispose();
  });

  it('starts at the asked time and advances by wall time × speed, filling the fleet buffers', async () => {
    const metrics = createSourceMetrics();
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 7 * 3600, 60, metrics);
    expect(source.state$.value.status).toBe('playing');
    expect(source.state$.value.clockS).toBe(7 * 3600);
    expect(source.frame.agvs.count).toBe(scene.fleet.agv.count.value);
    const before = metrics.sim.clockS;
    await frames(source, 10, 0.5);
    expect(metrics.sim.clockS).toBeGreaterThan(before);
    expect(metrics.sim.clockS).toBeLessThanOrEqual(before + 10 * 0.5 * 60 + 1e-6);
    expect(source.frame.trucks.count).toBeGreaterThan(0);
    source.dispose();
  });

  it('stands still while paused and resumes on play; refuses a speed out of range', async () => {
    const metrics = createSourceMetrics();
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 3600, 100, metrics);
    source.pause();
    await frames(source, 5, 1);
    expect(source.state$.value.status).toBe('paused');
    const paused = metrics.sim.clockS;
    expect(paused).toBe(3600);
    source.play();
    await frames(source, 5, 1);
    expect(metrics.sim.clockS).toBeGreaterThan(paused);
    expect(() => source.setSpeed(5000)).toThrow(/speed must be/);
    source.dispose();
  });

  it('publishes KPI snapshots and ends at the end of the run', async () => {
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2, hours: 1 }, 0, 1000);
    await frames(source, 20, 1);
    const ended = await firstValueFrom(source.state$.pipe(filter((s) => s.status === 'ended' && s.snapshot?.done === true)));
    expect(ended.clockS).toBe(3600);
    expect(ended.snapshot!.kpis.simSeconds).toBe(3600);
    source.dispose();
  });

  it('publishes the fleet as fleet-feed rows with its snapshots, a vehicle’s detail, and checkpoints marked out of service', async () => {
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 9 * 3600, 10);
    const state = source.state$.value;
    expect(state.fleet?.agvs).toBe(scene.fleet.agv.count.value);
    expect(state.fleet?.vehicles[0]).toMatchObject({ key: 'smartgate/AGV-001', slot: 0, placed: true });
    expect(state.facilitiesDown).toEqual([]);
    expect((await source.vehicle('smartgate/AGV-002'))?.row.slot).toBe(1);
    const scanner = scene.facilities.find((f) => f.kind === 'scanner-bay')!.id;
    await source.setFacilityDown(scanner, true);
    expect(source.state$.value.facilitiesDown).toEqual([scanner]);
    await expect(source.setFacilityDown('nowhere', true)).rejects.toThrow(/no barrier or scanner "nowhere"/);
    source.dispose();
  });

  it('packs the simulated fleet for traffic prediction through its port: every AGV placed, its route on the scene’s lane nodes', async () => {
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 9 * 3600, 10);
    const n = scene.fleet.agv.count.value;
    const buffer = new SharedArrayBuffer(trafficInputBytes(64, 48));
    await source.traffic!.attach(buffer, 64, 48);
    const pack = await source.traffic!.pack();
    expect(pack.keys).toHaveLength(n);
    expect(pack.keys[0]).toBe('smartgate/AGV-001');
    expect(pack).toMatchObject({ round: 1, clockS: 9 * 3600 });
    const input = trafficInput(64, 48, buffer);
    expect(input.meta[META_COUNT]).toBe(n);
    let routed = 0;
    for (let i = 0; i < n; i++) {
      expect(input.flags[i]! & FLAG_PLACED).toBe(FLAG_PLACED);
      expect(input.baseLen[i]).toBeLessThanOrEqual(input.routeLen[i]!);
      for (let k = 0; k < input.routeLen[i]!; k++) expect(input.route[i * 48 + k]).not.toBe(UNKNOWN_NODE);
      if (input.flags[i]! & FLAG_HAS_ORDER) routed++;
    }
    expect(routed).toBeGreaterThan(0);
    expect((await source.traffic!.pack()).round).toBe(2);
    source.dispose();
  });

  it('reports an engine failure as an error status with its message', async () => {
    const engine = inThreadEngine();
    const source = await SimSource.start(engine, scene, { seed: 2 }, 0, 10);
    await expect(source.injectRogueAgv(999)).rejects.toThrow(/no AGV 999/);
    const broken = { ...engine, advance: () => Promise.reject(new Error('worker crashed')) };
    const failing = await SimSource.start({ ...broken, advance: engine.advance }, scene, { seed: 2 }, 0, 10).then(async (s) => {
      (s as unknown as { engine: typeof broken }).engine = broken;
      return s;
    });
    await frames(failing, 2, 0.1);
    expect(failing.state$.value).toMatchObject({ status: 'error', error: 'worker crashed' });
    source.dispose();
    failing.dispose();
  });
});
