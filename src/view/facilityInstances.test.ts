import { Matrix4, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { Facility } from '../domain/sceneSchema';
import { facilityInstances } from './facilityInstances';

const sourced = (value: number) => ({ value, source: 'test' });

function road(lanes: number, length: number, rotation: number): Facility {
  return {
    id: 'r',
    kind: 'road',
    side: 'VN',
    footprint: { position: [100, 200], rotation, size: [length, lanes * 3.5], height: 0.3 },
    lanes,
    laneWidthM: sourced(3.5),
  };
}

function centres(m: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  const v = new Vector3();
  for (let k = 0; k < m.length / 16; k++) {
    v.setFromMatrixPosition(new Matrix4().fromArray(m, k * 16));
    out.push([v.x, -v.z]);
  }
  return out;
}

describe('facilityInstances', () => {
  it('places one scaled instance per facility for kinds other than road', () => {
    const cam: Facility = {
      id: 'c',
      kind: 'camera',
      side: 'VN',
      footprint: { position: [5, -7], rotation: 0, size: [1, 1], height: 12 },
      mountHeightM: 12,
      headingRad: 0,
      fieldOfViewRad: 1,
      rangeM: 100,
    };
    const { matrices, owner } = facilityInstances([cam]);
    expect(Array.from(owner)).toEqual([0]);
    const m = new Matrix4().fromArray(matrices);
    const scale = new Vector3().setFromMatrixScale(m);
    expect([scale.x, scale.y, scale.z]).toEqual([1, 12, 1]);
    expect(centres(matrices)).toEqual([[5, -7]]);
  });

  it('tiles a road lane by lane, covering its footprint, all owned by the road', () => {
    const r = road(14, 480, Math.PI / 2);
    const { matrices, owner } = facilityInstances([r]);
    expect(owner.length).toBe(14 * 20);
    expect(owner.every((o) => o === 0)).toBe(true);
    const c = centres(matrices);
    // Running north: tiles spread 480 m along north and 49 m across east, centred on the footprint.
    const easts = c.map((p) => p[0]);
    const norths = c.map((p) => p[1]);
    expect(Math.min(...norths)).toBeCloseTo(200 - 240 + 12, 3);
    expect(Math.max(...norths)).toBeCloseTo(200 + 240 - 12, 3);
    expect(Math.min(...easts)).toBeCloseTo(100 - 24.5 + 1.75, 3);
    expect(Math.max(...easts)).toBeCloseTo(100 + 24.5 - 1.75, 3);
    const mean = c.reduce((s, p) => [s[0] + p[0] / c.length, s[1] + p[1] / c.length], [0, 0]);
    expect(mean[0]).toBeCloseTo(100, 3);
    expect(mean[1]).toBeCloseTo(200, 3);
  });
});
