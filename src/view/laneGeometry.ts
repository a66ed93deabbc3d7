/**
 * Geometry of the AGV lane network: every edge as a flat strip (one merged mesh, coloured by kind) and the
 * positions of direction chevrons along each edge. Pure three.js, built from `scene.lanes` alone, so an edit that
 * leaves the lanes alone (the layout editor keeps the same `lanes` object) builds nothing.
 */
import { BufferAttribute, BufferGeometry, Color } from 'three';
import { segmentStrip } from '../domain/geometry';
import type { Scene } from '../domain/sceneSchema';

/** Height of the lane paint above the ground, so it never flickers against it (metres). */
export const LANE_LIFT = 0.08;

/** Spacing of direction chevrons along a lane (metres): about two AGV lengths, readable from 300 m up. */
export const CHEVRON_SPACING_M = 30;

/** Lane paint: the legend's lane colour, cross-border edges in violet. */
export const LANE_COLOURS = { lane: '#155e75', crossBorder: '#7c3aed' } as const;

export function laneStripGeometry(lanes: Scene['lanes'], colours: { lane: string; crossBorder: string }): BufferGeometry {
  const pos = new Map(lanes.nodes.map((n) => [n.id, n.position]));
  const positions: number[] = [];
  const colors: number[] = [];
  const lane = new Color(colours.lane);
  const cross = new Color(colours.crossBorder);
  for (const e of lanes.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const c = segmentStrip(a, b, e.widthM);
    const colour = e.crossBorder ? cross : lane;
    for (const k of [0, 1, 2, 0, 2, 3]) {
      positions.push(c[k]![0], LANE_LIFT, -c[k]![1]);
      colors.push(colour.r, colour.g, colour.b);
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(colors), 3));
  g.computeVertexNormals();
  return g;
}

export interface Chevron {
  readonly east: number;
  readonly north: number;
  readonly heading: number;
  readonly width: number;
}

/** A chevron every `spacing` metres along each edge (at least one per edge), pointing along the edge. */
export function laneChevrons(lanes: Scene['lanes'], spacing: number): Chevron[] {
  const pos = new Map(lanes.nodes.map((n) => [n.id, n.position]));
  const out: Chevron[] = [];
  for (const e of lanes.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const heading = Math.atan2(b[1] - a[1], b[0] - a[0]);
    const n = Math.max(1, Math.floor(len / spacing));
    for (let k = 0; k < n; k++) {
      const t = (k + 0.5) / n;
      out.push({ east: a[0] + (b[0] - a[0]) * t, north: a[1] + (b[1] - a[1]) * t, heading, width: e.widthM });
    }
  }
  return out;
}
