/**
 * One side's AGV area of a generated layout: its two yards along the strip, each with its cranes, the work lane
 * past them with handover bays under each crane, the U-turn at the strip's end and the return lane back to the
 * corridor; on the Vietnamese side also the parking rows and the charging row beyond the return lane.
 *
 * Strip frame: s metres along the strip from its start, n metres across it towards the yards. The work lane runs
 * at n = 0 (inside the yards, under the cranes), the bays at n = bayOffset × k, the return lane at n = −offset.
 */
import layoutData from '../../../data/layout.json' with { type: 'json' };
import type { Facility, Vec2 } from '../sceneSchema';
import type { LaneBuilder } from './laneBuilder';
import type { Strip } from './siteSchema';

const G = Object.fromEntries(Object.entries(layoutData).flatMap(([k, v]) => (typeof v === 'object' ? [[k, v.value]] : []))) as Record<
  Exclude<keyof typeof layoutData, '$comment'>,
  number
>;
export const LAYOUT_GEOMETRY = G;

export interface YardPlan {
  readonly id: string;
  readonly kind: 'import-storage' | 'export-storage';
  readonly name: { vi: string; en: string };
  readonly cranes: number;
  readonly slots: number;
  /** Lane role of the yard's stops: load where AGVs pick containers up, unload where they drop them. */
  readonly role: 'load' | 'unload';
  readonly craneName: (k: number) => { vi: string; en: string };
}

export interface StripPlan {
  readonly side: 'VN' | 'CN';
  readonly prefix: string;
  readonly strip: Strip;
  /** The yards in the order the work lane meets them. */
  readonly yards: readonly YardPlan[];
  readonly handoverBays: number;
  readonly loop: boolean;
  readonly crane: Pick<Extract<Facility, { kind: 'crane' }>, 'craneType' | 'spanM' | 'cycleTimeS'>;
  readonly agvSpeedMps: number;
  /** Vietnamese side only: parking bays and charging bays beyond the return lane. */
  readonly parking?: {
    readonly parkBays: number;
    readonly chargeBays: number;
    readonly charging: Omit<Extract<Facility, { kind: 'agv-charging' }>, 'footprint' | 'bays'>;
  };
}

export interface StripResult {
  readonly facilities: Facility[];
  /** The work lane's first node (where AGVs come in) and the return lane's last (where they leave). */
  readonly entry: string;
  readonly exit: string;
  /** Where trucks stop at each yard, by yard id: outside its truck side, at its middle. */
  readonly truckStops: ReadonlyMap<string, Vec2>;
  readonly lengthM: number;
}

export function stripLength(p: Pick<StripPlan, 'yards' | 'parking'>): number {
  const yards = p.yards.reduce((sum, y) => sum + y.cranes * G.cranePitchM + 2 * G.yardEndM, 0);
  return 2 * G.stripLeadM + yards + (p.yards.length - 1) * G.yardGapM;
}

/** Lays out one side; throws when the strip would run past the site's room. */
export function layStrip(p: StripPlan, lanes: LaneBuilder): StripResult {
  const { strip } = p;
  const a: Vec2 = [Math.cos(strip.heading), Math.sin(strip.heading)];
  const towardsYards: Vec2 = strip.yardSide === 'right' ? [a[1], -a[0]] : [-a[1], a[0]];
  const at = (s: number, n: number): Vec2 => [strip.start[0] + a[0] * s + towardsYards[0] * n, strip.start[1] + a[1] * s + towardsYards[1] * n];
  const across = Math.atan2(towardsYards[1], towardsYards[0]);
  const length = stripLength(p);
  if (length > strip.maxLengthM.value)
    throw new Error(
      `the ${p.side} yards need a strip of ${Math.round(length)} m (${p.yards.map((y) => `${y.cranes} cranes`).join(' and ')} at ${G.cranePitchM} m), but the site has ${strip.maxLengthM.value} m there (${strip.maxLengthM.source})`,
    );
  const slow = Math.min(G.yardSpeedMps, p.agvSpeedMps);
  const lane = Math.min(G.workLaneSpeedMps, p.agvSpeedMps);
  const pre = p.prefix;
  const facilities: Facility[] = [];
  const truckStops = new Map<string, Vec2>();
  const depth = strip.yardDepthM?.value ?? G.yardDepthM;
  const yardCentreN = depth / 2 - G.laneInsetM;

  const work: string[] = [lanes.node(`${pre}-in`, at(0, 0))];
  const exits: { s: number; node: string }[] = [];
  let s = G.stripLeadM;
  p.yards.forEach((y, yi) => {
    const yardLength = y.cranes * G.cranePitchM + 2 * G.yardEndM;
    const s0 = s + G.yardEndM;
    facilities.push({
      id: y.id,
      kind: y.kind,
      side: p.side,
      name: y.name,
      footprint: { position: at(s + yardLength / 2, yardCentreN), rotation: across, size: [depth, yardLength], height: 10.4 },
      capacityTeu: Math.floor(depth * yardLength * G.teuPerM2),
      loadingSlots: y.slots,
    });
    truckStops.set(y.id, at(s + yardLength / 2, depth - G.laneInsetM + G.truckSideM));
    const through: string[] = [];
    for (let c = 0; c <= y.cranes; c++) {
      const middle = c === Math.ceil(y.cranes / 2);
      through.push(lanes.node(`${y.id}-t${c}`, at(s0 + c * G.cranePitchM, 0), middle ? y.role : undefined, middle ? y.id : undefined));
    }
    lanes.edge(work[work.length - 1]!, through[0]!, lane);
    for (let c = 0; c < y.cranes; c++) {
      const craneId = `${y.id.replace(/-yard$/, '')}-crane-${c + 1}`;
      const sc = s0 + (c + 0.5) * G.cranePitchM;
      facilities.push({
        id: craneId,
        kind: 'crane',
        side: p.side,
        name: y.craneName(c + 1),
        footprint: { position: at(sc, yardCentreN), rotation: across, size: [depth, p.crane.spanM], height: 24 },
        craneType: p.crane.craneType,
        spanM: p.crane.spanM,
        cycleTimeS: p.crane.cycleTimeS,
        serves: y.id,
      });
      if (p.handoverBays === 0) {
        const stop = lanes.node(`${craneId}-stop`, at(sc, 0), y.role, craneId);
        lanes.chain([through[c]!, stop, through[c + 1]!], slow);
      } else {
        lanes.edge(through[c]!, through[c + 1]!, lane);
        for (let b = 1; b <= p.handoverBays; b++) {
          const bay = lanes.node(`${craneId}-bay${b}`, at(sc, b * G.bayOffsetM), y.role, craneId);
          lanes.chain([through[c]!, bay, through[c + 1]!], slow);
        }
      }
    }
    work.push(...through);
    s += yardLength;
    if (yi < p.yards.length - 1) {
      s += G.yardGapM;
      if (p.loop) exits.push({ s: s - G.yardGapM / 2, node: through[through.length - 1]! });
    }
  });
  const end = s + G.stripLeadM;
  work.push(lanes.node(`${pre}-end`, at(end, 0)));
  lanes.edge(work[work.length - 2]!, work[work.length - 1]!, lane);

  // The return lane, from the U-turn back to the strip's start, with a node wherever something joins it.
  const back = -G.returnLaneOffsetM;
  const joins = new Map<number, string>();
  const returnNode = (s: number): string => {
    const key = Math.round(s * 100) / 100;
    let id = joins.get(key);
    if (!id) {
      id = lanes.node(`${pre}-r${joins.size}`, at(s, back));
      joins.set(key, id);
    }
    return id;
  };
  const uTurn = returnNode(end);
  lanes.edge(`${pre}-end`, uTurn, slow);
  for (const x of exits) lanes.edge(x.node, returnNode(x.s), lane);

  if (p.parking) layParking(p, lanes, at, across, end, returnNode, facilities, slow);
  returnNode(0);
  const order = [...joins.entries()].sort((u, v) => v[0] - u[0]).map(([, id]) => id);
  lanes.chain(order, p.agvSpeedMps);
  // The loop: from the return lane's end back into the work lane, so an AGV that had to pass its crane (pushed on
  // by traffic behind it) comes round in a kilometre or so rather than by way of the other side of the border.
  if (p.loop) lanes.edge(order[order.length - 1]!, `${pre}-in`, slow);
  return { facilities, entry: `${pre}-in`, exit: order[order.length - 1]!, truckStops, lengthM: end };
}

/**
 * Parking rows beyond the return lane, fed from the U-turn outwards at the strip's end, each row running back
 * towards the start with a bay beside each cell, and drained inwards into the return lane at the rows' other end.
 * The first row's first bays charge (inside the charging pad's footprint).
 */
function layParking(
  p: StripPlan,
  lanes: LaneBuilder,
  at: (s: number, n: number) => Vec2,
  across: number,
  end: number,
  returnNode: (s: number) => string,
  facilities: Facility[],
  slow: number,
): void {
  const park = p.parking!;
  const perRow = Math.max(1, Math.floor((end - 2 * G.parkPitchM) / G.parkPitchM));
  if (park.chargeBays > perRow) throw new Error(`${park.chargeBays} charge bays do not fit one row of ${perRow} bays along a ${Math.round(end)} m strip`);
  const rows = 1 + Math.ceil(Math.max(0, park.parkBays - (perRow - park.chargeBays)) / perRow);
  const lo = end - perRow * G.parkPitchM;
  const pre = p.prefix;
  let feed = returnNode(end);
  const drains: string[] = [];
  let parked = 0;
  for (let r = 0; r < rows; r++) {
    const n = -(G.parkFirstRowM + r * G.parkRowPitchM);
    const row: string[] = [];
    for (let k = 0; k <= perRow; k++) row.push(lanes.node(`${pre}-p${r}-${k}`, at(end - k * G.parkPitchM, n)));
    lanes.edge(feed, row[0]!, slow);
    feed = row[0]!;
    lanes.chain(row, slow);
    for (let k = 0; k < perRow; k++) {
      const charging = r === 0 && k < park.chargeBays;
      if (!charging && parked >= park.parkBays) continue;
      const bayAt = at(end - (k + 0.5) * G.parkPitchM, n - G.parkBayOffsetM);
      const bay = charging
        ? lanes.node(`${pre}-charge-${k + 1}`, bayAt, 'charge', park.charging.id)
        : lanes.node(`${pre}-park-${++parked}`, bayAt, 'park');
      lanes.chain([row[k]!, bay, row[k + 1]!], slow);
    }
    drains.push(row[perRow]!);
  }
  for (let r = drains.length - 1; r > 0; r--) lanes.edge(drains[r]!, drains[r - 1]!, slow);
  lanes.edge(drains[0]!, returnNode(lo), slow);
  const padLength = park.chargeBays * G.parkPitchM;
  facilities.push({
    ...park.charging,
    footprint: {
      position: at(end - padLength / 2, -(G.parkFirstRowM + G.parkBayOffsetM)),
      rotation: across,
      size: [12, padLength],
      height: 5,
    },
    bays: park.chargeBays,
  });
}
