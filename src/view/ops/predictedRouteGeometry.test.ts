import { describe, expect, it } from 'vitest';
import type { TrafficSnapshot } from '../../store/traffic/trafficStore';
import { predictedRouteGeometry, type NodePositions } from './predictedRouteGeometry';

const CAP = 4;
/** Lane nodes 0..3 on the x axis, 100 m apart. */
const NODES: NodePositions = { x: [100, 200, 300, 400], y: [0, 0, 0, 0] };

interface Agv {
  key: string;
  x: number;
  route: number[];
  nodeS: number[];
  baseLen: number;
}

function snapshot(agvs: Agv[], clockS = 1000, horizonS = 120): TrafficSnapshot {
  const route = new Int32Array(agvs.length * CAP).fill(-1);
  const nodeS = new Float32Array(agvs.length * CAP).fill(Number.NaN);
  agvs.forEach((a, i) => {
    route.set(a.route, i * CAP);
    nodeS.set(a.nodeS, i * CAP);
  });
  return {
    clockS,
    horizonS,
    keys: agvs.map((a) => a.key),
    routeCap: CAP,
    x: Float64Array.from(agvs.map((a) => a.x)),
    y: new Float64Array(agvs.length),
    routeLen: Int32Array.from(agvs.map((a) => a.route.length)),
    baseLen: Int32Array.from(agvs.map((a) => a.baseLen)),
    route,
    nodeS,
    etaS: Float64Array.from(agvs.map((a) => a.nodeS.at(-1) ?? Number.NaN)),
    conflicts: [],
    deadlocks: [],
    blocked: [],
    proposals: [],
    roundMs: 1,
  };
}

/** From x = 0 through nodes 0..3, 10 m/s: at node k after 10 (k + 1) s. Two nodes released. */
const A: Agv = { key: 'm/a', x: 0, route: [0, 1, 2, 3], nodeS: [10, 20, 30, 40], baseLen: 2 };
const B: Agv = { key: 'm/b', x: 50, route: [1, 2], nodeS: [15, 25], baseLen: 1 };

describe('predictedRouteGeometry', () => {
  it('draws the released part solid and the rest dashed, split at baseLen', () => {
    const g = predictedRouteGeometry(snapshot([A]), NODES, 'm/a', false);
    expect(g.selected.solid).toEqual([0, 0, 100, 0, 100, 0, 200, 0]);
    expect(g.selected.dashed).toEqual([200, 0, 300, 0, 300, 0, 400, 0]);
    expect(g.others).toEqual({ solid: [], dashed: [] });
  });

  it('puts ticks where the clock reads a multiple of 30 s, interpolated between predicted arrivals', () => {
    // Clock 1000 s: ticks at 1020 s (t = 20, node 1) and 1050 s (t = 50: past the route's end, none).
    const g = predictedRouteGeometry(snapshot([A], 1000), NODES, 'm/a', false);
    expect(g.ticks).toEqual([200, 0]);
    expect(g.labels).toEqual([{ x: 200, y: 0, atS: 1020 }]);
    // Clock 995 s: t = 25 (1020 s) halfway from node 1 (20 s) to node 2 (30 s).
    const h = predictedRouteGeometry(snapshot([A], 995), NODES, 'm/a', false);
    expect(h.labels).toEqual([{ x: 250, y: 0, atS: 1020 }]);
    // Clock 1020 s exactly: no tick at the AGV itself (t = 0); the next at t = 30, node 2.
    const k = predictedRouteGeometry(snapshot([A], 1020), NODES, 'm/a', false);
    expect(k.labels).toEqual([{ x: 300, y: 0, atS: 1050 }]);
  });

  it('interpolates from the AGV position before the first node and stops ticks at the horizon', () => {
    const slow: Agv = { key: 'm/s', x: 0, route: [0, 3], nodeS: [40, 160], baseLen: 2 };
    const g = predictedRouteGeometry(snapshot([slow], 0, 100), NODES, 'm/s', false);
    // t = 30 at 3/4 of the way to node 0; t = 60 and 90 are 20/120 and 50/120 of the way from node 0 (40 s) to node 3 (160 s); 120 is past the horizon.
    expect(g.labels.map((l) => [l.x, l.atS])).toEqual([
      [75, 30],
      [150, 60],
      [225, 90],
    ]);
  });

  it('ends the ticks at a node never reached and breaks the line at a node the scene does not know', () => {
    const odd: Agv = { key: 'm/o', x: 0, route: [0, -1, 2, 3], nodeS: [10, 20, 35, Number.NaN], baseLen: 4 };
    const g = predictedRouteGeometry(snapshot([odd], 0), NODES, 'm/o', false);
    expect(g.selected.solid).toEqual([0, 0, 100, 0, 300, 0, 400, 0]);
    // t = 30 lies in the gap (between the unknown node and node 2): not drawn; nothing timed after node 2.
    expect(g.labels).toEqual([]);
  });

  it('shows only the selected AGV unless all are asked for, and labels only the selected one', () => {
    const snap = snapshot([A, B], 1000);
    const one = predictedRouteGeometry(snap, NODES, 'm/b', false);
    expect(one.selected.solid).toEqual([50, 0, 200, 0]);
    expect(one.others).toEqual({ solid: [], dashed: [] });
    expect(one.ticks).toEqual([200 + 100 * 0.5, 0]);
    const all = predictedRouteGeometry(snap, NODES, 'm/b', true);
    expect(all.others.solid).toEqual([0, 0, 100, 0, 100, 0, 200, 0]);
    expect(all.ticks).toEqual([200, 0, 250, 0]);
    expect(all.labels).toEqual([{ x: 250, y: 0, atS: 1020 }]);
    const none = predictedRouteGeometry(snap, NODES, undefined, false);
    expect(none).toEqual({ selected: { solid: [], dashed: [] }, others: { solid: [], dashed: [] }, ticks: [], labels: [] });
  });
});
