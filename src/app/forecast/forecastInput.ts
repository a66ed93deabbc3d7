/**
 * The fleet handed to a forecast, from the latest prediction round and the source's fleet list: AGV i is the
 * round's `keys[i]` (so a replayed forecast scores against the recording by those keys), at the round's position,
 * heading for its predicted route's last lane node; load, pause and standing come from its row (standing: slower
 * than {@link STANDING_BELOW_MPS}, or while its speed is not known yet, not driving by its state). The time of day is the
 * round's clock at the gate: simulated seconds since midnight, or epoch seconds in the gate's time zone.
 *
 * @example
 *   const input = forecastInput(traffic.getState().snapshot!, source.state$.value.fleet?.vehicles ?? [], source.kind === 'sim');
 *   input.agvs[0]!.goalNode; // lane node index, or -1 without a route
 */
import { gateTimeOfDayS } from '../../domain/gateClock';
import type { ForecastAgv, ForecastInput } from '../../sim/forecast/forecastTypes';
import type { TrafficSnapshot } from '../../store/traffic/trafficStore';
import type { VehicleRow } from '../../telemetry/vehicleRow';

/** Below this ground speed (m/s) an AGV counts as standing. */
export const STANDING_BELOW_MPS = 0.1;

export type ForecastRound = Pick<TrafficSnapshot, 'clockS' | 'keys' | 'routeCap' | 'x' | 'y' | 'routeLen' | 'route'>;

export function forecastInput(round: ForecastRound, rows: readonly VehicleRow[], simulated: boolean): ForecastInput {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const agvs = round.keys.map((key, i): ForecastAgv => {
    const len = round.routeLen[i]!;
    const row = byKey.get(key);
    // A vehicle that left the list since the round is taken as empty and standing: nothing says it moves.
    return {
      x: round.x[i]!,
      y: round.y[i]!,
      loaded: row?.loaded ?? false,
      goalNode: len > 0 ? round.route[i * round.routeCap + len - 1]! : -1,
      paused: row?.paused ?? false,
      standing: !row || (row.speedMps === undefined ? row.driving !== true : row.speedMps < STANDING_BELOW_MPS),
    };
  });
  return { timeOfDayS: gateTimeOfDayS(round.clockS, simulated), agvs };
}
