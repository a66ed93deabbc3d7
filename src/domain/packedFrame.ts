/**
 * One frame of a telemetry source packed into a single Float32Array. The engine packs it, in its worker, into a
 * buffer it shares with the main thread (a SharedArrayBuffer: the page is cross-origin isolated), so a frame
 * crosses threads without a copy, a structured clone of objects or an allocation; the main thread unpacks it once
 * the engine's call has returned. Without shared memory (a page that is not isolated) the simulation's source asks
 * for a copy of the buffer instead (`frameCopy`); the live and replay sources require it.
 *
 *   [clockS, agvCount, truckCount, alertCount,
 *    agvs   × agvCapacity   (x, y, heading, load),
 *    trucks × truckCapacity (x, y, heading, load),
 *    busy   × facilityCount (1 while the facility works),
 *    alerts × MAX_ALERTS    (x, y, kind, age in s),
 *    cranes × facilityCount (CRANE_FLOATS each: the move under way and its cycle, craneCycles.ts)]
 */
import { CRANE_FLOATS, packCraneCycles, unpackCraneCycles, type CraneCycles } from './craneCycles';
import type { FleetFrame, VehicleBuffers } from './fleetFrame';

export const MAX_ALERTS = 64;
const HEADER = 4;

export interface FrameLayout {
  readonly agvCapacity: number;
  readonly truckCapacity: number;
  readonly facilityCount: number;
}

/** Collision alerts of the recent past, for highlighting: positions, kind (1 contact, 2 near miss), age. */
export interface AlertBuffers {
  count: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly kind: Uint8Array;
  readonly ageS: Float32Array;
}

export function alertBuffers(): AlertBuffers {
  return {
    count: 0,
    x: new Float32Array(MAX_ALERTS),
    y: new Float32Array(MAX_ALERTS),
    kind: new Uint8Array(MAX_ALERTS),
    ageS: new Float32Array(MAX_ALERTS),
  };
}

export function packedLength(l: FrameLayout): number {
  return HEADER + 4 * l.agvCapacity + 4 * l.truckCapacity + l.facilityCount + 4 * MAX_ALERTS + CRANE_FLOATS * l.facilityCount;
}

function cranesAt(l: FrameLayout): number {
  return HEADER + 4 * l.agvCapacity + 4 * l.truckCapacity + l.facilityCount + 4 * MAX_ALERTS;
}

function packVehicles(v: VehicleBuffers, out: Float32Array, at: number): void {
  for (let i = 0; i < v.count; i++) {
    const o = at + 4 * i;
    out[o] = v.x[i]!;
    out[o + 1] = v.y[i]!;
    out[o + 2] = v.heading[i]!;
    out[o + 3] = v.load[i]!;
  }
}

function unpackVehicles(src: Float32Array, at: number, count: number, v: VehicleBuffers): void {
  v.count = Math.min(count, v.x.length);
  for (let i = 0; i < v.count; i++) {
    const o = at + 4 * i;
    v.x[i] = src[o]!;
    v.y[i] = src[o + 1]!;
    v.heading[i] = src[o + 2]!;
    v.load[i] = src[o + 3]!;
  }
}

/** Packs one frame into `out`; without `cranes` (a source that knows no crane cycles) every crane is packed at rest. */
export function packFrame(
  l: FrameLayout,
  clockS: number,
  frame: FleetFrame,
  busy: Uint8Array,
  alerts: AlertBuffers,
  out: Float32Array,
  cranes?: CraneCycles,
): void {
  out[0] = clockS;
  out[1] = frame.agvs.count;
  out[2] = frame.trucks.count;
  out[3] = alerts.count;
  packVehicles(frame.agvs, out, HEADER);
  packVehicles(frame.trucks, out, HEADER + 4 * l.agvCapacity);
  const b = HEADER + 4 * l.agvCapacity + 4 * l.truckCapacity;
  for (let k = 0; k < l.facilityCount; k++) out[b + k] = busy[k]!;
  const a = b + l.facilityCount;
  for (let k = 0; k < alerts.count; k++) {
    out[a + 4 * k] = alerts.x[k]!;
    out[a + 4 * k + 1] = alerts.y[k]!;
    out[a + 4 * k + 2] = alerts.kind[k]!;
    out[a + 4 * k + 3] = alerts.ageS[k]!;
  }
  packCraneCycles(l.facilityCount, cranes, out, cranesAt(l));
}

/** Unpacks into the receiver's buffers (the crane cycles only for a receiver that draws them); returns the frame's clock (s). */
export function unpackFrame(l: FrameLayout, src: Float32Array, frame: FleetFrame, busy: Uint8Array, alerts: AlertBuffers, cranes?: CraneCycles): number {
  unpackVehicles(src, HEADER, src[1]!, frame.agvs);
  unpackVehicles(src, HEADER + 4 * l.agvCapacity, src[2]!, frame.trucks);
  const b = HEADER + 4 * l.agvCapacity + 4 * l.truckCapacity;
  for (let k = 0; k < l.facilityCount; k++) busy[k] = src[b + k]!;
  const a = b + l.facilityCount;
  alerts.count = Math.min(src[3]!, MAX_ALERTS);
  for (let k = 0; k < alerts.count; k++) {
    alerts.x[k] = src[a + 4 * k]!;
    alerts.y[k] = src[a + 4 * k + 1]!;
    alerts.kind[k] = src[a + 4 * k + 2]!;
    alerts.ageS[k] = src[a + 4 * k + 3]!;
  }
  if (cranes) unpackCraneCycles(l.facilityCount, src, cranesAt(l), src[0]!, cranes);
  frame.version++;
  return src[0]!;
}
