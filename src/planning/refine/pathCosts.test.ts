import { describe, expect, it } from 'vitest';
import { planGraph } from '../PlanGraph';
import { pathCost, pathLoss, solutionError, sumOfCosts, sumOfLoss } from './pathCosts';

/** The line 0 – 1 – 2 – 3, both directions. */
const line = planGraph(4, Int32Array.of(0, 1, 1, 2, 2, 3), Int32Array.of(1, 0, 2, 1, 3, 2), new Float64Array(4), new Float64Array(4));

describe('pathCosts', () => {
  it('charges every step to the last arrival as cost, and not the waits on the goal as loss', () => {
    // Reaches goal 1 at step 1, waits there two steps, steps aside to 2 and comes back at step 5; padded after.
    const p = Int32Array.of(0, 1, 1, 1, 2, 1, 1, 1);
    expect(pathCost(p, 1)).toBe(5);
    expect(pathLoss(p, 1)).toBe(3);
    expect(sumOfCosts([p, Int32Array.of(3)], Int32Array.of(1, 3))).toBe(5);
    expect(sumOfLoss([p, Int32Array.of(3)], Int32Array.of(1, 3))).toBe(3);
  });

  it('accepts a valid solution and names vertex conflicts, swaps, jumps and wrong ends', () => {
    const starts = Int32Array.of(0, 3);
    const goals = Int32Array.of(1, 2);
    expect(solutionError(line, starts, goals, [Int32Array.of(0, 1), Int32Array.of(3, 2)])).toBeUndefined();
    // Following into a vertex left in the same step is allowed.
    expect(solutionError(line, Int32Array.of(0, 1), Int32Array.of(1, 2), [Int32Array.of(0, 1), Int32Array.of(1, 2)])).toBeUndefined();
    expect(solutionError(line, starts, Int32Array.of(1, 1), [Int32Array.of(0, 1), Int32Array.of(3, 2, 1)])).toContain('both at 1 at step 2');
    expect(solutionError(line, Int32Array.of(1, 2), Int32Array.of(2, 1), [Int32Array.of(1, 2), Int32Array.of(2, 1)])).toContain('swap');
    expect(solutionError(line, starts, goals, [Int32Array.of(0, 2, 1), Int32Array.of(3, 2)])).toContain('jumps 0 → 2');
    expect(solutionError(line, starts, goals, [Int32Array.of(0), Int32Array.of(3, 2)])).toContain('ends at 0');
    // An ended path rests on its goal: someone passing later collides with it.
    expect(solutionError(line, Int32Array.of(1, 3), Int32Array.of(2, 0), [Int32Array.of(1, 2), Int32Array.of(3, 3, 2, 1, 0)])).toContain('both at 2');
  });
});
