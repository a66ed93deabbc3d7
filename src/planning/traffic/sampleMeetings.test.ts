import { describe, expect, it } from 'vitest';
import { META_COUNT, META_SAMPLE_S, META_SAMPLES, predictedRoutes, sampleCount } from '../../domain/trafficFrame';
import { SampleMeetings } from './sampleMeetings';

const SAMPLE_S = 0.5;
const USED = sampleCount(60, SAMPLE_S);

/** Rows of predicted poses, each a function of time, and the second each base ends. */
function routesOf(rows: readonly { pose: (t: number) => [number, number, number]; baseEndS?: number }[]) {
  const routes = predictedRoutes(rows.length, 1, USED);
  routes.meta[META_COUNT] = rows.length;
  routes.meta[META_SAMPLES] = USED;
  routes.meta[META_SAMPLE_S] = SAMPLE_S;
  rows.forEach((r, i) => {
    routes.baseEndS[i] = r.baseEndS ?? Infinity;
    for (let k = 0; k < USED; k++) {
      const [x, y, h] = r.pose(k * SAMPLE_S);
      routes.px[i * USED + k] = x;
      routes.py[i * USED + k] = y;
      routes.heading[i * USED + k] = h;
    }
  });
  return routes;
}

const east = (x0: number, v: number) => (t: number) => [x0 + v * t, 0, 0] as [number, number, number];
const stands =
  (x: number, y = 0, h = 0) =>
  () =>
    [x, y, h] as [number, number, number];
// 6 × 2 m boxes with 1 m clearance: grown to 7 × 3 m, so two end to end meet when their centres are 7 m apart.
const scan = () => new SampleMeetings({ lengthM: 6, widthM: 2, clearanceM: 1 }, 0.1, 4);

describe('SampleMeetings (the proposal planner’s check)', () => {
  it('finds two AGVs closing head-on where their grown boxes first touch, however far apart they start', () => {
    // 200 m apart, closing at 10 m/s: 7 m apart at 19.3 s, so first seen at sample 39 (19.5 s; 19.25 s is 7.5 m).
    const routes = routesOf([{ pose: east(0, 5) }, { pose: east(200, -5) }]);
    const s = scan();
    s.prepare(routes, 2);
    expect(s.earliest(routes, 2, undefined, undefined)).toMatchObject({ p: 0, q: 1, k: 39, x: 100, y: 0 });
  });

  it('tests halfway between samples too, and counts a meeting only while both are firm', () => {
    // Towards one standing 100 m on at 5 m/s: 7 m short at 18.6 s; sample 37 (18.5 s) is 7.5 m, 18.75 s is 6.25 m.
    const s = scan();
    const firm = routesOf([
      { pose: east(0, 5), baseEndS: 30 },
      { pose: stands(100), baseEndS: 0 },
    ]);
    s.prepare(firm, 2);
    expect(s.earliest(firm, 2, undefined, undefined)?.k).toBe(38);
    // Its base ends at 10 s: beyond it the meeting is the master control's to settle, not a conflict.
    const loose = routesOf([
      { pose: east(0, 5), baseEndS: 10 },
      { pose: stands(100), baseEndS: 0 },
    ]);
    s.prepare(loose, 2);
    expect(s.earliest(loose, 2, undefined, undefined)).toBeUndefined();
  });

  it('leaves out pairs that meet now and pairs it is told to ignore, and marks every pair it finds', () => {
    const routes = routesOf([{ pose: stands(0) }, { pose: stands(5) }, { pose: east(-100, 5) }, { pose: stands(0, 40, Math.PI / 2) }]);
    const s = scan();
    s.prepare(routes, 4);
    const found = new Uint8Array(16);
    // Rows 0 and 1 stand 5 m apart now (not a prediction); row 2 drives into row 0 (at 18.6 s) and row 1 (19.6 s).
    expect(s.earliest(routes, 4, undefined, found)).toMatchObject({ p: 0, q: 2, k: 38 });
    expect([...found].flatMap((v, k) => (v ? [[Math.floor(k / 4), k % 4]] : []))).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const ignore = new Uint8Array(16);
    ignore[0 * 4 + 2] = 1;
    expect(s.earliest(routes, 4, ignore, undefined)).toMatchObject({ p: 1, q: 2 });
    expect(s.firstContact(routes, 0, 1)).toBe(0);
    expect(s.firstContact(routes, 0, 3)).toBe(-1);
  });
});
