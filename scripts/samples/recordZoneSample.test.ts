import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sceneMaps } from '../../src/domain/mapPlacement';
import { parseScene } from '../../src/domain/parseScene';
import { packedLength } from '../../src/domain/packedFrame';
import { ReplayEngine } from '../../src/telemetry/replay/ReplayEngine';
import { FORECAST_SAMPLE, recordZoneSample, ZONE_SAMPLES } from './recordZoneSample';

/** 08:00 on the samples' day at the gate (UTC+7), s since the epoch. */
const EIGHT_AM_S = Date.UTC(2026, 10, 23, 1) / 1000;

describe.each(ZONE_SAMPLES)('sample recording $out', { timeout: 60_000 }, (sample) => {
  const committed = new Uint8Array(readFileSync(sample.out));

  it('is what `npm run samples` makes now (regenerate it when the simulation changes)', () => {
    const { bytes } = recordZoneSample(sample);
    expect(bytes.length).toBe(committed.length);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(committed))).toBe(0);
  });

  it('replays on its scene: every AGV placed, two incidents on the timeline, nothing dropped', async () => {
    const parsed = parseScene(readFileSync(sample.scene, 'utf8'), sample.scene);
    if (!parsed.ok) throw new Error('scene invalid');
    const engine = new ReplayEngine();
    const info = await engine.open({
      source: committed,
      name: sample.out,
      maps: sceneMaps(parsed.scene),
      capacity: 500,
      staleAfterMs: 35_000,
      facilityCount: 0,
    });
    engine.attach(new Float32Array(packedLength(info.layout)));
    expect(info.damage).toBeUndefined();
    expect(info.startS).toBe(EIGHT_AM_S);
    expect(info.endS).toBe(EIGHT_AM_S + 150);
    expect(info.alerts.map((a) => [a.atS - EIGHT_AM_S, a.vehicle, a.kind])).toEqual([
      [40, 'smartgate/AGV-005', 'error'],
      [70, 'smartgate/AGV-010', 'connection-lost'],
    ]);
    expect(info.alerts[0]!.detail).toMatch(/orderError.*no-such-node/);
    await engine.seek(EIGHT_AM_S + 90);
    const mid = engine.snapshot();
    expect(mid.agvs).toBe(parsed.scene.fleet.agv.count.value);
    expect(mid.unknownMaps).toEqual([]);
    expect(mid.vehicles.find((v) => v.serialNumber === 'AGV-010')?.stale).toBe(true);
    await engine.advanceTo(EIGHT_AM_S + 120);
    const after = engine.snapshot();
    expect(after.vehicles.filter((v) => v.stale).map((v) => v.serialNumber)).toEqual([]);
    expect(Object.values(after.dropped).reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe(`forecast sample ${FORECAST_SAMPLE.out}`, { timeout: 60_000 }, () => {
  const committed = new Uint8Array(readFileSync(FORECAST_SAMPLE.out));

  it('is what `npm run samples` makes now', () => {
    const { bytes } = recordZoneSample(FORECAST_SAMPLE);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(committed))).toBe(0);
  });

  it('reaches 15 minutes past a forecast made in its first 10: its 12 AGVs placed throughout, no incident, nothing dropped', async () => {
    const parsed = parseScene(readFileSync(FORECAST_SAMPLE.scene, 'utf8'), FORECAST_SAMPLE.scene);
    if (!parsed.ok) throw new Error('scene invalid');
    const engine = new ReplayEngine();
    const info = await engine.open({
      source: committed,
      name: FORECAST_SAMPLE.out,
      maps: sceneMaps(parsed.scene),
      capacity: 500,
      staleAfterMs: 35_000,
      facilityCount: 0,
    });
    engine.attach(new Float32Array(packedLength(info.layout)));
    expect(info.damage).toBeUndefined();
    expect([info.startS - EIGHT_AM_S, info.endS - EIGHT_AM_S]).toEqual([0, 1500]);
    expect(info.alerts).toEqual([]);
    const truth = await engine.truthAfter(EIGHT_AM_S + 600);
    expect(truth.coveredS).toBe(900);
    expect(truth.positions.map((p) => [p.afterS, Object.keys(p.at).length])).toEqual([
      [300, 12],
      [900, 12],
    ]);
    await engine.seek(EIGHT_AM_S + 1500);
    const end = engine.snapshot();
    expect(end.agvs).toBe(12);
    expect(end.vehicles.filter((v) => v.stale)).toEqual([]);
    expect(Object.values(end.dropped).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
