/**
 * A stand-in fleet until the simulation drives one (issue 3): AGVs spread along the lane network and trucks
 * along the truck routes, either parked (the default view) or circulating along the lanes (the render
 * benchmark, `?bench=agvs&n=…`). It writes a {@link FleetFrame} in place and allocates nothing per step.
 */
import type { Scene, Vec2 } from '../domain/sceneSchema';
import { fleetFrame, LOAD_EXPORT, LOAD_IMPORT, LOAD_NONE, type FleetFrame, type VehicleBuffers } from '../domain/fleetFrame';

interface Track {
  /** Segment start points and directions, flattened: ax, ay, ux, uy, length. */
  readonly seg: Float64Array;
  readonly segCount: number;
  readonly length: number;
}

function trackOf(polylines: readonly (readonly Vec2[])[]): Track {
  const parts: number[] = [];
  let total = 0;
  for (const line of polylines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [ax, ay] = line[i]!;
      const [bx, by] = line[i + 1]!;
      const len = Math.hypot(bx - ax, by - ay);
      if (len === 0) continue;
      parts.push(ax, ay, (bx - ax) / len, (by - ay) / len, len);
      total += len;
    }
  }
  return { seg: Float64Array.from(parts), segCount: parts.length / 5, length: total };
}

/** Finds the segment holding arc length `s` along the track. */
function locate(track: Track, s: number): { seg: number; at: number } {
  let d = ((s % track.length) + track.length) % track.length;
  for (let k = 0; k < track.segCount - 1; k++) {
    const len = track.seg[k * 5 + 4]!;
    if (d <= len) return { seg: k, at: d };
    d -= len;
  }
  return { seg: track.segCount - 1, at: d };
}

function place(track: Track, seg: number, at: number, out: VehicleBuffers, i: number): void {
  const o = seg * 5;
  const ux = track.seg[o + 2]!;
  const uy = track.seg[o + 3]!;
  out.x[i] = track.seg[o]! + ux * at;
  out.y[i] = track.seg[o + 1]! + uy * at;
  out.heading[i] = Math.atan2(uy, ux);
}

export class PlaceholderFleet {
  readonly frame: FleetFrame;
  private readonly lanes: Track;
  private readonly roads: Track;
  private readonly segOf: Int32Array;
  private readonly atOf: Float64Array;
  private readonly speed: number;

  /**
   * @param agvCount AGVs to show (the scene's fleet count by default)
   * @param speedMps how fast they circulate in {@link step}; the scene's AGV maximum speed by default
   */
  constructor(scene: Scene, agvCount = scene.fleet.agv.count.value, speedMps = scene.fleet.agv.maxSpeedMps.value) {
    const pos = new Map(scene.lanes.nodes.map((n) => [n.id, n.position]));
    const edgeLines = scene.lanes.edges.flatMap((e) => {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      return a && b ? [[a, b]] : [];
    });
    this.lanes = trackOf(edgeLines.length > 0 ? edgeLines : scene.truckRoutes.map((r) => r.points));
    this.roads = trackOf(scene.truckRoutes.map((r) => r.points));
    const truckCount = Math.min(12, scene.truckRoutes.length * 4);
    this.frame = fleetFrame(agvCount, truckCount);
    this.segOf = new Int32Array(agvCount);
    this.atOf = new Float64Array(agvCount);
    this.speed = speedMps;
    const { agvs, trucks } = this.frame;
    agvs.count = this.lanes.length > 0 ? agvCount : 0;
    for (let i = 0; i < agvs.count; i++) {
      const { seg, at } = locate(this.lanes, (i / agvCount) * this.lanes.length);
      this.segOf[i] = seg;
      this.atOf[i] = at;
      agvs.load[i] = i % 3 === 0 ? LOAD_NONE : i % 3 === 1 ? LOAD_EXPORT : LOAD_IMPORT;
      place(this.lanes, seg, at, agvs, i);
    }
    trucks.count = this.roads.length > 0 ? truckCount : 0;
    for (let i = 0; i < trucks.count; i++) {
      trucks.load[i] = i % 2 === 0 ? LOAD_EXPORT : LOAD_IMPORT;
      const { seg, at } = locate(this.roads, (i / truckCount) * this.roads.length);
      place(this.roads, seg, at, trucks, i);
    }
    this.frame.version++;
  }

  /** Moves every AGV `dtS` seconds further along the lanes. */
  step(dtS: number): void {
    const agvs = this.frame.agvs;
    const ds = this.speed * dtS;
    const track = this.lanes;
    for (let i = 0; i < agvs.count; i++) {
      let seg = this.segOf[i]!;
      let at = this.atOf[i]! + ds;
      while (at > track.seg[seg * 5 + 4]!) {
        at -= track.seg[seg * 5 + 4]!;
        seg = seg + 1 === track.segCount ? 0 : seg + 1;
      }
      this.segOf[i] = seg;
      this.atOf[i] = at;
      place(track, seg, at, agvs, i);
    }
    this.frame.version++;
  }
}
