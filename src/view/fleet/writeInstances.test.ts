import { InstancedMesh, BoxGeometry, MeshBasicMaterial, Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { LOAD_EXPORT, LOAD_IMPORT, LOAD_NONE, QUEUED_ON_ROAD, vehicleBuffers } from '../../domain/fleetFrame';
import { writeLoadMatrices, writeQueueTints, writeVehicleMatrices, writeVehicleMatricesViaObject3D } from './writeInstances';
import { seededRandom as rng } from '../../domain/random';

const SIZE = { length: 15.6, height: 1.6, width: 3 };

describe('writeVehicleMatrices', () => {
  it('writes the same matrices as Object3D.updateMatrix for any pose', () => {
    const r = rng(7);
    const n = 500;
    const v = vehicleBuffers(n);
    v.count = n;
    for (let i = 0; i < n; i++) {
      v.x[i] = (r() - 0.5) * 4000;
      v.y[i] = (r() - 0.5) * 4000;
      v.heading[i] = (r() - 0.5) * 20;
    }
    const direct = new Float32Array(n * 16);
    expect(writeVehicleMatrices(v, SIZE, direct)).toBe(n);
    const mesh = new InstancedMesh(new BoxGeometry(), new MeshBasicMaterial(), n);
    writeVehicleMatricesViaObject3D(v, SIZE, mesh, new Object3D());
    const reference = mesh.instanceMatrix.array as Float32Array;
    for (let k = 0; k < n * 16; k++) expect(direct[k]).toBeCloseTo(reference[k]!, 3);
  });

  it('maps east-north to three.js (x = east, z = -north) and faces the heading', () => {
    const v = vehicleBuffers(1);
    v.count = 1;
    v.x[0] = 10;
    v.y[0] = 20;
    v.heading[0] = Math.PI / 2; // due north
    const m = new Float32Array(16);
    writeVehicleMatrices(v, SIZE, m);
    expect([m[12], m[13], m[14]]).toEqual([10, 0, -20]);
    // The model's +X (forward) column points to -Z in three.js, which is north.
    expect(m[0]).toBeCloseTo(0, 5);
    expect(m[2]).toBeCloseTo(-SIZE.length, 5);
  });

  it('never writes past the output buffer', () => {
    const v = vehicleBuffers(10);
    v.count = 10;
    expect(writeVehicleMatrices(v, SIZE, new Float32Array(4 * 16))).toBe(4);
  });
});

describe('writeLoadMatrices', () => {
  it('writes one container per loaded vehicle, packed, with the tint of its load', () => {
    const v = vehicleBuffers(5);
    v.count = 5;
    v.load.set([LOAD_NONE, LOAD_EXPORT, LOAD_NONE, LOAD_IMPORT, LOAD_EXPORT]);
    for (let i = 0; i < 5; i++) v.x[i] = i * 100;
    const tints = new Float32Array([0, 0, 0, 1, 0.5, 0, 0, 0.7, 1]);
    const out = new Float32Array(5 * 16);
    const colours = new Float32Array(5 * 3);
    const n = writeLoadMatrices(v, { length: 12.19, height: 2.59, width: 2.44 }, 1.6, tints, out, colours);
    expect(n).toBe(3);
    expect([out[12], out[16 + 12], out[32 + 12]]).toEqual([100, 300, 400]);
    expect(out[13]).toBeCloseTo(1.6);
    expect(Array.from(colours.subarray(0, 9))).toEqual([1, 0.5, 0, 0, 0.7, 1, 1, 0.5, 0].map(Math.fround));
  });

  it("gives each container its vehicle's colour when a data rule colours the vehicles", () => {
    const v = vehicleBuffers(3);
    v.count = 3;
    v.load.set([LOAD_EXPORT, LOAD_NONE, LOAD_IMPORT]);
    const tints = new Float32Array([0, 0, 0, 1, 0.5, 0, 0, 0.7, 1]);
    const rule = new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    const colours = new Float32Array(9);
    expect(writeLoadMatrices(v, { length: 12.19, height: 2.59, width: 2.44 }, 1.6, tints, new Float32Array(3 * 16), colours, rule)).toBe(2);
    expect(Array.from(colours.subarray(0, 6))).toEqual([0.1, 0.2, 0.3, 0.7, 0.8, 0.9].map(Math.fround));
  });
});

describe('writeQueueTints', () => {
  it('tints the trucks waiting on the road beyond a full holding area, and their containers keep their load colour', () => {
    const v = vehicleBuffers(4);
    v.count = 3;
    v.load.set([LOAD_EXPORT | QUEUED_ON_ROAD, LOAD_NONE, QUEUED_ON_ROAD, LOAD_IMPORT]);
    const out = new Float32Array(4 * 3).fill(9);
    const red = new Float32Array([0.8, 0.1, 0.1]);
    expect(writeQueueTints(v, new Float32Array([1, 1, 1]), red, out)).toBe(3);
    expect(Array.from(out)).toEqual([0.8, 0.1, 0.1, 1, 1, 1, 0.8, 0.1, 0.1, 9, 9, 9].map(Math.fround));
    // The flag is not a load: an empty truck on the road carries no container, a loaded one its export tint.
    const tints = new Float32Array([0, 0, 0, 1, 0.5, 0, 0, 0.7, 1]);
    const colours = new Float32Array(9);
    expect(writeLoadMatrices(v, { length: 12.19, height: 2.59, width: 2.44 }, 1.6, tints, new Float32Array(3 * 16), colours)).toBe(1);
    expect(Array.from(colours.subarray(0, 3))).toEqual([1, 0.5, 0].map(Math.fround));
  });
});
