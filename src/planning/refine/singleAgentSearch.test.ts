import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/random';
import { DistanceTables } from '../DistanceTables';
import { randomGrid } from '../fixtures/randomGraphs';
import { solveLacam } from '../lacam';
import { planGraph } from '../PlanGraph';
import { pathLoss, solutionError, trimmedPath } from './pathCosts';
import { Reservations } from './Reservations';
import { Sipp } from './Sipp';
import { SpaceTimeAstar } from './SpaceTimeAstar';

/** The line 0 – 1 – 2 – 3 with a siding 4 off vertex 1, both directions. */
function siding(Search: typeof SpaceTimeAstar | typeof Sipp) {
  const from = Int32Array.of(0, 1, 1, 2, 2, 3, 1, 4);
  const to = Int32Array.of(1, 0, 2, 1, 3, 2, 4, 1);
  const g = planGraph(5, from, to, new Float64Array(5), new Float64Array(5));
  const res = new Reservations(5, 4);
  return { g, res, astar: new Search(g, res), tables: new DistanceTables(g) };
}

describe.each([
  ['SpaceTimeAstar', SpaceTimeAstar],
  ['Sipp', Sipp],
] as const)('%s', (_, Search) => {
  it('takes the shortest path when nothing is in the way', () => {
    const { res, astar, tables } = siding(Search);
    expect(Array.from(astar.search(0, 3, tables.table(3), Infinity)!)).toEqual([0, 1, 2, 3]);
    expect(res.horizon()).toBe(-1);
  });

  it('steps into the siding to let an oncoming agent pass, never swapping with it', () => {
    const { res, astar, tables } = siding(Search);
    res.add(1, Int32Array.of(3, 2, 1, 0)); // agent 1 runs the line to 0 and rests there
    const path = astar.search(0, 3, tables.table(3), Infinity)!;
    expect(Array.from(path)).toEqual([0, 1, 4, 1, 2, 3]);
  });

  it('finds nothing within a cost bound too small, and nothing through a vertex someone rests on', () => {
    const { res, astar, tables } = siding(Search);
    res.add(1, Int32Array.of(3, 2, 1, 0));
    expect(astar.search(0, 3, tables.table(3), 4)).toBeUndefined();
    const blocked = siding(Search);
    blocked.res.add(1, Int32Array.of(2)); // rests on 2 forever: 3 is cut off from 0
    expect(blocked.astar.search(0, 3, blocked.tables.table(3), Infinity)).toBeUndefined();
  });

  it('does not finish on its goal while a later path passes through it, but may reach it early and step aside', () => {
    const { res, astar, tables } = siding(Search);
    // Agent 1 passes vertex 1 at step 4 on its way 3 → 4 (2 at 3, 1 at 4, 4 at 5).
    res.add(1, Int32Array.of(3, 3, 3, 2, 1, 4));
    const path = astar.search(0, 1, tables.table(1), Infinity)!;
    expect(path[path.length - 1]).toBe(1);
    expect(path[4]).not.toBe(1);
    expect(path.length - 1).toBeGreaterThan(4);
    // Loss: one step in, out of the way and back again, the waits on the goal are free.
    let loss = 0;
    for (let t = 1; t < path.length; t++) if (path[t - 1] !== 1 || path[t] !== 1) loss++;
    expect(loss).toBe(3);
  });
});

describe('Sipp against space-time A*', () => {
  it('finds paths of the same sum of loss through the reservations of LaCAM solutions on random grids', () => {
    let compared = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const next = seededRandom(seed);
      const g = randomGrid(next, 12, 10, 25);
      const n = 20 + seed * 3;
      const order = Array.from({ length: g.nodeCount }, (_, v) => v).sort(() => next() - 0.5);
      const starts = Int32Array.from(order.slice(0, n));
      const goals = Int32Array.from(order.slice(n, 2 * n));
      const first = solveLacam(g, starts, goals, { timeLimitMs: 10_000, seed });
      const paths = first.paths!.map((p, i) => trimmedPath(p, goals[i]!));
      const res = new Reservations(g.nodeCount);
      paths.forEach((p, i) => res.add(i, p));
      const astar = new SpaceTimeAstar(g, res);
      const sipp = new Sipp(g, res);
      const tables = new DistanceTables(g);
      for (let i = 0; i < n; i++) {
        res.remove(i, paths[i]!);
        const h = tables.table(goals[i]!);
        const a = astar.search(starts[i]!, goals[i]!, h, Infinity)!;
        const b = sipp.search(starts[i]!, goals[i]!, h, Infinity)!;
        // Its own old path is still possible, so both find one, and SIPP's is as cheap.
        const others = paths.filter((_, j) => j !== i);
        const othersGoals = Int32Array.from(goals.filter((_, j) => j !== i));
        const check = (p: Int32Array) =>
          solutionError(g, Int32Array.of(...othersGoals.map((_, j) => others[j]![0]!), starts[i]!), Int32Array.of(...othersGoals, goals[i]!), [
            ...others,
            p,
          ]);
        expect(check(a)).toBeUndefined();
        expect(check(b)).toBeUndefined();
        expect(pathLoss(b, goals[i]!)).toBe(pathLoss(a, goals[i]!));
        res.add(i, paths[i]!);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
