/**
 * Traffic prediction rows (issue 12). Speed: one prediction round — the fleet packed from its VDA 5050 states,
 * every route timed, conflicts, deadlocks and blocked routes found — for 200 AGVs of the simulation on the
 * 1119–1120 lane network (goal ≤ 20 ms) and 2,000 AGVs on a generated terminal grid (goal ≤ 200 ms); baseline:
 * the same round with the conflicts found by testing all pairs at each sample (`checkAllPairs`) instead of the
 * sorted-row checker. Quality, both ways: over a simulated day of the proposed 1119–1120 layout at its default
 * fleet (no contact by construction: the planner keeps AGVs apart) the predicted-conflict alerts an operator
 * would see per AGV-hour (false alarms); and with the rogue-AGV drill the share of contacts whose pair had a
 * predicted-conflict alert open at least 20 s before it. And a resolution proposal for a 10-AGV conflict (goal
 * ≤ 100 ms) against the same instance planned for the whole fleet.
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
import { PROPOSAL_DEFAULTS } from '../src/planning/traffic/ProposalPlanner';
import { TrafficPlannerEngine } from '../src/planning/traffic/TrafficPlannerEngine';
import { simParams } from '../src/sim/simParams';
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

/**
 * A resolution proposal on 40 simulated AGVs at 08:00 on the proposed 1119–1120 layout: the conflict is placed at
 * the AGV whose nine nearest neighbours are closest, between it and its nearest, and the radius takes in exactly
 * those ten; the rest of the fleet blocks its cells. Baseline: the same conflict planned for all 40 AGVs.
 */
function proposalRow(): Row {
  const scene = loadScene('scenes/1119-1120/proposed.json');
  const n = 40;
  const sim = new Simulation(scene, { agvs: n, seed: 1, hours: 9 });
  sim.advanceTo(8 * 3600);
  const feed = new SimFeed(sim, { maps: sceneMaps(scene), periodS: 0.5, staleAfterMs: 35_000 });
  const e = engines(scene.lanes, scene.fleet.agv, n);
  feed.feed.attachTraffic(e.inputBuffer, n, ROUTE_CAP);
  feed.packTraffic();
  e.planner.predict(HORIZON_S, SAMPLE_S);
  e.planner.initCells(simParams(scene, { agvs: n, seed: 1, hours: 9 }).cellLengthM);
  const { x, y } = e.input;
  const count = e.input.meta[META_COUNT]!;
  const nearest = (c: number) =>
    Array.from({ length: count }, (_, j) => j)
      .filter((j) => e.input.flags[j]! & FLAG_PLACED)
      .sort((a, b) => Math.hypot(x[a]! - x[c]!, y[a]! - y[c]!) - Math.hypot(x[b]! - x[c]!, y[b]! - y[c]!));
  let centre = 0;
  let ring = Infinity;
  for (let c = 0; c < count; c++) {
    if (!(e.input.flags[c]! & FLAG_PLACED)) continue;
    const tenth = nearest(c)[9]!;
    const d = Math.hypot(x[tenth]! - x[c]!, y[tenth]! - y[c]!);
    if (d < ring) {
      ring = d;
      centre = c;
    }
  }
  const [a, b] = nearest(centre);
  // A time limit well above the goal, so that the row gives the time to LaCAM's first plan, not the limit's.
  const options = { radiusM: ring + 1e-6, timeLimitMs: 5000, seed: 0 };
  const near = e.planner.propose([a!, b!], x[centre]!, y[centre]!, options);
  const value = timed(() => e.planner.propose([a!, b!], x[centre]!, y[centre]!, options));
  const all = e.planner.propose([a!, b!], x[centre]!, y[centre]!, { ...options, radiusM: Infinity });
  const baseline = all.ms;
  const outcome = (p: typeof near) =>
    p.solved ? `solved, ${p.stepEndS.length - 1} steps, ${p.totalDelayS.toFixed(0)} s delay in all` : `unsolved: ${p.reason}`;
  return {
    group: 'traffic (Node)',
    case: `proposal for a ${near.agvs.length}-AGV conflict (LaCAM on 1119–1120 proposed lane cells, 40 simulated AGVs, the rest blocking)`,
    value,
    unit: 'ms',
    baseline,
    goal: '≤ 100 ms',
    pass: near.solved && value <= 100,
    note: `${outcome(near)}, ${PROPOSAL_DEFAULTS.timeLimitMs} ms limit by default; baseline (one run): all ${all.agvs.length} AGVs planned (${outcome(all)})`,
  };
}

export function trafficBench(): Row[] {
  return [laneRound(), gridRound(), falseAlarms(), foresight(), proposalRow()];
}
