/**
 * What traffic prediction's collision side is set up with, once, from the scene and `data/`: the lane nodes'
 * positions, the AGV's size, and the figures of data/safety.json, data/traffic.json and data/operations.json.
 */

/** The scene's lane network as prediction reads it: node positions (zone frame, m), by lane node index. */
export interface TrafficLanes {
  readonly nodes: readonly { readonly position: readonly [number, number] }[];
}

export interface TrafficAgv {
  readonly lengthM: number;
  readonly widthM: number;
}

export interface TrafficParams {
  /** Near-miss clearance (m, data/safety.json): footprints closer than this meet. */
  readonly clearanceM: number;
  /** A predicted time is ±(fixedS + perSecondAhead × the time ahead) (data/traffic.json). */
  readonly fixedS: number;
  readonly perSecondAhead: number;
  /** Slower than this an AGV stands (m/s, data/traffic.json). */
  readonly standingSpeedMps: number;
  /** An AGV standing longer than this blocks the routes through it (s, data/operations.json alerts). */
  readonly waitingTooLongS: number;
}

/** Throws a RangeError naming the first parameter that is not a finite number ≥ 0 (size: > 0). */
export function checkTrafficSetup(agv: TrafficAgv, params: TrafficParams): void {
  for (const [name, v] of [
    ['agv.lengthM', agv.lengthM],
    ['agv.widthM', agv.widthM],
  ] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`${name} must be a positive number of metres, got ${v}`);
  }
  for (const name of ['clearanceM', 'fixedS', 'perSecondAhead', 'standingSpeedMps', 'waitingTooLongS'] as const) {
    const v = params[name];
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`params.${name} must be a finite number ≥ 0, got ${v}`);
  }
}

/** The set-up every traffic pass reads: lane node positions unpacked once, the AGV's size and the figures. */
export interface TrafficSetup {
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  readonly agv: TrafficAgv;
  readonly params: TrafficParams;
}

/** Checks and packs the set-up; throws naming the first bad figure or lane node. */
export function trafficSetup(lanes: TrafficLanes, agv: TrafficAgv, params: TrafficParams): TrafficSetup {
  checkTrafficSetup(agv, params);
  const n = lanes.nodes.length;
  const nodeX = new Float64Array(n);
  const nodeY = new Float64Array(n);
  lanes.nodes.forEach((node, i) => {
    const [x, y] = node.position;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`lanes.nodes[${i}].position must be two finite numbers, got [${x}, ${y}]`);
    nodeX[i] = x;
    nodeY[i] = y;
  });
  return { nodeX, nodeY, agv, params };
}
