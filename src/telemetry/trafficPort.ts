/**
 * The {@link TrafficPort} of a source, over its engine's `attachTraffic` and `packTraffic` (in its worker). Only
 * where the page has `SharedArrayBuffer` (cross-origin isolated): prediction's three workers read one fleet buffer,
 * so without shared memory there is nothing to hand them, and the port is absent.
 */
import type { TrafficPack } from './FleetFeed';
import type { TrafficPort } from './TelemetrySource';

/** What the port needs of an engine handle: every call may cross to a worker. */
export interface TrafficEngineHandle {
  attachTraffic(buffer: SharedArrayBuffer, capacity: number, routeCap: number): Promise<void>;
  packTraffic(): Promise<TrafficPack>;
}

export function trafficPort(engine: TrafficEngineHandle): TrafficPort | undefined {
  if (typeof SharedArrayBuffer === 'undefined') return undefined;
  return {
    attach: (buffer, capacity, routeCap) => engine.attachTraffic(buffer, capacity, routeCap),
    pack: () => engine.packTraffic(),
  };
}
