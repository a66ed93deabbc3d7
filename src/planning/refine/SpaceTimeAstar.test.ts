import { describe, expect, it } from 'vitest';
import { DistanceTables } from '../DistanceTables';
import { planGraph } from '../PlanGraph';
import { Reservations } from './Reservations';
import { SpaceTimeAstar } from './SpaceTimeAstar';

/** The line 0 – 1 – 2 – 3 with a siding 4 off vertex 1, both directions. */
function siding() {
  const from = Int32Array.of(0, 1, 1, 2, 2, 3, 1, 4);
  const to = Int32Array.of(1, 0, 2, 1, 3, 2, 4, 1);
  const g = planGraph(5, from, to, new Float64Array(5), new Float64Array(5));
  const res = new Reservations(5, 4);
  return { g, res, astar: new SpaceTimeAstar(g, res), tables: new DistanceTables(g) };
}

describe('SpaceTimeAstar', () => {
  it('takes the shortest path when nothing is in the way', () => {
    const { res, astar, tables } = siding();
    expect(Array.from(astar.search(0, 3, tables.table(3), Infinity)!)).toEqual([0, 1, 2, 3]);
    expect(res.horizon()).toBe(-1);
  });

  it('steps into the siding to let an oncoming agent pass, never swapping with it', () => {
    const { res, astar, tables } = siding();
    res.add(1, Int32Array.of(3, 2, 1, 0)); // agent 1 runs the line to 0 and rests there
    const path = astar.search(0, 3, tables.table(3), Infinity)!;
    expect(Array.from(path)).toEqual([0, 1, 4, 1, 2, 3]);
  });

  it('finds nothing within a cost bound too small, and nothing through a vertex someone rests on', () => {
    const { res, astar, tables } = siding();
    res.add(1, Int32Array.of(3, 2, 1, 0));
    expect(astar.search(0, 3, tables.table(3), 4)).toBeUndefined();
    const blocked = siding();
    blocked.res.add(1, Int32Array.of(2)); // rests on 2 forever: 3 is cut off from 0
    expect(blocked.astar.search(0, 3, blocked.tables.table(3), Infinity)).toBeUndefined();
  });

  it('does not finish on its goal while a later path passes through it, but may reach it early and step aside', () => {
    const { res, astar, tables } = siding();
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
