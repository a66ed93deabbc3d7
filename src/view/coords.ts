/**
 * The zone frame is [east, north, up]; three.js is Y-up and right-handed, so world = (east, up, -north).
 * A rotation θ counter-clockwise from east (seen from above) is a rotation of θ about three's +Y.
 */
import { Vector3 } from 'three';

export function enuToWorld(east: number, north: number, up = 0, out = new Vector3()): Vector3 {
  return out.set(east, up, -north);
}

export function worldToEn(v: Vector3): [number, number] {
  return [v.x, -v.z];
}
