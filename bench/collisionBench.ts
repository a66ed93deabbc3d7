/**
 * Collision checks per tick: the swept-box grid against all pairs, same scenes, same run. Vehicles are AGV-sized
 * (15.6 × 3 m) at AGV speeds (≤ 25 km/h), one per 400 m² — a yard-dense fleet spread over the area.
 */
import safety from '../data/safety.json';
import { checkAllPairs } from '../src/collision/allPairs';
import { boxSet } from '../src/collision/boxSet';
import { CollisionChecker } from '../src/collision/CollisionChecker';
import { collisionEvents } from '../src/collision/collisionEvents';
import { seededRandom } from '../src/domain/random';
import { timeMedian, type Row } from './measure';

const PARAMS = { horizonS: safety.collision.horizonS.value, nearMissClearanceM: safety.collision.nearMissClearanceM.value };
const AREA_PER_VEHICLE_M2 = 400;

export function collisionBench(counts: readonly number[]): Row[] {
  return counts.flatMap((n) => {
    const next = seededRandom(n);
    const side = Math.sqrt(n * AREA_PER_VEHICLE_M2);
    const b = boxSet(n);
    b.count = n;
    for (let i = 0; i < n; i++) {
      b.x[i] = next() * side;
      b.y[i] = next() * side;
      b.heading[i] = next() * 2 * Math.PI;
      b.halfLength[i] = 7.8;
      b.halfWidth[i] = 1.5;
      b.vx[i] = Math.cos(b.heading[i]!) * next() * 6.94;
      b.vy[i] = Math.sin(b.heading[i]!) * next() * 6.94;
    }
    const checker = new CollisionChecker(n, PARAMS, n * 8);
    const all = collisionEvents(n * 8);
    const hashMs = timeMedian(() => checker.check(b), 50);
    const allMs = timeMedian(() => checkAllPairs(b, PARAMS, all), n > 2000 ? 3 : 20, 1);
    if (checker.events.count !== all.count) throw new Error(`hash found ${checker.events.count} events, all pairs ${all.count}`);
    return [
      {
        group: 'collision (Node)',
        case: `${n.toLocaleString('en')} vehicles per tick, swept-box grid vs all pairs (${all.count} events)`,
        value: hashMs,
        unit: 'ms',
        baseline: allMs,
        goal: '< 2 ms' + (n >= 10000 ? ', ≥ 50×' : ''),
        pass: hashMs < 2 && (n < 10000 || allMs / hashMs >= 50),
      },
    ];
  });
}
