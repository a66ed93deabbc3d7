import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../domain/parseScene';
import type { Scene } from '../domain/sceneSchema';
import { PlaceholderFleet } from './placeholderFleet';

function scene(): Scene {
  const r = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
  if (!r.ok) throw new Error('the shipped scene must be valid');
  return r.scene;
}

/** Distance from a point to the nearest lane edge of the scene. */
function distanceToLanes(s: Scene, x: number, y: number): number {
  const pos = new Map(s.lanes.nodes.map((n) => [n.id, n.position]));
  let best = Infinity;
  for (const e of s.lanes.edges) {
    const [ax, ay] = pos.get(e.from)!;
    const [bx, by] = pos.get(e.to)!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

describe('PlaceholderFleet', () => {
  it("places the scene's AGVs on the lanes and keeps them there as they move", () => {
    const s = scene();
    const fleet = new PlaceholderFleet(s);
    const { agvs } = fleet.frame;
    expect(agvs.count).toBe(s.fleet.agv.count.value);
    for (let step = 0; step < 50; step++) {
      for (let i = 0; i < agvs.count; i++) expect(distanceToLanes(s, agvs.x[i]!, agvs.y[i]!)).toBeLessThan(0.05);
      fleet.step(1.7);
    }
  });

  it('moves each AGV by speed × time along the lanes', () => {
    const s = scene();
    const fleet = new PlaceholderFleet(s, 5, 2);
    const { agvs } = fleet.frame;
    const x0 = Array.from(agvs.x.subarray(0, 5));
    const y0 = Array.from(agvs.y.subarray(0, 5));
    const v0 = fleet.frame.version;
    fleet.step(0.5);
    expect(fleet.frame.version).toBe(v0 + 1);
    for (let i = 0; i < 5; i++) {
      // Straight-line displacement is at most the 1 m travelled (less only across a bend); positions are
      // float32, good to ~0.3 mm a few km from the origin.
      const d = Math.hypot(agvs.x[i]! - x0[i]!, agvs.y[i]! - y0[i]!);
      expect(d).toBeLessThanOrEqual(1.001);
      expect(d).toBeGreaterThan(0.5);
    }
  });
});
