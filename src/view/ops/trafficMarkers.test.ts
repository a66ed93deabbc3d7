import { describe, expect, it } from 'vitest';
import type { TrafficSnapshot } from '../../store/traffic/trafficStore';
import { secondsLeft, trafficMarkers } from './trafficMarkers';

const snap = {
  clockS: 100,
  conflicts: [{ a: 'm/1', b: 'm/2', kind: 'head-on', inS: 12.3, earliestS: 10, latestS: 15, x: 5, y: 6 }],
  deadlocks: [{ agvs: ['m/3', 'm/4', 'm/5'], inS: 0, x: 1, y: 2 }],
  blocked: [{ agv: 'm/6', reason: 'stood-still', nodeId: 'n7', by: 'm/7', inS: Number.NaN, x: 3, y: 4 }],
} as unknown as TrafficSnapshot;

describe('traffic markers', () => {
  it('marks every conflict, deadlock and blocked route with the AGVs involved, keyed by what it is about', () => {
    expect(trafficMarkers(snap)).toEqual([
      { id: 'c:m/1|m/2', kind: 'conflict', x: 5, y: 6, inS: 12.3, agvs: ['m/1', 'm/2'], detail: 'head-on' },
      { id: 'd:m/3|m/4|m/5', kind: 'deadlock', x: 1, y: 2, inS: 0, agvs: ['m/3', 'm/4', 'm/5'] },
      { id: 'b:m/6|stood-still|n7', kind: 'blocked', x: 3, y: 4, inS: Number.NaN, agvs: ['m/6', 'm/7'], detail: 'stood-still' },
    ]);
  });

  it('counts down from the round in whole seconds, rounding up, to zero once due', () => {
    expect(secondsLeft(12.3, 0)).toBe(13);
    expect(secondsLeft(12.3, 2.3)).toBe(10);
    expect(secondsLeft(12.3, 12.2)).toBe(1);
    expect(secondsLeft(12.3, 30)).toBe(0);
    expect(secondsLeft(0, 0)).toBe(0);
    // A source clock behind the round's (a replay sought back) does not count up.
    expect(secondsLeft(5, -3)).toBe(5);
    expect(secondsLeft(Number.NaN, 1)).toBeUndefined();
  });
});
