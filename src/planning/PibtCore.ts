import { seededRandom } from '../domain/random';
import type { PlanGraph } from './PlanGraph';
import type { Scatter } from './scatter';

/**
 * One PIBT configuration step (Okumura et al., AIJ 2022), shared by lifelong PIBT and by LaCAM's configuration
 * generator: agents, highest priority first, pick the free candidate closest to their goal and push lower-priority
 * agents out of the way by priority inheritance, backtracking when a pushed agent is stuck. No vertex and no swap
 * conflicts by construction; an agent may follow into a vertex vacated in the same step (rotations included).
 *
 * On undirected graphs `swap` adds LaCAM3's swap emulation (Okumura, AAMAS 2024), which lets two agents pass each
 * other in a corridor over a few steps, where plain PIBT would push back and forth forever.
 *
 * @example
 *   const core = new PibtCore(graph, n, 1, false);
 *   core.setTables(tables); // tables[i]: hop distances to agent i's goal
 *   to.fill(-1); // -1: free to choose; a vertex: a constraint (held agent, LaCAM low-level node)
 *   core.generate(n, from, 0, to, order, 0, false);
 */
export class PibtCore {
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly occNow: Int32Array;
  private readonly occNext: Int32Array;
  private readonly cand: Int32Array;
  private readonly key: Float64Array;
  private readonly stride: number;
  private readonly random: () => number;
  private readonly swap: boolean;
  private readonly walkLimit: number;
  private tables: readonly Int32Array[] = [];
  private scatter: Scatter | undefined;
  private from: Int32Array = new Int32Array(0);
  private fromBase = 0;
  private to: Int32Array = new Int32Array(0);

  constructor(graph: PlanGraph, capacity: number, seed: number, swap: boolean) {
    this.offsets = graph.offsets;
    this.targets = graph.targets;
    this.occNow = new Int32Array(graph.nodeCount).fill(-1);
    this.occNext = new Int32Array(graph.nodeCount).fill(-1);
    let maxDegree = 0;
    for (let v = 0; v < graph.nodeCount; v++) maxDegree = Math.max(maxDegree, graph.offsets[v + 1]! - graph.offsets[v]!);
    this.stride = maxDegree + 1;
    this.cand = new Int32Array(capacity * this.stride);
    this.key = new Float64Array(capacity * this.stride);
    this.random = seededRandom(seed);
    this.swap = swap;
    this.walkLimit = graph.nodeCount;
  }

  /** tables[i]: agent i's distance table (kept by reference; the caller refreshes entries when goals change). */
  setTables(tables: readonly Int32Array[]): void {
    this.tables = tables;
  }

  /** A scatter (LaCAM3's space-utilisation paths): each agent tries its next scatter vertex before the nearest. */
  setScatter(scatter: Scatter | undefined): void {
    this.scatter = scatter;
  }

  /**
   * Fills every `to[i] === -1` for agents 0..n-1 whose current vertices are `from[fromBase + i]`, in the order
   * `order[orderBase …]`. Returns false if the constraints already in `to` conflict, or, when `strict`, as soon as a
   * top-level agent cannot move anywhere valid (LaCAM then tries another constraint); otherwise stuck agents stay.
   */
  generate(n: number, from: Int32Array, fromBase: number, to: Int32Array, order: Int32Array, orderBase: number, strict: boolean): boolean {
    this.from = from;
    this.fromBase = fromBase;
    this.to = to;
    const occNow = this.occNow;
    const occNext = this.occNext;
    for (let i = 0; i < n; i++) occNow[from[fromBase + i]!] = i;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const u = to[i]!;
      if (u < 0) continue;
      const j = occNow[u]!;
      if (occNext[u]! >= 0 || (j >= 0 && j !== i && to[j] === from[fromBase + i])) ok = false;
      else occNext[u] = i;
    }
    for (let k = 0; k < n && ok; k++) {
      const i = order[orderBase + k]!;
      if (to[i]! < 0 && !this.pibt(i) && strict) ok = false;
    }
    for (let i = 0; i < n; i++) {
      occNow[from[fromBase + i]!] = -1;
      const u = to[i]!;
      if (u >= 0) occNext[u] = -1;
    }
    return ok;
  }

  private pibt(i: number): boolean {
    const { offsets, targets, occNow, occNext, cand, key, to } = this;
    const v = this.from[this.fromBase + i]!;
    const d = this.tables[i]!;
    const base = i * this.stride;
    const start = offsets[v]!;
    const degree = offsets[v + 1]! - start;
    for (let k = 0; k <= degree; k++) {
      const u = k < degree ? targets[start + k]! : v;
      const kk = d[u]! + this.random();
      // Insertion sort as we go: at most five candidates on grids and lanes.
      let p = base + k;
      while (p > base && key[p - 1]! > kk) {
        key[p] = key[p - 1]!;
        cand[p] = cand[p - 1]!;
        p--;
      }
      key[p] = kk;
      cand[p] = u;
    }
    if (this.scatter !== undefined) this.preferScatter(i, v, base, degree);
    let swapAgent = -1;
    if (this.swap) {
      swapAgent = this.swapPartner(i, v, cand[base]!);
      if (swapAgent >= 0) {
        for (let a = base, b = base + degree; a < b; a++, b--) {
          const t = cand[a]!;
          cand[a] = cand[b]!;
          cand[b] = t;
        }
      }
    }
    for (let k = 0; k <= degree; k++) {
      const u = cand[base + k]!;
      if (occNext[u]! >= 0) continue;
      const j = occNow[u]!;
      if (j >= 0 && j !== i && to[j] === v) continue;
      occNext[u] = i;
      to[i] = u;
      if (j >= 0 && j !== i && to[j]! < 0 && !this.pibt(j)) continue;
      if (k === 0 && swapAgent >= 0 && to[swapAgent]! < 0 && occNext[v]! < 0) {
        occNext[v] = swapAgent;
        to[swapAgent] = v;
      }
      return true;
    }
    occNext[v] = i;
    to[i] = v;
    return false;
  }

  /** Moves agent i's next scatter vertex, if it is a candidate, to the front; the rest keep their order. */
  private preferScatter(i: number, v: number, base: number, degree: number): void {
    const u = this.scatter!.next(i, v);
    if (u < 0) return;
    const cand = this.cand;
    let p = base;
    while (p <= base + degree && cand[p] !== u) p++;
    if (p > base + degree) return;
    for (; p > base; p--) cand[p] = cand[p - 1]!;
    cand[base] = u;
  }

  /** An agent that i should swap places with (pulling it along as i backs off), or -1. */
  private swapPartner(i: number, v: number, best: number): number {
    const { occNow, offsets, targets, to } = this;
    const j = occNow[best]!;
    if (j >= 0 && j !== i && to[j]! < 0 && this.swapRequired(i, j, v, best) && this.swapPossible(best, v)) return j;
    if (best !== v) {
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const a = occNow[targets[k]!]!;
        if (a >= 0 && best !== this.from[this.fromBase + a] && this.swapRequired(a, i, v, best) && this.swapPossible(best, v)) return a;
      }
    }
    return -1;
  }

  /** Whether the pusher can only get past the puller by swapping: the corridor ahead has no side room. */
  private swapRequired(pusher: number, puller: number, pusherAt: number, pullerAt: number): boolean {
    const dPusher = this.tables[pusher]!;
    const dPuller = this.tables[puller]!;
    let vPusher = pusherAt;
    let vPuller = pullerAt;
    while (dPusher[vPuller]! < dPusher[vPusher]!) {
      const next = this.onlyExit(vPuller, vPusher);
      if (next === -2) return false;
      if (next === -1) break;
      vPusher = vPuller;
      vPuller = next;
    }
    return dPuller[vPusher]! < dPuller[vPuller]! && (dPusher[vPusher] === 0 || dPusher[vPuller]! < dPusher[vPusher]!);
  }

  /** Whether walking back along the corridor finds a branch where the two agents can pass. */
  private swapPossible(pusherAt: number, pullerAt: number): boolean {
    let vPusher = pusherAt;
    let vPuller = pullerAt;
    for (let steps = 0; vPuller !== pusherAt && steps < this.walkLimit; steps++) {
      const next = this.onlyExit(vPuller, vPusher);
      if (next === -2) return true;
      if (next === -1) return false;
      vPusher = vPuller;
      vPuller = next;
    }
    return false;
  }

  /**
   * The single way on from `at` coming from `prev`, ignoring dead ends held by agents parked at their goal:
   * -2 if there are two or more, -1 if none.
   */
  private onlyExit(at: number, prev: number): number {
    const { offsets, targets, occNow } = this;
    let exit = -1;
    for (let k = offsets[at]!; k < offsets[at + 1]!; k++) {
      const u = targets[k]!;
      if (u === prev) continue;
      const a = occNow[u]!;
      if (a >= 0 && offsets[u + 1]! - offsets[u]! === 1 && this.tables[a]![u] === 0) continue;
      if (exit >= 0) return -2;
      exit = u;
    }
    return exit;
  }
}
