import { describe, expect, it } from 'vitest';
import { loadScene } from '../../sim/testScenes';
import type { SourceFleet, SourceState } from '../TelemetrySource';
import { alertInputOf, checkpointsOf, restPlacesOf } from './alertInput';

const scene = loadScene('scenes/1119-1120/proposed.json');
const counts = {
  agvs: 1,
  stale: 0,
  nearMisses: 0,
  contacts: 1,
  vehicles: [{ key: 'acme/A' }],
  collisionEvents: [{ kind: 'contact', atS: 5, x: 1, y: 2, a: 'acme/A', b: 'acme/B' }],
} as unknown as SourceFleet;
const state = (extra: Partial<SourceState>): SourceState => ({ status: 'playing', clockS: 0, speed: 1, problems: [], ...extra });

describe('the alert book’s input from a source state', () => {
  it('reads the fleet and the checkpoints out of service, each at its place', () => {
    const checkpoints = checkpointsOf(scene);
    expect(checkpoints.map((c) => scene.facilities.find((f) => f.id === c.id)!.kind).every((k) => k === 'barrier' || k === 'scanner-bay')).toBe(true);
    const down = checkpoints[1]!.id;
    const input = alertInputOf(state({ clockS: 30, fleet: counts, facilitiesDown: [down] }), checkpoints)!;
    expect(input.clockS).toBe(30);
    expect(input.rows).toBe(counts.vehicles);
    expect(input.collisions).toBe(counts.collisionEvents);
    expect(input.facilities!.filter((f) => f.down).map((f) => f.id)).toEqual([down]);
    const f = scene.facilities.find((x) => x.id === down)!;
    expect(input.facilities!.find((x) => x.id === down)).toMatchObject({ x: f.footprint.position[0], y: f.footprint.position[1] });
  });

  it('reads a fleet without checkpoints (live, replay), and nothing before a source has figures', () => {
    expect(alertInputOf(state({ clockS: 1.7e9, fleet: counts }), [])).toMatchObject({ clockS: 1.7e9, rows: counts.vehicles });
    expect(alertInputOf(state({ clockS: 1.7e9, fleet: counts }), [])!.facilities).toBeUndefined();
    expect(alertInputOf(state({ status: 'connecting' }), [])).toBeUndefined();
  });

  it('takes the scene’s park and charge nodes as rest places', () => {
    const rest = restPlacesOf(scene);
    expect(rest).toHaveLength(scene.lanes.nodes.filter((n) => n.role === 'park' || n.role === 'charge').length);
    expect(rest.length).toBeGreaterThan(0);
  });
});
