/**
 * Per-frame writers from fleet buffers into instance matrices. They write the 4×4 column-major matrix
 * T(east, up, -north) · R_y(heading) · S(length, height, width) straight into the InstancedMesh's array: no
 * Object3D, no allocation, one pass (see bench: against the Object3D way in the same run).
 */
import type { InstancedMesh, Object3D } from 'three';
import { LOAD_KIND, LOAD_NONE, QUEUED_ON_ROAD, type VehicleBuffers } from '../../domain/fleetFrame';

export interface BoxSize {
  readonly length: number;
  readonly height: number;
  readonly width: number;
}

function writeMatrix(out: Float32Array, o: number, x: number, y: number, z: number, heading: number, s: BoxSize): void {
  const c = Math.cos(heading);
  const sn = Math.sin(heading);
  out[o] = c * s.length;
  out[o + 1] = 0;
  out[o + 2] = -sn * s.length;
  out[o + 3] = 0;
  out[o + 4] = 0;
  out[o + 5] = s.height;
  out[o + 6] = 0;
  out[o + 7] = 0;
  out[o + 8] = sn * s.width;
  out[o + 9] = 0;
  out[o + 10] = c * s.width;
  out[o + 11] = 0;
  out[o + 12] = x;
  out[o + 13] = y;
  out[o + 14] = z;
  out[o + 15] = 1;
}

/** Writes one matrix per vehicle; returns how many were written. */
export function writeVehicleMatrices(v: VehicleBuffers, size: BoxSize, out: Float32Array): number {
  const n = Math.min(v.count, out.length >> 4);
  for (let i = 0; i < n; i++) writeMatrix(out, i << 4, v.x[i]!, 0, -v.y[i]!, v.heading[i]!, size);
  return n;
}

/**
 * Writes a container matrix (and its RGB tint from `tints`, indexed by load kind) for each loaded vehicle,
 * stacked at `deckHeight`; returns how many containers were written. With `vehicleColours` (RGB per vehicle, a
 * data rule's colours) each container takes its vehicle's colour instead: seen from above, the container is most
 * of a loaded AGV.
 */
export function writeLoadMatrices(
  v: VehicleBuffers,
  size: BoxSize,
  deckHeight: number,
  tints: Float32Array,
  out: Float32Array,
  outColor: Float32Array,
  vehicleColours?: Float32Array,
): number {
  const cap = out.length >> 4;
  let k = 0;
  for (let i = 0; i < v.count && k < cap; i++) {
    const load = v.load[i]! & LOAD_KIND;
    if (load === LOAD_NONE) continue;
    writeMatrix(out, k << 4, v.x[i]!, deckHeight, -v.y[i]!, v.heading[i]!, size);
    const from = vehicleColours && vehicleColours.length >= i * 3 + 3 ? vehicleColours : tints;
    const o = from === tints ? load * 3 : i * 3;
    outColor[k * 3] = from[o]!;
    outColor[k * 3 + 1] = from[o + 1]!;
    outColor[k * 3 + 2] = from[o + 2]!;
    k++;
  }
  return k;
}

/**
 * Writes each vehicle's RGB: `onRoad` for a truck flagged QUEUED_ON_ROAD (waiting on the road beyond a full
 * holding area), `usual` otherwise; returns how many were written.
 */
export function writeQueueTints(v: VehicleBuffers, usual: Float32Array, onRoad: Float32Array, out: Float32Array): number {
  const n = Math.min(v.count, Math.floor(out.length / 3));
  for (let i = 0; i < n; i++) {
    const c = (v.load[i]! & QUEUED_ON_ROAD) !== 0 ? onRoad : usual;
    out[3 * i] = c[0]!;
    out[3 * i + 1] = c[1]!;
    out[3 * i + 2] = c[2]!;
  }
  return n;
}

/** The usual way, kept as the benchmark's baseline: an Object3D per write, `updateMatrix`, `setMatrixAt`. */
export function writeVehicleMatricesViaObject3D(v: VehicleBuffers, size: BoxSize, mesh: InstancedMesh, dummy: Object3D): number {
  const n = Math.min(v.count, mesh.instanceMatrix.count);
  for (let i = 0; i < n; i++) {
    dummy.position.set(v.x[i]!, 0, -v.y[i]!);
    dummy.rotation.set(0, v.heading[i]!, 0);
    dummy.scale.set(size.length, size.height, size.width);
    dummy.updateMatrix();
    mesh.setMatrixAt(i, dummy.matrix);
  }
  return n;
}
