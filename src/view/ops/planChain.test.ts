import { describe, expect, it } from 'vitest';
import { chainNear } from './planChain';

describe('planned path of one simulated AGV', () => {
  // Two chains: (0,0)→(1,0)→(2,0) and (50,50)→(51,50).
  const segments = new Float32Array([0, 0, 1, 0, 1, 0, 2, 0, 50, 50, 51, 50]);
  it('takes the chain starting nearest the AGV', () => {
    expect(chainNear(segments, 0.5, 0.2, 5)).toEqual([0, 2]);
    expect(chainNear(segments, 49, 50, 5)).toEqual([2, 3]);
  });
  it('takes none when no chain starts near enough', () => {
    expect(chainNear(segments, 20, 20, 5)).toEqual([0, 0]);
    expect(chainNear(new Float32Array(0), 0, 0, 5)).toEqual([0, 0]);
  });
});
