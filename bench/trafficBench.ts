/**
 * Traffic prediction rows (issue 12). Speed: one prediction round — the fleet packed from its VDA 5050 states,
 * every route timed, conflicts, deadlocks and blocked routes found — for 200 AGVs of the simulation on the
 * 1119–1120 lane network (goal ≤ 20 ms) and 2,000 AGVs on a generated terminal grid (goal ≤ 200 ms); baseline:
 * the same round with the conflicts found by testing all pairs at each sample (`checkAllPairs`) instead of the
 * sorted-row checker. Quality, both ways: over a simulated day of the proposed 1119–1120 layout at its default
 * fleet (no contact by construction: the planner keeps AGVs apart) the predicted-conflict alerts an operator
 * would see per AGV-hour (false alarms); and with the rogue-AGV drill the share of contacts whose pair had a
 * predicted-conflict alert open at least 20 s before it. And a resolution proposal (holds) for a conflict checked
 * on about ten AGVs (goal ≤ 100 ms) against the same search checked on the whole 200-AGV fleet.
 */
import safety from '../data/safety.json';
import traffic from '../data/traffic.json';
import { checkAllPairs } from '../src/collision/allPairs';
import { boxSet } from '../src/collision/boxSet';
import { collisionEvents } from '../src/collision/collisionEvents';
import { TrafficCollisionEngine } from '../src/collision/traffic/TrafficCollisionEngine';
import { sceneMaps } from '../src/domain/mapPlacement';
import { seededRandom } from '../src/domain/random';
import type { LaneEdge, LaneNode, Scene } from '../src/domain/sceneSchema';
import {
  FLAG_COMMITTED,
  FLAG_DRIVING,
  FLAG_HAS_ORDER,
  FLAG_PLACED,
  META_CLOCK_S,
  META_COUNT,
  META_SAMPLES,
  predictedRoutes,
  predictedRoutesBytes,
  sampleCount,
  trafficInput,
  trafficInputBytes,
  type PredictedRoutes,
  NO_HOLD,
} from '../src/domain/trafficFrame';
import { terminalGrid } from '../src/planning/terminalGrid';
import type { ProposalResult, ProposalTarget } from '../src/domain/trafficProposal';
import { PROPOSAL_DEFAULTS } from '../src/planning/traffic/ProposalPlanner';
import { TrafficPlannerEngine } from '../src/planning/traffic/TrafficPlannerEngine';
import { Simulation } from '../src/sim/Simulation';
import { loadScene } from '../src/sim/testScenes';
import { AlertBook } from '../src/telemetry/alerts/AlertBook';
import { ALERT_THRESHOLDS } from '../src/telemetry/alerts/alertThresholds';
import { SimFeed } from '../src/telemetry/recording/SimFeed';
import { median, type Row } from './measure';

const HORIZON_S: number = traffic.horizonS.value;
const SAMPLE_S: number = traffic.sampleS.value;
const ROUTE_CAP: number = traffic.routeCap.value;
const CLEARANCE_M: number = safety.collision.nearMissClearanceM.value;
const PARAMS = {
  clearanceM: CLEARANCE_M,
  fixedS: traffic.timingUncertainty.fixedS,
  perSecondAhead: traffic.timingUncertainty.perSecondAhead,
  standingSpeedMps: traffic.standingSpeedMps.value,
  waitingTooLongS: ALERT_THRESHOLDS.waitingTooLongS,
};
const RUNS = 15;

/** Both engines on one pair of buffers sized for `capacity` AGVs, as the workers hold them. */
function engines(lanes: { nodes: readonly LaneNode[]; edges: readonly LaneEdge[] }, agv: Scene['fleet']['agv'], capacity: number) {
  const samples = sampleCount(HORIZON_S, SAMPLE_S);
  const inputBuffer = new SharedArrayBuffer(trafficInputBytes(capacity, ROUTE_CAP));
  const routesBuffer = new SharedArrayBuffer(predictedRoutesBytes(capacity, ROUTE_CAP, samples));
  const layout = { capacity, routeCap: ROUTE_CAP, samples };
  const planner = new TrafficPlannerEngine();
  planner.init(
    lanes,
    { maxSpeedMps: agv.maxSpeedMps.value, accelerationMps2: agv.accelerationMps2.value, decelerationMps2: agv.decelerationMps2.value },
    layout,
    inputBuffer,
    routesBuffer,
  );
  const finder = new TrafficCollisionEngine();
  finder.init(lanes, { lengthM: agv.lengthM.value, widthM: agv.widthM.value }, PARAMS, layout, inputBuffer, routesBuffer);
  return {
    planner,
    finder,
    inputBuffer,
    input: trafficInput(capacity, ROUTE_CAP, inputBuffer),
    routes: predictedRoutes(capacity, ROUTE_CAP, samples, routesBuffer),
    down: new Uint8Array(lanes.nodes.length),
  };
}

/** The baseline's conflict search: every pair tested at every sample (no broadphase). */
function allPairsConflicts(routes: PredictedRoutes, halfLength: number, halfWidth: number): number {
  const n = routes.meta[META_COUNT]!;
  const used = routes.meta[META_SAMPLES]!;
  const boxes = boxSet(n);
  boxes.halfLength.fill(halfLength);
  boxes.halfWidth.fill(halfWidth);
  const events = collisionEvents(n * 8);
  let found = 0;
  for (let k = 1; k < used; k++) {
    boxes.count = n;
    for (let i = 0; i < n; i++) {
      const o = i * routes.samples + k;
      boxes.x[i] = routes.px[o]!;
      boxes.y[i] = routes.py[o]!;
      boxes.heading[i] = routes.heading[o]!;
      const next = k + 1 < used ? o + 1 : o;
      boxes.vx[i] = (routes.px[next]! - routes.px[o]!) / SAMPLE_S;
      boxes.vy[i] = (routes.py[next]! - routes.py[o]!) / SAMPLE_S;
    }
    found += checkAllPairs(boxes, { horizonS: SAMPLE_S, nearMissClearanceM: CLEARANCE_M }, events).count;
  }
  return found;
}

function timed(fn: () => void): number {
  fn();
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** 200 simulated AGVs at 08:00 on the proposed 1119–1120 layout, packed from their VDA 5050 states each round. */
function laneRound(): Row {
  const scene = loadScene('scenes/1119-1120/proposed.json');
  const sim = new Simulation(scene, { agvs: 200, seed: 1, hours: 9 });
  sim.advanceTo(8 * 3600);
  const feed = new SimFeed(sim, { maps: sceneMaps(scene), periodS: 0.5, staleAfterMs: 35_000 });
  const e = engines(scene.lanes, scene.fleet.agv, 200);
  feed.feed.attachTraffic(e.inputBuffer, 200, ROUTE_CAP);
  const round = () => {
    feed.packTraffic();
    e.planner.predict(HORIZON_S, SAMPLE_S);
    e.finder.check(e.down);
  };
  const baseline = () => {
    feed.packTraffic();
    e.planner.predict(HORIZON_S, SAMPLE_S);
    allPairsConflicts(e.routes, scene.fleet.agv.lengthM.value / 2, scene.fleet.agv.widthM.value / 2);
  };
  const value = timed(round);
  return {
    group: 'traffic (Node)',
    case: 'prediction round, 1119–1120 proposed lanes, 200 simulated AGVs (pack, routes, conflicts, deadlocks, blocked)',
    value,
    unit: 'ms',
    baseline: timed(baseline),
    goal: '≤ 20 ms',
    pass: value <= 20,
    note: 'baseline: conflicts by all pairs at every sample',
  };
}

/**
 * 2,000 AGVs on a 30 × 40 terminal grid (lanes 60 m apart), each on a distinct lane edge heading along it with a
 * random route of up to 30 nodes (a random walk over the one-way grid), the first 3 released.
 */
function gridRound(): Row {
  const lanes = terminalGrid({ rows: 30, columns: 40, blockM: 60 });
  const scene = loadScene('scenes/1119-1120/proposed.json');
  const n = 2000;
  const e = engines(lanes, scene.fleet.agv, n);
  const index = new Map(lanes.nodes.map((node, k) => [node.id, k]));
  const out: number[][] = lanes.nodes.map(() => []);
  for (const edge of lanes.edges) out[index.get(edge.from)!]!.push(index.get(edge.to)!);
  const next = seededRandom(12);
  const input = e.input;
  for (let i = 0; i < n; i++) {
    const edge = lanes.edges[Math.floor((i * lanes.edges.length) / n)]!;
    const a = lanes.nodes[index.get(edge.from)!]!.position;
    let at = index.get(edge.to)!;
    const b = lanes.nodes[at]!.position;
    const f = 0.2 + 0.6 * next();
    input.x[i] = a[0] + (b[0] - a[0]) * f;
    input.y[i] = a[1] + (b[1] - a[1]) * f;
    input.heading[i] = Math.atan2(b[1] - a[1], b[0] - a[0]);
    input.speed[i] = 6.94 * next();
    input.standingS[i] = 0;
    input.flags[i] = FLAG_PLACED | FLAG_DRIVING | FLAG_HAS_ORDER;
    input.lastNode[i] = index.get(edge.from)!;
    const len = 10 + Math.floor(next() * 21);
    for (let k = 0; k < len; k++) {
      input.route[i * ROUTE_CAP + k] = at;
      const options = out[at]!;
      at = options[Math.floor(next() * options.length)]!;
    }
    input.routeLen[i] = len;
    input.baseLen[i] = 3;
    input.holdAt[i] = NO_HOLD;
  }
  input.meta[META_COUNT] = n;
  input.meta[META_CLOCK_S] = 0;
  const agv = scene.fleet.agv;
  const round = () => {
    e.planner.predict(HORIZON_S, SAMPLE_S);
    e.finder.check(e.down);
  };
  const value = timed(round);
  const baseline = timed(() => {
    e.planner.predict(HORIZON_S, SAMPLE_S);
    allPairsConflicts(e.routes, agv.lengthM.value / 2, agv.widthM.value / 2);
  });
  return {
    group: 'traffic (Node)',
    case: 'prediction round, terminal grid 30 × 40 lanes, 2,000 AGVs (routes, conflicts, deadlocks, blocked)',
    value,
    unit: 'ms',
    baseline,
    goal: '≤ 200 ms',
    pass: value <= 200,
    note: 'baseline: conflicts by all pairs at every sample',
  };
}

/** A simulated fleet with prediction rounds every `everyS` of simulated time, alerts kept as an operator sees them. */
function watchedFleet(agvs: number | undefined, seed: number) {
  const scene = loadScene('scenes/1119-1120/proposed.json');
  const sim = new Simulation(scene, { ...(agvs ? { agvs } : {}), seed, hours: 25 });
  const n = sim.fleet!.n;
  const feed = new SimFeed(sim, { maps: sceneMaps(scene), periodS: 0.5, staleAfterMs: 35_000 });
  const e = engines(scene.lanes, scene.fleet.agv, n);
  feed.feed.attachTraffic(e.inputBuffer, n, ROUTE_CAP);
  const book = new AlertBook(ALERT_THRESHOLDS);
  const round = () => {
    const { keys, clockS } = feed.packTraffic();
    e.planner.predict(HORIZON_S, SAMPLE_S);
    const f = e.finder.check(e.down);
    const counts = feed.counts();
    book.update({
      clockS,
      rows: counts.vehicles,
      collisions: counts.collisionEvents,
      predictions: {
        clockS,
        conflicts: f.conflicts.map((c) => ({ a: keys[c.a]!, b: keys[c.b]!, kind: c.kind, inS: c.inS, x: c.x, y: c.y })),
        deadlocks: [],
        blocked: [],
      },
    });
  };
  return { sim, n, book, round };
}

/** Predicted-conflict alerts per AGV-hour over a simulated day in which no two AGVs touch. */
function falseAlarms(): Row {
  const w = watchedFleet(undefined, 1);
  const everyS = 5;
  for (let t = 0; t < 24 * 3600; t += everyS) {
    w.sim.advanceTo(t);
    w.round();
  }
  const alarms = w.book.list().filter((a) => a.kind === 'predicted-conflict').length;
  const contacts = w.sim.fleet!.watch.contacts;
  return {
    group: 'traffic (Node)',
    case: `false alarms: predicted-conflict alerts per AGV-hour, a simulated day of 1119–1120 proposed, ${w.n} AGVs, a round every ${everyS} s (${alarms} alerts, ${contacts} contacts)`,
    value: alarms / (w.n * 24),
    unit: 'per AGV-h',
  };
}

/**
 * The rogue drill, six times over: an AGV ignores its plan for 8 minutes (then rejoins), a round every second.
 * A contact counts as foreseen when its pair had a predicted-conflict alert opened at least 20 s before it.
 */
function foresight(): Row {
  const w = watchedFleet(undefined, 2);
  const start = 8 * 3600;
  const contacts = new Map<string, number>();
  for (let drill = 0; drill < 6; drill++) {
    const from = start + drill * 900;
    w.sim.advanceTo(from);
    w.sim.injectRogueAgv((drill * 7) % w.n);
    for (let t = from; t < from + 480; t++) {
      w.sim.advanceTo(t);
      w.round();
    }
    w.sim.endRogueAgv();
  }
  for (const a of w.book.list()) {
    if (a.kind !== 'contact') continue;
    const pair = [...a.vehicles].sort().join('|');
    if (!contacts.has(pair) || contacts.get(pair)! > a.openedS) contacts.set(pair, a.openedS);
  }
  const predicted = w.book.list().filter((a) => a.kind === 'predicted-conflict');
  let foreseen = 0;
  for (const [pair, at] of contacts) {
    if (predicted.some((p) => [...p.vehicles].sort().join('|') === pair && p.openedS <= at - 20 && (p.active || p.clearedS! >= at - 5))) foreseen++;
  }
  return {
    group: 'traffic (Node)',
    case: `rogue drill: share of contacts foreseen ≥ 20 s ahead (${foreseen} of ${contacts.size} contact pairs, 6 drills of 8 min, 1119–1120 proposed)`,
    value: contacts.size === 0 ? 0 : foreseen / contacts.size,
    unit: 'share',
  };
}

/** Where the proposal row's merge is: the parking aisle of 1119–1120 proposed joins the northbound lane at vn-nb-2. */
const MERGE = 'vn-nb-2';

/**
 * A resolution proposal (holds) for a 10-AGV conflict on the proposed 1119–1120 lane network, in a 200-AGV fleet:
 * the simulation's 200 AGVs at 08:00, as packed from their VDA 5050 states, except that those now within 300 m of
 * vn-nb-2 (where the parking aisle joins the northbound lane) make way for ten placed by hand: AGV a at rest
 * 270 m up the northbound lane (18 m short of vn-nb-1), AGV b at rest in the aisle where it passes vn-nb-2 1 s
 * after a (a bound on north, b off to the yard by vn-ys-1; both committed: the twin releases their routes, so
 * either can be held at its next node), and eight AGVs parked in the aisle's slots (vn-park-1 … 8), beside b's way. Extra near ones
 * stand unplaced. Baseline: the same search re-predicting and checking all 200 AGVs pairwise for every plan
 * tried (no neighbourhood cut).
 */
function proposalRow(): Row {
  const scene = loadScene('scenes/1119-1120/proposed.json');
  const n = 200;
  const sim = new Simulation(scene, { agvs: n, seed: 1, hours: 9 });
  sim.advanceTo(8 * 3600);
  const feed = new SimFeed(sim, { maps: sceneMaps(scene), periodS: 0.5, staleAfterMs: 35_000 });
  const e = engines(scene.lanes, scene.fleet.agv, n);
  feed.feed.attachTraffic(e.inputBuffer, n, ROUTE_CAP);
  feed.packTraffic();
  const input = e.input;
  const id = new Map(scene.lanes.nodes.map((node, k) => [node.id, k]));
  const at = (name: string) => scene.lanes.nodes[id.get(name)!]!.position;
  const [mx, my] = at(MERGE);
  const near = Array.from({ length: n }, (_, i) => i)
    .sort((p, q) => Math.hypot(input.x[p]! - mx, input.y[p]! - my) - Math.hypot(input.x[q]! - mx, input.y[q]! - my))
    .filter((i, rank) => rank < 10 || Math.hypot(input.x[i]! - mx, input.y[i]! - my) < 300)
    .sort((p, q) => p - q);
  for (const i of near) input.flags[i] = 0;
  const [a, b, ...parked] = near as [number, number, ...number[]];

  /** AGV i at rest `back` metres short of the end of the polyline of lane nodes `way`, bound along it and on to `then`. */
  const place = (i: number, way: readonly string[], back: number, then: readonly string[]) => {
    let k = way.length - 1;
    let left = back;
    while (k > 0 && left > Math.hypot(at(way[k]!)[0] - at(way[k - 1]!)[0], at(way[k]!)[1] - at(way[k - 1]!)[1])) {
      left -= Math.hypot(at(way[k]!)[0] - at(way[k - 1]!)[0], at(way[k]!)[1] - at(way[k - 1]!)[1]);
      k--;
    }
    const [x1, y1] = at(way[k]!);
    const [x0, y0] = at(way[Math.max(0, k - 1)]!);
    const f = left / Math.max(1e-9, Math.hypot(x1 - x0, y1 - y0));
    const route = [...way.slice(k), ...then].map((name) => id.get(name)!);
    input.x[i] = x1 + (x0 - x1) * f;
    input.y[i] = y1 + (y0 - y1) * f;
    input.heading[i] = Math.atan2(y1 - y0, x1 - x0);
    input.speed[i] = 0;
    input.standingS[i] = 0;
    input.flags[i] = FLAG_PLACED | FLAG_HAS_ORDER | FLAG_COMMITTED;
    input.lastNode[i] = id.get(way[Math.max(0, k - 1)]!)!;
    input.route.set(route, i * ROUTE_CAP);
    input.routeLen[i] = route.length;
    input.baseLen[i] = 1;
    input.holdAt[i] = NO_HOLD;
  };
  const aisle = ['vn-park-a0', 'vn-park-a1', 'vn-park-a2', 'vn-park-a3', 'vn-park-a4', 'vn-park-a5', 'vn-park-a6', 'vn-park-a7', 'vn-park-a8', MERGE];
  place(a, ['vn-ys-2', 'vn-nb-1', MERGE], 270, ['vn-nb-3', 'vn-nb-4']);
  parked.forEach((i, k) => {
    if (k >= 8) return;
    const [sx, sy] = at(`vn-park-${k + 1}`);
    const [ax, ay] = at(`vn-park-a${k + 1}`);
    input.x[i] = sx;
    input.y[i] = sy;
    input.heading[i] = Math.atan2(ay - sy, ax - sx);
    input.speed[i] = 0;
    input.flags[i] = FLAG_PLACED;
    input.routeLen[i] = 0;
    input.baseLen[i] = 0;
    input.lastNode[i] = id.get(`vn-park-${k + 1}`)!;
    input.holdAt[i] = NO_HOLD;
  });
  // b's place in the aisle: bisect on how far back it starts until it passes the merge 1 s after a.
  const mergeS = (i: number) => {
    e.planner.predict(HORIZON_S, SAMPLE_S);
    const k = [...input.route.subarray(i * ROUTE_CAP, i * ROUTE_CAP + input.routeLen[i]!)].indexOf(id.get(MERGE)!);
    return e.routes.nodeS[i * ROUTE_CAP + k]!;
  };
  let lo = 10;
  let hi = 230;
  for (let step = 0; step < 40; step++) {
    const mid = (lo + hi) / 2;
    place(b, aisle, mid, ['vn-ys-1', 'vn-exp-c2']);
    if (mergeS(b) < mergeS(a) + 1) lo = mid;
    else hi = mid;
  }
  place(b, aisle, lo, ['vn-ys-1', 'vn-exp-c2']);
  e.planner.predict(HORIZON_S, SAMPLE_S);
  const found = e.finder.check(e.down).conflicts.find((c) => c.a === Math.min(a, b) && c.b === Math.max(a, b));
  if (!found) throw new Error(`proposal row: AGVs ${a} and ${b} placed to meet at ${MERGE} are not predicted to`);
  const target: ProposalTarget = { kind: 'conflict', a: found.a, b: found.b };
  const options = { ...PROPOSAL_DEFAULTS, lengthM: scene.fleet.agv.lengthM.value, widthM: scene.fleet.agv.widthM.value };
  const plan = e.planner.propose([target], options)[0]!;
  const value = timed(() => e.planner.propose([target], options));
  const all = { ...options, nearM: Infinity };
  const whole = e.planner.propose([target], all)[0]!;
  const baseline = timed(() => e.planner.propose([target], all));
  const checked = (r: ProposalResult) => (r.ok ? `${r.agvs.length} AGVs checked, ` : '');
  const outcome = (r: ProposalResult) =>
    r.ok
      ? `${checked(r)}${r.holds.length} hold${r.holds.length === 1 ? '' : 's'}, ${r.totalDelayS.toFixed(1)} s delay in all, saves ${r.savesS.toFixed(1)} s`
      : `${r.reason}: ${r.detail}`;
  return {
    group: 'traffic (Node)',
    case: `proposal (holds) for a conflict at a merge of 1119–1120 proposed lanes, 10 AGVs near it in a 200-AGV fleet`,
    value,
    unit: 'ms',
    baseline,
    goal: '≤ 100 ms',
    pass: plan.ok && value <= 100,
    note: `${outcome(plan)}; baseline: all 200 re-predicted and checked per plan (${outcome(whole)})`,
  };
}

export function trafficBench(): Row[] {
  return [laneRound(), gridRound(), falseAlarms(), foresight(), proposalRow()];
}
