/**
 * The latest poses of every moving thing, in typed arrays owned by the source that fills them. The view reads
 * them inside `useFrame`; nothing here is React state, so a frame of hundreds of vehicles re-renders nothing.
 */
export const LOAD_NONE = 0;
export const LOAD_EXPORT = 1;
export const LOAD_IMPORT = 2;
/** The load kind's bits of `load`; the bits above flag the vehicle. */
export const LOAD_KIND = 3;
/**
 * A flag on a truck's `load`: it waits on the approach road beyond a full holding area (the spill-back), drawn
 * tinted so the queue shows. Read the load kind as `load & LOAD_KIND`.
 */
export const QUEUED_ON_ROAD = 4;

export interface VehicleBuffers {
  count: number;
  /** East, north (metres) and heading (radians, counter-clockwise from east). */
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly heading: Float32Array;
  /** LOAD_NONE, LOAD_EXPORT or LOAD_IMPORT, a truck's with QUEUED_ON_ROAD or'ed in when it stands in a spill-back. */
  readonly load: Uint8Array;
}

export interface FleetFrame {
  readonly agvs: VehicleBuffers;
  readonly trucks: VehicleBuffers;
  /** Bumped whenever the buffers change, so a reader can skip unchanged frames. */
  version: number;
}

export function vehicleBuffers(capacity: number): VehicleBuffers {
  return {
    count: 0,
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    heading: new Float32Array(capacity),
    load: new Uint8Array(capacity),
  };
}

export function fleetFrame(agvCapacity: number, truckCapacity: number): FleetFrame {
  return { agvs: vehicleBuffers(agvCapacity), trucks: vehicleBuffers(truckCapacity), version: 0 };
}
