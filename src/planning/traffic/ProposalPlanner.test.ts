import { describe, expect, it } from 'vitest';
import type { LaneEdge, LaneNode } from '../../domain/sceneSchema';
import { FLAG_DRIVING, FLAG_PLACED, META_COUNT, META_SAMPLE_S, META_SAMPLES, predictedRoutes, trafficInput } from '../../domain/trafficFrame';
import { ProposalPlanner, type Proposal } from './ProposalPlanner';

// Two lanes of 60 m merge at M and fork again: A → M → G1 (80 m on) and B → M → G2 (60 m on); a side lane C → D.
// Cells of 20 m at 5 m/s: a step is 4 s, and every move is one step (the limits are the max speed).
const node = (id: string, x: number, y: number): LaneNode => ({ id, position: [x, y], role: 'waypoint' });
const nodes: LaneNode[] = [
  node('A', 0, 0),
  node('B', 24, 48),
  node('M', 60, 0),
  node('G1', 140, 0),
  node('G2', 108, -36),
  node('C', 90, 40),
  node('D', 130, 40),
];
const edge = (from: string, to: string): LaneEdge => ({ id: from + to, from, to, widthM: 4, speedLimitMps: 5, crossBorder: false });
const edges: LaneEdge[] = [edge('A', 'M'), edge('B', 'M'), edge('M', 'G1'), edge('M', 'G2'), edge('C', 'D')];
type Id = 'A' | 'B' | 'M' | 'G1' | 'G2' | 'C' | 'D';
const at = Object.fromEntries(nodes.map((n, k) => [n.id, k])) as Record<Id, number>;
const CAP = 8;
const SAMPLES = 10;

/** AGVs standing on lane nodes with routes (node ids) and hand-set ETAs; each passes M (if at all) at 12 s. */
function fleet(agvs: { on: Id; route: Id[]; etaS: number; driving?: boolean }[]) {
  const input = trafficInput(CAP, 4);
  const routes = predictedRoutes(CAP, 4, SAMPLES);
  input.meta[META_COUNT] = agvs.length;
  routes.meta[META_COUNT] = agvs.length;
  routes.meta[META_SAMPLES] = SAMPLES;
  routes.meta[META_SAMPLE_S] = 4;
  routes.px.fill(1e6);
  routes.py.fill(1e6);
  agvs.forEach((a, i) => {
    const [x, y] = nodes[at[a.on]]!.position;
    input.x[i] = x;
    input.y[i] = y;
    input.flags[i] = FLAG_PLACED | (a.driving ? FLAG_DRIVING : 0);
    input.lastNode[i] = at[a.on];
    a.route.forEach((id, k) => (input.route[i * 4 + k] = at[id]));
    input.routeLen[i] = a.route.length;
    input.baseLen[i] = a.route.length;
    routes.etaS[i] = a.etaS;
    if (a.route.includes('M')) {
      routes.px[i * SAMPLES + 3] = 60;
      routes.py[i * SAMPLES + 3] = 0;
    }
  });
  return { input, routes };
}

/** Fails when two planned AGVs are ever on one cell or swap cells (each held at its last cell once arrived). */
function expectConflictFree(p: Proposal): void {
  const steps = p.stepEndS.length;
  const cellAt = (cells: number[], t: number) => cells[Math.min(t, cells.length - 1)]!;
  for (let t = 0; t < steps; t++) {
    const here = p.routes.map((r) => cellAt(r.cells, t));
    expect(new Set(here).size).toBe(here.length);
    if (t === 0) continue;
    for (let a = 0; a < p.routes.length; a++) {
      for (let b = 0; b < p.routes.length; b++) {
        if (a === b) continue;
        const swapped = cellAt(p.routes[a]!.cells, t - 1) === here[b] && cellAt(p.routes[b]!.cells, t - 1) === here[a];
        expect(swapped).toBe(false);
      }
    }
  }
}

describe('ProposalPlanner (a conflict-free plan for the AGVs near a predicted conflict)', () => {
  const planner = new ProposalPlanner({ nodes, edges }, 20, 5);
  const options = { radiusM: 150, timeLimitMs: 1000, seed: 0 };

  it('makes one of two AGVs meeting at a merge wait a step, and both arrive; an AGV without a route stays put', () => {
    // Free: AGV 0 drives 140 m (7 steps, 28 s), AGV 1 120 m (6 steps, 24 s); both would enter M at step 3.
    const { input, routes } = fleet([
      { on: 'A', route: ['M', 'G1'], etaS: 28 },
      { on: 'B', route: ['M', 'G2'], etaS: 24 },
      { on: 'C', route: [], etaS: NaN },
    ]);
    const p = planner.propose(input, routes, [0, 1], 60, 0, options);
    expect(p.solved).toBe(true);
    expect(p.agvs).toEqual([0, 1, 2]);
    expectConflictFree(p);
    const [r0, r1, r2] = p.routes;
    // AGV 0 (farther from its goal, so first) goes on; AGV 1 waits one step on its last cell before M.
    expect(r0).toMatchObject({ agv: 0, nodes: [at.M, at.G1], nodeS: [12, 28], waits: [] });
    expect(r1).toMatchObject({ agv: 1, nodes: [at.M, at.G2], nodeS: [16, 28] });
    expect(r1!.waits).toEqual([{ node: at.M, x: 48, y: 16, fromS: 8, toS: 12 }]);
    expect(r2).toEqual({ agv: 2, nodes: [], nodeS: [], waits: [], endsShort: false, cells: [planner.cells.vertexOfNode[at.C]!] });
    // Delays by hand: 28 − 28, 28 − 24 (arrival in the plan minus alone), 0 for the AGV without a route; unresolved the conflict at M (12 s ahead)
    // costs at least AGV 0's remaining 28 − 12 = 16 s.
    expect(p.delayS).toEqual([0, 4, 0]);
    expect(p.totalDelayS).toBe(4);
    expect(p.savesS).toBe(12);
    expect(structuredClone(p)).toEqual(p);
  });

  it('leaves AGVs beyond the radius out of the plan and blocks the cells of those standing', () => {
    // An AGV standing on G1 out of the plan: AGV 0 queues behind it. Driving, it is taken to drive on.
    for (const driving of [false, true]) {
      const { input, routes } = fleet([
        { on: 'A', route: ['M', 'G1'], etaS: 28 },
        { on: 'B', route: ['M', 'G2'], etaS: 24 },
        { on: 'G1', route: [], etaS: NaN, driving },
      ]);
      const p = planner.propose(input, routes, [0, 1], 60, 0, { ...options, radiusM: 50 });
      expect(p.solved).toBe(true);
      expect(p.agvs).toEqual([0, 1]);
      expect(p.routes[0]!.endsShort).toBe(!driving);
    }
  });

  it('gives the later of two AGVs on one cell the nearest free cell', () => {
    const { input, routes } = fleet([
      { on: 'A', route: ['M', 'G1'], etaS: 28 },
      { on: 'A', route: ['M', 'G2'], etaS: 24 },
    ]);
    const p = planner.propose(input, routes, [0, 1], 60, 0, options);
    expect(p.solved).toBe(true);
    expect(p.routes[0]!.cells[0]).toBe(planner.cells.vertexOfNode[at.A]);
    const second = p.routes[1]!.cells[0]!;
    expect(second).not.toBe(planner.cells.vertexOfNode[at.A]);
    expect([planner.cells.graph.x[second], planner.cells.graph.y[second]]).toEqual([20, 0]);
    expectConflictFree(p);
  });

  it('reports an unsolvable instance with a reason instead of throwing', () => {
    // C, AGV 0's goal, is held by a standing AGV out of the plan, and no lane leads into C to queue on.
    const held = fleet([
      { on: 'D', route: ['C'], etaS: 16 },
      { on: 'C', route: [], etaS: NaN },
    ]);
    expect(planner.propose(held.input, held.routes, [0], 130, 40, { ...options, radiusM: 1 })).toMatchObject({
      solved: false,
      routes: [],
      reason: "AGV 0's goal cell is held by AGV 1, out of the plan, with no free cell to queue on behind it",
    });

    // B cannot be reached from A on the one-way lanes.
    const away = fleet([{ on: 'A', route: ['B'], etaS: 30 }]);
    expect(planner.propose(away.input, away.routes, [0], 60, 0, options)).toMatchObject({
      solved: false,
      reason: expect.stringMatching(/cannot be reached/),
    });

    // A goal that is another planned AGV's too, on a lane end no cell leads into (A is the start of its lane).
    const dead = fleet([
      { on: 'B', route: ['M', 'G1'], etaS: 28 },
      { on: 'M', route: ['G1'], etaS: 16 },
      { on: 'C', route: [], etaS: NaN },
      { on: 'D', route: ['C'], etaS: 16 },
    ]);
    expect(planner.propose(dead.input, dead.routes, [2, 3], 90, 40, { ...options, radiusM: 1 })).toMatchObject({
      solved: false,
      reason: "AGV 3's goal cell is AGV 2's goal too, with no free cell to queue on behind it",
    });
  });

  it('queues the later of two AGVs bound for one cell on the free cell behind it', () => {
    const { input, routes } = fleet([
      { on: 'A', route: ['M', 'G1'], etaS: 28 },
      { on: 'B', route: ['M', 'G1'], etaS: 28 },
    ]);
    const p = planner.propose(input, routes, [0, 1], 60, 0, options);
    expect(p.solved).toBe(true);
    expectConflictFree(p);
    const [r0, r1] = p.routes;
    expect(r0).toMatchObject({ endsShort: false, nodes: [at.M, at.G1] });
    expect(r1!.endsShort).toBe(true);
    // 20 m short of G1 on the lane M → G1.
    const end = r1!.cells[r1!.cells.length - 1]!;
    expect([planner.cells.graph.x[end], planner.cells.graph.y[end]]).toEqual([120, 0]);
  });

  it('gives a shared goal cell to the AGV nearest it, whatever the order of the list', () => {
    const { input, routes } = fleet([
      { on: 'A', route: ['M', 'G1'], etaS: 28 },
      { on: 'M', route: ['G1'], etaS: 16 },
    ]);
    const p = planner.propose(input, routes, [0, 1], 60, 0, options);
    expect(p.solved).toBe(true);
    expectConflictFree(p);
    expect(p.routes.map((r) => r.endsShort)).toEqual([true, false]);
    expect(p.routes[1]).toMatchObject({ nodes: [at.G1], nodeS: [16] });
  });

  it('queues an AGV whose goal an AGV out of the plan holds behind that AGV', () => {
    const { input, routes } = fleet([
      { on: 'A', route: ['M', 'G1'], etaS: 28 },
      { on: 'G1', route: [], etaS: NaN },
    ]);
    const p = planner.propose(input, routes, [0], 60, 0, { ...options, radiusM: 10 });
    expect(p).toMatchObject({ solved: true, agvs: [0], routes: [{ endsShort: true, nodes: [at.M] }] });
    const end = p.routes[0]!.cells.at(-1)!;
    expect([planner.cells.graph.x[end], planner.cells.graph.y[end]]).toEqual([120, 0]);
  });

  it('names bad input', () => {
    const { input, routes } = fleet([{ on: 'A', route: ['M'], etaS: 12 }]);
    expect(() => planner.propose(input, routes, [3], 0, 0, options)).toThrow(/AGV 3 is not in the packed fleet of 1/);
    expect(() => new ProposalPlanner({ nodes, edges }, 20, 0)).toThrow(/max speed must be positive/);
  });
});
