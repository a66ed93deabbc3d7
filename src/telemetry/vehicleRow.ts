/**
 * One vehicle as every source reports it (simulation, live feed, replay), worked out once in the telemetry layer
 * ({@link FleetFeed}) so that the fleet list, the colour rules and the alerts read the same words and numbers.
 */
import type { AgvReport } from './vda5050/agvReport';

/**
 * What a vehicle is doing, in one word, in the order the fleet list sorts them: silent (`stale`) first, then a
 * fatal or critical error (`error`: the vehicle cannot go on by itself), paused, driving, standing at a charger
 * (`charging`), else standing (`idle`).
 */
export const OPERATING_STATES = ['driving', 'idle', 'charging', 'paused', 'error', 'stale'] as const;
export type OperatingState = (typeof OPERATING_STATES)[number];

/** The operating state from a vehicle's latest figures (see {@link OPERATING_STATES} for the precedence). */
export function operatingStateOf(v: {
  readonly stale: boolean;
  readonly fatals: number;
  readonly paused?: boolean | undefined;
  readonly driving?: boolean | undefined;
  readonly charging?: boolean | undefined;
}): OperatingState {
  if (v.stale) return 'stale';
  if (v.fatals > 0) return 'error';
  if (v.paused) return 'paused';
  if (v.driving) return 'driving';
  return v.charging ? 'charging' : 'idle';
}

/**
 * One line of the fleet list, with what the list and the alerts need so that neither asks the worker again.
 * Strings are the vehicle's own: show them as text.
 */
export interface VehicleRow {
  readonly key: string;
  readonly serialNumber: string;
  /**
   * Where this vehicle is drawn in the source's `frame.agvs` buffers (x[slot], y[slot] …), its own from its first
   * placed position for as long as the source runs; -1 while it is not drawn.
   */
  readonly slot: number;
  readonly stale: boolean;
  readonly operatingState: OperatingState;
  /** Zone frame (east, north, m) of its latest position; meaningful only when `placed`. */
  readonly placed: boolean;
  readonly x: number;
  readonly y: number;
  /** Ground speed, m/s (reported, or estimated from its last two positions); undefined until one of those is known. */
  readonly speedMps?: number;
  readonly batteryPercent?: number;
  readonly charging?: boolean;
  readonly paused?: boolean;
  readonly driving?: boolean;
  readonly loaded: boolean;
  /** Whether its latest state names an order (an `orderId`). */
  readonly hasOrder: boolean;
  /** Active errors: all, and by level (VDA 5050 2.1 has WARNING and FATAL; 3.0's URGENT counts as a warning, CRITICAL as fatal). */
  readonly errors: number;
  readonly warnings: number;
  readonly fatals: number;
  /** The worst active error as `type: description`, from the wire: show as text. */
  readonly topError?: string;
  readonly lastNodeId?: string;
}

/**
 * Everything known of one vehicle, for its panel: the list row, where it is on the map (zone frame; `placed` false
 * when its map is not in the scene), and its latest full state as decoded (loads, operating mode, errors by level,
 * safety, order, released and planned nodes and edges, action states). Strings are the vehicle's own: show as text.
 */
export interface VehicleDetail {
  readonly row: VehicleRow;
  readonly placed: boolean;
  readonly x: number;
  readonly y: number;
  readonly headingRad: number;
  readonly state?: AgvReport;
}
