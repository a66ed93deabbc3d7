import { Matrix4, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { CRANE_AGV_TO_STACK, craneCycles } from '../domain/craneCycles';
import { CRANE_LIFT_SHARE, CRANE_PHASE_ENDS } from '../domain/craneCyclePose';
import { LOAD_IMPORT } from '../domain/fleetFrame';
import { loadScene } from '../sim/testScenes';
import { craneProbe, craneRigs, craneScratch, writeCraneFrame, writeRunways, type CraneFrameOut } from './craneParts';
import { facilityInstances } from './facilityInstances';

const scene = loadScene('scenes/1119-1120/2030.json');
const CONTAINER = { lengthM: 12.19, widthM: 2.44, heightM: 2.59 };
const rigs = craneRigs(scene, CONTAINER);
const TINTS = new Float32Array([1, 1, 1, 0.9, 0.4, 0.1, 0.2, 0.7, 0.9]);

function frameOut(n: number): CraneFrameOut {
  return {
    gantry: new Float32Array(16 * n),
    trolley: new Float32Array(16 * n),
    ropes: new Float32Array(16 * n),
    spreader: new Float32Array(16 * n),
    container: new Float32Array(16 * n),
    containerColour: new Float32Array(3 * n),
  };
}
const centre = (m: Float32Array, k: number) => new Vector3(0, 0, 0).applyMatrix4(new Matrix4().fromArray(m, 16 * k));

describe('crane parts', () => {
  it('lay each runway over its crane’s footprint, as the single crane model was', () => {
    const cranes = scene.facilities.filter((f) => f.kind === 'crane');
    expect(rigs.map((r) => r.id)).toEqual(cranes.map((f) => f.id));
    const runways = new Float32Array(16 * rigs.length);
    writeRunways(rigs, runways);
    const before = facilityInstances(cranes).matrices;
    for (let k = 0; k < rigs.length; k++) {
      // Same place and turn, the full runway's length; the runway's rails and buffers span 28.4 m of the design's 30.
      for (const i of [0, 2, 12, 13, 14]) expect(runways[16 * k + i]!).toBeCloseTo(before[16 * k + i]!, 3);
      for (const i of [8, 10]) expect(runways[16 * k + i]!).toBeCloseTo((before[16 * k + i]! * 28.4) / 30, 3);
    }
  });

  it('leave room for the gantry on its runway and for a hanging container between the legs', () => {
    const r = rigs[0]!;
    // 80 m runway, gantry 20 m of the design's 60 → 26.7 m long; 36 m span: legs' inner faces at ±15.24 m.
    expect(r.site.reachU).toBeCloseTo(40 - 10 * (80 / 60), 6);
    expect(r.site.reachV).toBeCloseTo(12.7 * 1.2 - 12.19 / 2 - 0.5, 6);
    expect(r.site.travelM).toBeGreaterThan(4 * 2.59 + 2.59);
    expect(r.site.travelM).toBeLessThan(r.trolleyM);
  });

  it('stand at rest without crane data: gantry mid-runway, trolley centred, nothing hanging', () => {
    const out = frameOut(rigs.length);
    const probe = craneProbe(rigs);
    expect(writeCraneFrame(rigs, undefined, CONTAINER, TINTS, craneScratch(), out, probe)).toBe(0);
    const r = rigs[3]!;
    const g = centre(out.gantry, 3);
    expect([g.x, -g.z]).toEqual([expect.closeTo(r.site.x, 3), expect.closeTo(r.site.y, 3)]);
    expect(Array.from(probe.phase).every((p) => p === -1)).toBe(true);
  });

  it('move a working crane’s parts to its pose at the source’s clock, and hang its container in its leg’s colour', () => {
    const f = rigs[2]!.facility;
    const cycles = craneCycles(scene.facilities.length);
    const bay = scene.lanes.nodes.find((n) => n.serves === rigs[2]!.id)!;
    cycles.move[f] = CRANE_AGV_TO_STACK;
    cycles.durationS[f] = 45;
    cycles.handoverX[f] = bay.position[0];
    cycles.handoverY[f] = bay.position[1];
    cycles.cycle[f] = 5;
    cycles.load[f] = LOAD_IMPORT;
    cycles.clockS = 7200;
    const out = frameOut(rigs.length);
    const probe = craneProbe(rigs);
    // Half-way through the first phase: on the way to the AGV, empty.
    cycles.elapsedS[f] = (45 * CRANE_PHASE_ENDS[0]!) / 2;
    expect(writeCraneFrame(rigs, cycles, CONTAINER, TINTS, craneScratch(), out, probe)).toBe(0);
    expect(probe.phase[2]).toBe(0);
    expect(probe.startS[2]).toBeCloseTo(7200 - cycles.elapsedS[f]!, 6);
    const pickU = probe.path[9 * 2]!;
    expect(probe.gantryM[2]).toBeCloseTo(pickU / 2, 3);
    // Just after the grip: hoisting the container, which hangs below the spreader.
    cycles.elapsedS[f] = 45 * CRANE_LIFT_SHARE + 1;
    expect(writeCraneFrame(rigs, cycles, CONTAINER, TINTS, craneScratch(), out, probe)).toBe(1);
    expect(Array.from(out.containerColour.subarray(0, 3))).toEqual(Array.from(TINTS.subarray(6, 9)));
    const spreader = centre(out.spreader, 2);
    const box = centre(out.container, 0);
    expect(spreader.y - box.y).toBeCloseTo(2.59, 3);
    expect(Math.hypot(spreader.x - box.x, spreader.z - box.z)).toBeLessThan(1e-3);
    // The gantry stands over the AGV's bay while it hoists.
    const g = centre(out.gantry, 2);
    const s = rigs[2]!.site;
    expect((g.x - s.x) * s.cos + (-g.z - s.y) * s.sin).toBeCloseTo(pickU, 3);
  });
});
