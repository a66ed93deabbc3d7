/**
 * The fleet packed for traffic prediction, as the control-room server sends it to a console: a little-endian u32
 * with the length of the JSON that follows (the pack's keys, round and clock), then the traffic buffer's bytes
 * (domain/trafficFrame.ts), which the console copies into its own shared buffer.
 */
import type { TrafficPack } from '../FleetFeed';

export function encodeTrafficBody(pack: TrafficPack, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(pack));
  const out = new Uint8Array(4 + json.length + bytes.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(bytes, 4 + json.length);
  return out;
}

/** Reads a body into `into` (the console's traffic buffer, the same layout) and returns the pack; throws naming what is wrong. */
export function decodeTrafficBody(body: Uint8Array, into: Uint8Array): TrafficPack {
  if (body.length < 4) throw new Error(`traffic pack of ${body.length} bytes: shorter than its length prefix`);
  const jsonLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0, true);
  if (4 + jsonLength > body.length) throw new Error(`traffic pack: its JSON of ${jsonLength} bytes runs past the ${body.length}-byte body`);
  const bytes = body.length - 4 - jsonLength;
  if (bytes !== into.length) throw new Error(`traffic pack of ${bytes} bytes for a buffer of ${into.length}: the server packed another layout`);
  const pack = JSON.parse(new TextDecoder().decode(body.subarray(4, 4 + jsonLength))) as Partial<TrafficPack>;
  if (!Array.isArray(pack.keys) || typeof pack.round !== 'number' || typeof pack.clockS !== 'number') {
    throw new Error('traffic pack: its JSON lacks keys, round or clockS');
  }
  into.set(body.subarray(4 + jsonLength));
  return { keys: pack.keys.map(String), round: pack.round, clockS: pack.clockS };
}
