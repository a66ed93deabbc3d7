import { describe, expect, it } from 'vitest';
import { packedLength } from '../../domain/packedFrame';
import type { ForecastResult } from '../../sim/forecast/forecastTypes';
import { McapRecorder } from '../recording/McapRecorder';
import { forecastError } from './forecastError';
import type { RecordingTruth } from './recordingTruth';
import { ReplayEngine } from './ReplayEngine';

const START_NS = 1_767_225_600_000_000_000n;
const START_S = Number(START_NS / 1_000_000_000n);
const MAPS = [{ mapId: 'gate-1119', origin: [1000, 2000] as [number, number], rotation: 0 }];
/** AGV a drives east at 0.1 m/s along north = 6a m; AGV-1 carries a container for 2 minutes, then none for 2, and so on. */
const east = (a: number, t: number) => 10 * a + t / 10;
const loadedAt = (a: number, t: number) => a === 1 && Math.floor(t / 120) % 2 === 0;

/** 20 minutes of two AGVs: a position every 10 s, a state every 60 s. */
function recording(): Uint8Array {
  const recorder = new McapRecorder();
  const headers = new Map<string, number>();
  const emit = (serial: string, kind: string, t: number, body: object) => {
    const topic = `uagv/v2/acme/${serial}/${kind}`;
    const headerId = headers.get(topic) ?? 0;
    headers.set(topic, headerId + 1);
    const logTimeNs = START_NS + BigInt(t) * 1_000_000_000n;
    const timestamp = new Date(Number(logTimeNs / 1_000_000n)).toISOString();
    recorder.record(topic, logTimeNs, { headerId, timestamp, version: '2.0.0', manufacturer: 'acme', serialNumber: serial, ...body });
  };
  for (let t = 0; t <= 1200; t += 10) {
    for (const a of [1, 2]) {
      const agvPosition = { x: east(a, t), y: 6 * a, theta: 0, mapId: 'gate-1119', positionInitialized: true };
      emit(`AGV-${a}`, 'visualization', t, { agvPosition, velocity: { vx: 0.1, vy: 0, omega: 0 } });
      if (t % 60 !== 0) continue;
      emit(`AGV-${a}`, 'state', t, {
        orderId: '',
        orderUpdateId: 0,
        lastNodeId: 'n1',
        lastNodeSequenceId: 0,
        driving: true,
        operatingMode: 'AUTOMATIC',
        nodeStates: [],
        edgeStates: [],
        agvPosition,
        velocity: { vx: 0.1, vy: 0, omega: 0 },
        loads: loadedAt(a, t) ? [{ loadId: `CONT-${t}`, loadType: 'container-40ft', weight: 24_000 }] : [],
        batteryState: { batteryCharge: 90, charging: false },
        errors: [],
        information: [],
        safetyState: { eStop: 'NONE', fieldViolation: false },
        actionStates: [],
      });
    }
  }
  return recorder.finish();
}

async function openEngine() {
  const engine = new ReplayEngine();
  const info = await engine.open({ source: recording(), name: 'forecast.mcap', maps: MAPS, capacity: 4, staleAfterMs: 30_000, facilityCount: 0 });
  engine.attach(new Float32Array(packedLength(info.layout)));
  return engine;
}

describe('ReplayEngine.truthAfter', () => {
  it('reads each vehicle at +5 and +15 min and the containers delivered per whole 5-minute bin the recording covers', async () => {
    const engine = await openEngine();
    const truth = await engine.truthAfter(START_S + 100);
    expect(truth.fromS).toBe(START_S + 100);
    expect(truth.coveredS).toBe(1100);
    expect(truth.positions.map((p) => p.afterS)).toEqual([300, 900]);
    for (const p of truth.positions) {
      for (const a of [1, 2]) expect(p.at[`acme/AGV-${a}`]).toEqual({ x: 1000 + east(a, 100 + p.afterS), y: 2000 + 6 * a });
    }
    // AGV-1 puts its container down at 120, 360, 600, 840 and 1080 s: 20, 260, 500 and 740 s after T, then past the third whole bin.
    expect(truth.containersPerBin).toEqual([2, 1, 1]);
  });

  it('leaves out what lies past the end of the recording', async () => {
    const truth = await (await openEngine()).truthAfter(START_S + 600);
    expect(truth.coveredS).toBe(600);
    expect(truth.positions.map((p) => p.afterS)).toEqual([300]);
    expect(truth.containersPerBin).toEqual([1, 1]);
  });

  it('does not move the playhead', async () => {
    const engine = await openEngine();
    await engine.advanceTo(START_S + 50);
    const before = engine.vehicle('acme/AGV-2');
    await engine.truthAfter(START_S + 400);
    expect(engine.vehicle('acme/AGV-2')).toEqual(before);
    await engine.advanceTo(START_S + 70);
    expect(engine.vehicle('acme/AGV-2')!.x).toBeCloseTo(1000 + east(2, 70), 4);
  });
});

describe('forecastError', () => {
  const result = (seed: number, containers: number[], x5: number[], x15: number[]): ForecastResult => ({
    seed,
    fromS: 0,
    toS: 3600,
    binS: 300,
    bins: { cleared: [], containers, trucksWaiting: [], agvBusyShare: [], plannerWaits: [] },
    totals: { cleared: 0, containers: containers.reduce((a, b) => a + b, 0), plannerWaits: 0 },
    positions: [
      { afterS: 300, x: x5, y: x5.map(() => 0) },
      { afterS: 900, x: x15, y: x15.map(() => 0) },
    ],
  });
  const truth: RecordingTruth = {
    fromS: 0,
    coveredS: 700,
    binS: 300,
    containersPerBin: [3, 4],
    positions: [{ afterS: 300, at: { a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, gone: { x: 5, y: 5 } } }],
  };

  it('scores positions over seeds and AGVs present in both, and containers over the bins both cover', () => {
    const forecast = [result(1, [2, 2, 9], [3, 10], [0, 0]), result(2, [4, 4, 9], [0, 6], [0, 0]), result(3, [3, 3, 9], [0, 10], [0, 0])];
    const e = forecastError(forecast, truth, ['a', 'b', 'c']);
    // a: 3, 0, 0; b: 0, 4, 0 → 7 m over 6 pairs.
    expect(e.positionM5).toBeCloseTo(7 / 6, 12);
    expect(e.agvs5).toBe(2);
    expect(e.positionM15).toBeUndefined();
    expect(e.agvs15).toBe(0);
    expect(e.overS).toBe(600);
    expect(e.containersRecorded).toBe(7);
    expect(e.containers).toBe(6 - 7);
    expect(e.containersBand).toEqual([4, 8]);
    expect(e.containersWithin).toBe(true);
  });

  it('says when the recorded count lies outside the seeds', () => {
    const e = forecastError([result(1, [1, 1], [0], [0]), result(2, [2, 1], [0], [0])], truth, ['a']);
    expect(e.containersBand).toEqual([2, 3]);
    expect(e.containers).toBe(2.5 - 7);
    expect(e.containersWithin).toBe(false);
    expect(e.positionM5).toBe(0);
  });

  it('refuses nothing to score', () => {
    expect(() => forecastError([], truth, [])).toThrow(/no forecast results/);
  });
});
