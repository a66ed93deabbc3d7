/**
 * The operations fleet list's rows: every source's vehicle rows (simulation, live, replay) in one shape, then
 * sorted and filtered as the operator asked. Pure functions, so the order the list shows is tested without a DOM.
 * Fields are read defensively: a row may lack the newer ones (speed, slot, operating state, errors by level).
 */
import type { VehicleRow } from '../../telemetry/FleetFeed';
import { VEHICLE_STATES, type SortColumn, type SortDirection, type VehicleState } from './opsStore';

/** What the list and the colour rules need of one vehicle. Strings are the vehicle's own: show them as text. */
export interface OpsRow {
  readonly key: string;
  readonly serial: string;
  readonly state: VehicleState;
  readonly loaded: boolean;
  readonly battery?: number;
  /** Ground speed (m/s), when the source reports it. */
  readonly speed?: number;
  readonly errors: number;
  /** Of those, warnings (WARNING, URGENT) and fatal ones (FATAL, CRITICAL), when the source counts them. */
  readonly warnings?: number;
  readonly fatals?: number;
  /** The worst active error, from the wire: show as text. */
  readonly topError?: string;
  /** Index of this vehicle in the fleet frame's buffers (the AGV drawn), when known. */
  readonly slot: number;
  readonly lastNodeId?: string;
}

/** A row as a source sends it, read defensively: a recording or an older worker may lack the newer fields. */
type SourceRow = { readonly [K in keyof VehicleRow]?: unknown } & Pick<VehicleRow, 'key' | 'serialNumber' | 'stale' | 'loaded' | 'errors'>;

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** The source's operating state (charging told apart from idle), or, from a row without one, worked out the same way. */
function stateOf(r: SourceRow): VehicleState {
  const reported = r.operatingState;
  const known = typeof reported === 'string' && (VEHICLE_STATES as readonly string[]).includes(reported) ? (reported as VehicleState) : undefined;
  const state = known ?? (r.stale ? 'stale' : num(r.fatals) ? 'error' : r.paused ? 'paused' : r.driving ? 'driving' : 'idle');
  return state === 'idle' && r.charging === true ? 'charging' : state;
}

/**
 * One source row in the list's shape. `index` is the row's place in the source's list: the frame slot when the
 * source does not say (true while every vehicle is placed on the scene's maps, as in the simulation and samples).
 */
export function toOpsRow(row: VehicleRow, index: number): OpsRow {
  const r = row as SourceRow;
  const battery = num(r.batteryPercent);
  const speed = num(r.speedMps);
  const warnings = num(r.warnings);
  const fatals = num(r.fatals);
  return {
    key: r.key,
    serial: r.serialNumber,
    state: stateOf(r),
    loaded: r.loaded,
    errors: r.errors,
    slot: num(r.slot) ?? index,
    ...(battery === undefined ? {} : { battery }),
    ...(speed === undefined ? {} : { speed }),
    ...(warnings === undefined ? {} : { warnings }),
    ...(fatals === undefined ? {} : { fatals }),
    ...(typeof r.topError === 'string' ? { topError: r.topError } : {}),
    ...(typeof r.lastNodeId === 'string' && r.lastNodeId ? { lastNodeId: r.lastNodeId } : {}),
  };
}

const byId = new Intl.Collator('en', { numeric: true });

/** Compares two defined values of a column; vehicles without the value always go last, whatever the direction. */
function value(r: OpsRow, column: SortColumn): number | string | undefined {
  switch (column) {
    case 'id':
      return r.serial;
    case 'state':
      return VEHICLE_STATES.indexOf(r.state);
    case 'load':
      return r.loaded ? 1 : 0;
    case 'battery':
      return r.battery;
    case 'speed':
      return r.speed;
    case 'errors':
      return r.errors;
  }
}

/** The rows sorted by `column` (ties by id, ascending), a new array. */
export function sortRows(rows: readonly OpsRow[], column: SortColumn, direction: SortDirection): OpsRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, column);
    const vb = value(b, column);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
    } else {
      const c = typeof va === 'string' ? byId.compare(va, vb as string) : va - (vb as number);
      if (c !== 0) return sign * c;
    }
    return byId.compare(a.serial, b.serial);
  });
}

/** Rows whose id, key or last node contains `text` (any case), in `state` when given. */
export function filterRows(rows: readonly OpsRow[], text: string, state: VehicleState | undefined): OpsRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (state === undefined || r.state === state) &&
      (needle === '' || r.serial.toLowerCase().includes(needle) || r.key.toLowerCase().includes(needle) || (r.lastNodeId?.toLowerCase().includes(needle) ?? false)),
  );
}

/**
 * The vehicle rows in a source's state, whichever source: the simulation's `feed`, the live or replayed
 * `snapshot`; undefined while the source has sent none (a simulation that does not publish rows yet).
 */
export function vehicleRowsOf(state: unknown): readonly VehicleRow[] | undefined {
  const s = state as { feed?: { vehicles?: unknown }; snapshot?: { vehicles?: unknown } } | undefined;
  const rows = s?.feed?.vehicles ?? s?.snapshot?.vehicles;
  return Array.isArray(rows) ? (rows as VehicleRow[]) : undefined;
}
