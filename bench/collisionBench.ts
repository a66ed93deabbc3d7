/**
 * Collision checks per tick: the checker (sorted rows and exact tests in WebAssembly with SIMD) against all
 * pairs (plain JavaScript), same scenes, same run, and a check that both report the same events, ttc included.
 * Vehicles are AGV-sized (15.6 × 3 m) at AGV speeds (≤ 25 km/h = 6.94 m/s).
 * Two scenes: "uniform", one vehicle per 400 m² at random positions, headings and speeds (a yard-dense fleet
 * spread over the area); "lane traffic", columns of vehicles following each other along parallel lanes 4 m
 * apart (1 m between footprints), 1–8 m nose to tail at 4–6.94 m/s, both ways (the corridor at rush hour: about
 * one event a vehicle, followers closing in and neighbours within a metre). The checker computes cos and sin
 * of every heading each tick (it keeps no cache), so a timed tick costs what it would with every vehicle turning.
 */
import safety from '../data/safety.json';
import { checkAllPairs } from '../src/collision/allPairs';
import { boxSet, type BoxSet } from '../src/collision/boxSet';
import { CollisionChecker } from '../src/collision/CollisionChecker';
import { collisionEvents, type CollisionEvents } from '../src/collision/collisionEvents';
import { seededRandom } from '../src/domain/random';
import { timeMedian, type Row } from './measure';

const PARAMS = { horizonS: safety.collision.horizonS.value, nearMissClearanceM: safety.collision.nearMissClearanceM.value };
const AREA_PER_VEHICLE_M2 = 400;
const AGV_HALF_LENGTH_M = 7.8;
const AGV_HALF_WIDTH_M = 1.5;
const AGV_MAX_SPEED_MS = 6.94;
const LANE_PITCH_M = 4;

function uniformScene(n: number): BoxSet {
  const next = seededRandom(n);
  const side = Math.sqrt(n * AREA_PER_VEHICLE_M2);
  const b = boxSet(n);
  b.count = n;
  for (let i = 0; i < n; i++) {
    b.x[i] = next() * side;
    b.y[i] = next() * side;
    b.heading[i] = next() * 2 * Math.PI;
    b.halfLength[i] = AGV_HALF_LENGTH_M;
    b.halfWidth[i] = AGV_HALF_WIDTH_M;
    b.vx[i] = Math.cos(b.heading[i]!) * next() * AGV_MAX_SPEED_MS;
    b.vy[i] = Math.sin(b.heading[i]!) * next() * AGV_MAX_SPEED_MS;
  }
  return b;
}

/** √(n / 4) lanes, alternate pairs eastbound and westbound; ±0.4 m and ±0.02 rad of steering wobble. */
function laneScene(n: number): BoxSet {
  const next = seededRandom(n + 1);
  const lanes = Math.ceil(Math.sqrt(n / 4));
  const b = boxSet(n);
  b.count = n;
  const along = new Float64Array(lanes);
  for (let i = 0; i < n; i++) {
    const lane = i % lanes;
    const dir = lane % 4 < 2 ? 1 : -1;
    along[lane] = along[lane]! + 2 * AGV_HALF_LENGTH_M + 1 + next() * 7;
    const speed = 4 + next() * (AGV_MAX_SPEED_MS - 4);
    b.x[i] = along[lane]!;
    b.y[i] = lane * LANE_PITCH_M + (next() - 0.5) * 0.8;
    b.heading[i] = (dir > 0 ? 0 : Math.PI) + (next() - 0.5) * 0.04;
    b.halfLength[i] = AGV_HALF_LENGTH_M;
    b.halfWidth[i] = AGV_HALF_WIDTH_M;
    b.vx[i] = Math.cos(b.heading[i]!) * speed;
    b.vy[i] = Math.sin(b.heading[i]!) * speed;
  }
  return b;
}

function eventKeys(e: CollisionEvents): string[] {
  const keys: string[] = [];
  for (let k = 0; k < e.count; k++) keys.push(`${e.a[k]}-${e.b[k]}:${e.kind[k]}:${e.ttc[k]}`);
  return keys.sort();
}

const SCENES = [
  { name: 'uniform', make: uniformScene },
  { name: 'lane traffic', make: laneScene },
];

export function collisionBench(counts: readonly number[]): Row[] {
  return SCENES.flatMap((scene) =>
    counts.map((n) => {
      const b = scene.make(n);
      const checker = new CollisionChecker(n, PARAMS, n * 8);
      const all = collisionEvents(n * 8);
      const fastMs = timeMedian(() => checker.check(b), 100);
      const allMs = timeMedian(() => checkAllPairs(b, PARAMS, all), n > 2000 ? 3 : 20, 1);
      const fast = eventKeys(checker.events);
      const slow = eventKeys(all);
      if (all.dropped > 0 || checker.events.dropped > 0) throw new Error(`${scene.name}, ${n}: events dropped`);
      if (fast.length !== slow.length || fast.some((k, i) => k !== slow[i])) {
        throw new Error(`${scene.name}, ${n}: the checker found ${fast.length} events, all pairs ${slow.length}, not the same`);
      }
      return {
        group: 'collision (Node)',
        case: `${scene.name}: ${n.toLocaleString('en')} vehicles per tick, sorted rows in WebAssembly (SIMD) vs all pairs (${all.count} events, same)`,
        value: fastMs,
        unit: 'ms',
        baseline: allMs,
        goal: '< 2 ms' + (n >= 10000 ? ', ≥ 50×' : ''),
        pass: fastMs < 2 && (n < 10000 || allMs / fastMs >= 50),
      };
    }),
  );
}
