import { segmentCrossesPolyline } from '../geometry';
import type { LaneEdge, LaneNode, Vec2 } from '../sceneSchema';

const round = (x: number) => Math.round(x * 100) / 100;

/** Collects a generated lane network: nodes by id, one-way edges flagged where they cross the border. */
export class LaneBuilder {
  readonly nodes: LaneNode[] = [];
  readonly edges: LaneEdge[] = [];
  private readonly at = new Map<string, Vec2>();

  constructor(
    private readonly border: readonly Vec2[],
    private readonly widthM: number,
  ) {}

  node(id: string, position: Vec2, role?: LaneNode['role'], serves?: string): string {
    if (this.at.has(id)) throw new Error(`layout generator: lane node "${id}" made twice`);
    const p: Vec2 = [round(position[0]), round(position[1])];
    this.at.set(id, p);
    this.nodes.push({ id, position: p, role: role ?? 'waypoint', ...(serves === undefined ? {} : { serves }) });
    return id;
  }

  position(id: string): Vec2 {
    const p = this.at.get(id);
    if (!p) throw new Error(`layout generator: no lane node "${id}"`);
    return p;
  }

  edge(from: string, to: string, speedLimitMps: number): void {
    const a = this.at.get(from);
    const b = this.at.get(to);
    if (!a || !b) throw new Error(`layout generator: edge ${from} → ${to} joins a node not made`);
    this.edges.push({ id: `${from}:${to}`, from, to, widthM: this.widthM, speedLimitMps, crossBorder: segmentCrossesPolyline(a, b, this.border) });
  }

  /** A chain of edges through the given node ids. */
  chain(ids: readonly string[], speedLimitMps: number): void {
    for (let k = 1; k < ids.length; k++) this.edge(ids[k - 1]!, ids[k]!, speedLimitMps);
  }
}

/** The polyline moved sideways by `offset` metres (positive to the left of its direction), joints mitred. */
export function offsetPolyline(points: readonly Vec2[], offset: number): Vec2[] {
  const normals = points.slice(1).map((b, k) => {
    const a = points[k]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [-(b[1] - a[1]) / len, (b[0] - a[0]) / len] as const;
  });
  return points.map((p, k) => {
    const n0 = normals[Math.max(0, k - 1)]!;
    const n1 = normals[Math.min(normals.length - 1, k)]!;
    const mx = n0[0] + n1[0];
    const my = n0[1] + n1[1];
    const dot = (mx * n1[0] + my * n1[1]) / 2;
    const scale = offset / Math.max(0.5, dot) / 2;
    return [p[0] + mx * scale, p[1] + my * scale];
  });
}
