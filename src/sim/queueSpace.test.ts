import { describe, expect, it } from 'vitest';
import { QUEUED_ON_ROAD } from '../domain/fleetFrame';
import { footprintCorners, pointInConvex } from '../domain/geometry';
import { gateLayout } from './gateLayout';
import { QueueSpace } from './queueSpace';
import { nearestArc } from './routeGeometry';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

const today = loadScene('scenes/1119-1120/today.json');
const tanThanh = loadScene('scenes/1088-2-1089/today.json');
const proposed = loadScene('scenes/1119-1120/2030.json');
const SPACING = 20;
const EXPORT = 0;
const IMPORT = 1;

interface Put {
  truck: number;
  x: number;
  y: number;
  onRoad: boolean;
}

function laidOut(space: QueueSpace, queue: readonly (readonly [truck: number, flow: number, stop: number])[]): Put[] {
  const out: Put[] = [];
  space.beginLayout();
  for (const [truck, flow, stop] of queue) space.add(truck, flow, stop);
  space.layout((truck, x, y, _h, onRoad) => out.push({ truck, x, y, onRoad }));
  return out;
}

const apart = (a: Put, b: Put) => Math.hypot(a.x - b.x, a.y - b.y);

describe('QueueSpace: trucks have length', () => {
  const layout = gateLayout(today, 0);
  const holding = (id: string) => today.facilities.find((f) => f.id === id)!;

  it('finds the holding area before each route’s first checkpoint, on its side, and none where it stands after', () => {
    const space = new QueueSpace(today, layout, SPACING, 100, 100);
    expect(space.approaches.map((a) => [a.id, a.holding?.capacity])).toEqual([
      ['vn-export-holding', 60],
      ['vn-import-parking', 70],
    ]);
    // Tân Thanh's import trucks come in from China: the holding area stands after their scanner, so they queue on the road.
    const tt = new QueueSpace(tanThanh, gateLayout(tanThanh, 0), SPACING, 100, 100);
    expect(tt.approaches.map((a) => [a.id, a.holding?.capacity ?? 0])).toEqual([
      ['vn-border-holding', 60],
      ['vn-border-exit', 0],
    ]);
    // On the 2030 layout with AGVs, export and import trucks come in by the same road and share its holding area.
    const shared = new QueueSpace(proposed, gateLayout(proposed, 40), SPACING, 100, 100);
    expect(shared.approaches.map((a) => [a.id, a.flows])).toEqual([['vn-truck-holding', [EXPORT, IMPORT]]]);
  });

  it('fills a holding area of N first, then puts trucks on the road one spacing apart, and the metres match', () => {
    const space = new QueueSpace(today, layout, SPACING, 100, 200);
    const a = space.approachOf[IMPORT]!;
    const queue: [number, number, number][] = [];
    for (let i = 0; i < 75; i++) {
      space.join(IMPORT, 0, i * 10);
      queue.push([i, IMPORT, 0]);
      expect(space.holding(a)).toBe(Math.min(i + 1, 70));
      expect(space.roadMetres(a)).toBe(Math.max(0, i + 1 - 70) * SPACING);
    }
    const puts = laidOut(space, queue);
    expect(puts.map((p) => p.truck)).toEqual(queue.map(([i]) => i));
    const parked = puts.filter((p) => !p.onRoad);
    const road = puts.filter((p) => p.onRoad);
    expect(parked.map((p) => p.truck)).toEqual(queue.slice(0, 70).map(([i]) => i));
    expect(road.map((p) => p.truck)).toEqual([70, 71, 72, 73, 74]);
    // Parked inside the holding area's footprint, in rows, none on another.
    const corners = footprintCorners(holding('vn-import-parking').footprint);
    for (const p of parked) expect(pointInConvex([p.x, p.y], corners)).toBe(true);
    for (let i = 0; i < parked.length; i++) for (let j = i + 1; j < parked.length; j++) expect(apart(parked[i]!, parked[j]!)).toBeGreaterThan(2.5);
    // On the road: back from where the holding area begins along the route, one spacing each.
    const line = layout.routes.import.line;
    const from = space.approaches[a]!.fromArc;
    road.forEach((p, k) => expect(nearestArc(line, [p.x, p.y]).arc).toBeCloseTo(from - (k + 1) * SPACING, 6));
    for (let k = 1; k < road.length; k++) expect(apart(road[k - 1]!, road[k]!)).toBeCloseTo(SPACING, 6);
  });

  it('records when the holding area first filled and how long it was full, and starts afresh for the measured window', () => {
    const space = new QueueSpace(today, layout, SPACING, 100, 200);
    const a = space.approachOf[IMPORT]!;
    for (let i = 0; i < 71; i++) space.join(IMPORT, 0, 100 + i);
    // The 70th truck (t = 169) filled it; the 71st stands on the road.
    expect(space.totals()[a]).toMatchObject({ holding: 70, road: 1, holdingMax: 70, roadMax: 1, fullFirstT: 169 });
    space.leave(IMPORT, 0, 1000);
    space.leave(IMPORT, 0, 1900);
    space.account(3000);
    const t = space.totals()[a]!;
    expect(t).toMatchObject({ holding: 69, road: 0, fullFirstT: 169 });
    expect(t.fullSeconds).toBe(1900 - 169);
    expect(t.roadSeconds).toBe(1000 - 170);
    space.resetTotals(3000);
    expect(space.totals()[a]).toMatchObject({ holdingMax: 69, roadMax: 0, fullSeconds: 0, fullFirstT: -1 });
    // The export route's holding area never saw a truck.
    expect(space.totals()[space.approachOf[EXPORT]!]).toMatchObject({ holdingMax: 0, fullFirstT: -1 });
  });

  it('sends trucks that do not fit between two stops back before the first, in front of its own queue', () => {
    // Export at 1119–1120 today: the VN entry barrier, then the Chinese one 1,100 m on.
    const space = new QueueSpace(today, layout, SPACING, 100, 200);
    const room = space.room[EXPORT]![1]!;
    expect(room).toBe(Math.floor((layout.routes.export.stops[1]!.arc - layout.routes.export.stops[0]!.arc) / SPACING - 1));
    const queue: [number, number, number][] = [];
    for (let i = 0; i < room + 6; i++) {
      space.join(EXPORT, 1, i);
      queue.push([i, EXPORT, 1]);
    }
    space.join(EXPORT, 0, 100);
    queue.push([999, EXPORT, 0]);
    const a = space.approachOf[EXPORT]!;
    expect(space.holding(a)).toBe(7);
    const puts = laidOut(space, queue);
    const cnBarrier = layout.routes.export.stops[1]!.arc;
    const between = puts.slice(0, room);
    between.forEach((p, k) => expect(nearestArc(layout.routes.export.line, [p.x, p.y]).arc).toBeCloseTo(cnBarrier - (k + 1) * SPACING, 3));
    // The six that did not fit, then the truck waiting at the first barrier, in the holding area in that order.
    expect(puts.slice(room).map((p) => p.truck)).toEqual([room, room + 1, room + 2, room + 3, room + 4, room + 5, 999]);
  });

  it('in a day with more trucks than the scanner takes: the holding area full, a queue kilometres long, no two trucks on one point', () => {
    const sim = new Simulation(today, { seed: 1, vehiclesPerDay: 3000, hours: 15 });
    sim.advanceTo(15 * 3600);
    const k = sim.kpis();
    const parking = k.holding['vn-import-parking']!;
    expect(parking).toMatchObject({ capacity: 70, trucksMax: 70 });
    expect(parking.fullFirstS).not.toBeNull();
    const firstFullHour = sim.hourly.findIndex((r) => r.holding!['vn-import-parking'] === 70);
    expect(parking.fullFirstS!).toBeLessThanOrEqual((firstFullHour + 1) * 3600);
    expect(parking.fullFirstS!).toBeGreaterThan(firstFullHour * 3600 - 3600);
    expect(parking.roadQueueMaxM).toBeGreaterThan(5000);
    expect(k.spillBackMaxM).toBe(parking.roadQueueMaxM);
    expect(k.holdingFullFirstS).toBe(parking.fullFirstS);
    expect(sim.hourly.at(-1)!.roadQueueM!['vn-import-parking']).toBe(parking.roadQueueM);

    sim.writeFrame();
    const { trucks } = sim.frame;
    const onRoad: [number, number][] = [];
    for (let i = 0; i < trucks.count; i++) if ((trucks.load[i]! & QUEUED_ON_ROAD) !== 0) onRoad.push([trucks.x[i]!, trucks.y[i]!]);
    expect(onRoad.length * SPACING).toBe(parking.roadQueueM + k.holding['vn-export-holding']!.roadQueueM);
    expect(onRoad.length).toBeGreaterThan(200);
    // A queue longer than the route goes on along the road it came in by: no two trucks on one point.
    const seen = new Set(onRoad.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`));
    expect(seen.size).toBe(onRoad.length);
    const corners = footprintCorners(today.facilities.find((f) => f.id === 'vn-import-parking')!.footprint);
    const parked = new Set<string>();
    for (let i = 0; i < trucks.count; i++) {
      if (pointInConvex([trucks.x[i]!, trucks.y[i]!], corners)) parked.add(`${trucks.x[i]!.toFixed(1)},${trucks.y[i]!.toFixed(1)}`);
    }
    expect(parked.size).toBeGreaterThanOrEqual(70);
  });
});
