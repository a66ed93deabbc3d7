/**
 * Checks every AGV footprint at each planner step and reports each contact or near miss once per episode (a pair
 * that stays too close over several steps is one event), with where it happened.
 */
import { boxSet, type BoxSet } from '../collision/boxSet';
import { CONTACT, NEAR_MISS } from '../collision/classifyPair';
import { CollisionChecker } from '../collision/CollisionChecker';
import type { AgvMotion } from './AgvMotion';

export type CollisionReport = (kind: 'contact' | 'near-miss', a: number, b: number, x: number, y: number) => void;

export class CollisionWatch {
  nearMisses = 0;
  contacts = 0;
  private readonly boxes: BoxSet;
  private readonly checker: CollisionChecker;
  private active = new Set<number>();
  private seen = new Set<number>();
  private readonly pose = new Float64Array(3);

  constructor(
    private readonly motion: AgvMotion,
    private readonly size: { readonly lengthM: number; readonly widthM: number },
    params: { readonly horizonS: number; readonly nearMissClearanceM: number },
    private readonly report: CollisionReport,
  ) {
    this.boxes = boxSet(Math.max(1, motion.n));
    this.checker = new CollisionChecker(Math.max(1, motion.n), params);
  }

  check(t: number): void {
    const m = this.motion;
    const b = this.boxes;
    const g = m.graph;
    b.count = m.n;
    for (let i = 0; i < m.n; i++) {
      m.pose(i, t, this.pose);
      b.x[i] = this.pose[0]!;
      b.y[i] = this.pose[1]!;
      b.heading[i] = this.pose[2]!;
      b.halfLength[i] = this.size.lengthM / 2;
      b.halfWidth[i] = this.size.widthM / 2;
      const a = m.fromVertex[i]!;
      const z = m.vertex[i]!;
      const speed = m.isMoving(i, t) ? Math.hypot(g.x[z]! - g.x[a]!, g.y[z]! - g.y[a]!) / (m.moveEnd[i]! - m.moveStart[i]!) : 0;
      b.vx[i] = Math.cos(this.pose[2]!) * speed;
      b.vy[i] = Math.sin(this.pose[2]!) * speed;
    }
    const events = this.checker.check(b);
    const now = this.seen;
    now.clear();
    for (let k = 0; k < events.count; k++) {
      const kind = events.kind[k]!;
      if (kind !== CONTACT && kind !== NEAR_MISS) continue;
      const a = events.a[k]!;
      const c = events.b[k]!;
      const key = Math.min(a, c) * m.n + Math.max(a, c);
      now.add(key);
      if (this.active.has(key)) continue;
      if (kind === CONTACT) this.contacts++;
      else this.nearMisses++;
      this.report(kind === CONTACT ? 'contact' : 'near-miss', a, c, (b.x[a]! + b.x[c]!) / 2, (b.y[a]! + b.y[c]!) / 2);
    }
    this.seen = this.active;
    this.active = now;
  }
}
