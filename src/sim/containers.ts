/**
 * Every container of a run, in typed arrays shared by the trucks' side and the AGVs' side of the simulation: one
 * per export drop and one per import pick-up, with its leg (0 export, 1 import), the truck it belongs to, and
 * where it is.
 */
export const C_PENDING = 0;
export const C_IN_ORIGIN = 1;
export const C_ON_AGV = 2;
export const C_IN_DESTINATION = 3;

export const LEG_EXPORT = 0;
export const LEG_IMPORT = 1;

export interface Containers {
  count: number;
  readonly leg: Uint8Array;
  readonly truck: Int32Array;
  readonly state: Uint8Array;
}

export function containers(capacity: number): Containers {
  return { count: 0, leg: new Uint8Array(capacity), truck: new Int32Array(capacity).fill(-1), state: new Uint8Array(capacity) };
}

export function newContainer(c: Containers, leg: number, truck: number): number {
  const k = c.count++;
  c.leg[k] = leg;
  c.truck[k] = truck;
  c.state[k] = C_PENDING;
  return k;
}
