/**
 * The source's vehicle rows for the 3D layers (follow, route, colour rules), kept in a plain object the layers read
 * in `useFrame`: updated when the source publishes (twice a second), never React state.
 */
import { useEffect, useMemo } from 'react';
import type { Observable } from 'rxjs';
import type { SourceState } from '../../telemetry/TelemetrySource';
import type { VehicleRow } from '../../telemetry/vehicleRow';

export interface FleetRowsRef {
  rows: readonly VehicleRow[];
  /** Bumped on each update, so a reader can skip unchanged rows. */
  version: number;
}

/** The key's frame slot in `ref`, or -1 when the source lists no such vehicle. */
export function slotOf(ref: FleetRowsRef, key: string | undefined): number {
  if (key === undefined) return -1;
  for (const r of ref.rows) if (r.key === key) return r.slot;
  return -1;
}

/** Follows `source.state$` into a {@link FleetRowsRef}. */
export function useFleetRowsRef(source: { readonly state$: Observable<SourceState> }): FleetRowsRef {
  const ref = useMemo<FleetRowsRef>(() => ({ rows: [], version: 0 }), [source]);
  useEffect(() => {
    const sub = source.state$.subscribe((s) => {
      if (!s.fleet || s.fleet.vehicles === ref.rows) return;
      ref.rows = s.fleet.vehicles;
      ref.version++;
    });
    return () => sub.unsubscribe();
  }, [source, ref]);
  return ref;
}
