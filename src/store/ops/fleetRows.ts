/**
 * The operations fleet list's rows (every source's {@link VehicleRow}s, the same shape whatever the source) sorted
 * and filtered as the operator asked. Pure functions, so the order the list shows is tested without a DOM.
 */
import { OPERATING_STATES, type OperatingState, type VehicleRow } from '../../telemetry/vehicleRow';
import type { SortColumn, SortDirection } from './opsStore';

const byId = new Intl.Collator('en', { numeric: true });

/** Compares two defined values of a column; vehicles without the value always go last, whatever the direction. */
function value(r: VehicleRow, column: SortColumn, arrivals: ReadonlyMap<string, number>): number | string | undefined {
  switch (column) {
    case 'id':
      return r.serialNumber;
    case 'state':
      return OPERATING_STATES.indexOf(r.operatingState);
    case 'load':
      return r.loaded ? 1 : 0;
    case 'battery':
      return r.batteryPercent;
    case 'speed':
      return r.speedMps;
    case 'eta':
      return arrivals.get(r.key);
    case 'errors':
      return r.errors;
  }
}

const NO_ARRIVALS: ReadonlyMap<string, number> = new Map();

/** The rows sorted by `column` (ties by id, ascending), a new array; `arrivals` (clock s by key) for the ETA. */
export function sortRows(
  rows: readonly VehicleRow[],
  column: SortColumn,
  direction: SortDirection,
  arrivals: ReadonlyMap<string, number> = NO_ARRIVALS,
): VehicleRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, column, arrivals);
    const vb = value(b, column, arrivals);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
    } else {
      const c = typeof va === 'string' ? byId.compare(va, vb as string) : va - (vb as number);
      if (c !== 0) return sign * c;
    }
    return byId.compare(a.serialNumber, b.serialNumber);
  });
}

/** Rows whose id, key or last node contains `text` (any case), in `state` when given. */
export function filterRows(rows: readonly VehicleRow[], text: string, state: OperatingState | undefined): VehicleRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (state === undefined || r.operatingState === state) &&
      (needle === '' ||
        r.serialNumber.toLowerCase().includes(needle) ||
        r.key.toLowerCase().includes(needle) ||
        (r.lastNodeId?.toLowerCase().includes(needle) ?? false)),
  );
}
