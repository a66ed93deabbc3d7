/**
 * The fleet table packed for traffic prediction: each vehicle's pose, speed, how long it has stood, its flags and
 * its remaining route on the lane network ({@link RouteResolver}) into a {@link TrafficInput}, at the table's
 * indices; with the time it will stand at each route node and before it sets off for its order's blocking actions
 * ({@link OrderActions}, from the orders seen on the wire), and its own path ahead where a 3.0 vehicle sends one
 * ({@link LeadPaths}). Runs in the worker that holds the fleet (telemetry, replay, simulation), once a round; allocates
 * nothing per vehicle beyond what a changed state costs the resolver.
 *
 * A fleet larger than the input's capacity is packed up to the capacity: the rest are left out of prediction.
 * `FLAG_HAS_ORDER` means nodes still to traverse: the simulated fleet reports its routes without an `orderId`,
 * and a finished order keeps its id with no nodes left. `FLAG_DRIVING` is the state's `driving`, or for a
 * vehicle seen only on `visualization`, its speed at or above the standing speed. A live feed whose master control
 * is the twin passes `commitment`: `FLAG_COMMITTED` and the hold (`holdAt`, `holdUntilS`) for the vehicles whose
 * orders the twin keeps; replay and simulation pass none, and nobody is held. A driving vehicle on an order another
 * twin console sent (its id starts {@link TWIN_ORDER_PREFIX}) is committed too: that console releases it on schedule.
 *
 * @example
 *   const input = trafficInput(200, 48, shared);
 *   const n = packTraffic(feed.table, { resolver, orders, leads }, input, Date.now(), Date.now() / 1000); // input.meta[META_ROUND] bumped
 */
import {
  FLAG_DRIVING,
  FLAG_COMMITTED,
  FLAG_FATAL,
  FLAG_HAS_ORDER,
  FLAG_PAUSED,
  FLAG_PLACED,
  FLAG_ROUTE_CUT,
  NO_HOLD,
  FLAG_STALE,
  META_CLOCK_S,
  META_COUNT,
  META_ROUND,
  type TrafficInput,
} from '../../domain/trafficFrame';
import { ERROR_CRITICAL, type FleetTable } from '../live/FleetTable';
import { TWIN_ORDER_PREFIX } from '../live/operatorCommands';
import type { LeadPaths } from './LeadPaths';
import type { OrderActions } from './OrderActions';
import type { RouteResolver } from './RouteResolver';

/** What a pack reads besides the table, each keeping its own per-vehicle cache. */
export interface TrafficReaders {
  readonly resolver: RouteResolver;
  readonly orders: OrderActions;
  readonly leads: LeadPaths;
}

/** A vehicle's order as the master control keeps it: the lane node it is held at (-1: none) and until when (source clock, s). */
export interface TrafficCommitment {
  holdNode: number;
  holdUntilS: number;
}

/** Whether the master control keeps releasing table vehicle `i`'s order; if so it writes the hold into `out`. Allocates nothing. */
export type CommitmentOf = (i: number, out: TrafficCommitment) => boolean;

const scratch: TrafficCommitment = { holdNode: -1, holdUntilS: Number.NaN };

/**
 * Packs `table` into `input` at `nowMs` on the feed's clock, stamped `clockS`; bumps the round. Returns how many
 * vehicles were packed (the table's first ones, up to the input's capacity).
 */
export function packTraffic(
  table: FleetTable,
  { resolver, orders, leads }: TrafficReaders,
  input: TrafficInput,
  nowMs: number,
  clockS: number,
  commitment?: CommitmentOf,
): number {
  if (resolver.routeCap !== input.routeCap) throw new RangeError(`route resolver keeps ${resolver.routeCap} nodes; the traffic input ${input.routeCap}`);
  const n = Math.min(table.count, input.capacity);
  const cap = input.routeCap;
  for (let i = 0; i < n; i++) {
    const state = table.latest[i];
    // An AGV not yet placed has no position to find the lane node it stands on.
    const r = table.placed[i] ? resolver.resolve(i, state, table.x[i]!, table.y[i]!) : resolver.resolve(i, state, Number.NaN, Number.NaN);
    input.x[i] = table.x[i]!;
    input.y[i] = table.y[i]!;
    input.heading[i] = table.heading[i]!;
    input.speed[i] = table.speed[i]!;
    const since = table.standingSinceMs[i]!;
    input.standingS[i] = Number.isNaN(since) ? 0 : Math.max(0, (nowMs - since) / 1000);
    input.flags[i] =
      (table.placed[i] ? FLAG_PLACED : 0) |
      (table.stale[i] ? FLAG_STALE : 0) |
      (state?.paused ? FLAG_PAUSED : 0) |
      ((state?.driving ?? Number.isNaN(since)) ? FLAG_DRIVING : 0) |
      (r.length > 0 ? FLAG_HAS_ORDER : 0) |
      (table.errorLevel[i]! >= ERROR_CRITICAL ? FLAG_FATAL : 0) |
      (r.cut ? FLAG_ROUTE_CUT : 0);
    input.lastNode[i] = r.lastNode;
    input.routeLen[i] = r.length;
    input.baseLen[i] = r.baseLen;
    input.holdAt[i] = NO_HOLD;
    input.holdUntilS[i] = 0;
    // Held at the node it stands on: its route holds no index for that node, and it waits at its base end until the
    // hold's time, as an AGV whose horizon is not released does; so it is not marked committed.
    const kept = commitment?.(i, scratch) ?? false;
    if (kept && !(scratch.holdNode >= 0 && scratch.holdNode === r.lastNode)) {
      input.flags[i] = input.flags[i]! | FLAG_COMMITTED;
      for (let k = 0; k < r.length && scratch.holdNode >= 0; k++) {
        if (r.route[k] !== scratch.holdNode) continue;
        input.holdAt[i] = k;
        input.holdUntilS[i] = scratch.holdUntilS;
        break;
      }
    } else if (!kept && state?.driving === true && state.orderId?.startsWith(TWIN_ORDER_PREFIX) === true) {
      // Another console's order: that console releases it on schedule while it drives; standing at its base end,
      // it waits for that console (a hold this console cannot see), so it is then not committed.
      input.flags[i] = input.flags[i]! | FLAG_COMMITTED;
    }
    for (let k = 0, at = i * cap; k < r.length; k++) input.route[at + k] = r.route[k]!;
    const stops = orders.stops(i, table.keys[i]!, state, nowMs, cap);
    for (let k = 0, at = i * cap; k < r.length; k++) input.stopS[at + k] = k < stops.length ? stops.stopS[k]! : 0;
    input.departS[i] = stops.departS;
    leads.write(i, table, r, input, nowMs);
  }
  input.meta[META_COUNT] = n;
  input.meta[META_CLOCK_S] = clockS;
  input.meta[META_ROUND] = input.meta[META_ROUND]! + 1;
  return n;
}
