/**
 * The per-frame fleet work in Node: writing N AGVs' instance matrices straight into the typed array, against
 * the Object3D + setMatrixAt way (the baseline) in the same run.
 */
import { BoxGeometry, InstancedMesh, MeshBasicMaterial, Object3D } from 'three';
import { vehicleBuffers } from '../src/domain/fleetFrame';
import { writeVehicleMatrices, writeVehicleMatricesViaObject3D } from '../src/view/fleet/writeInstances';
import { timeMedian, type Row } from './measure';

const SIZE = { length: 15.6, height: 1.6, width: 3 };

export function fleetWriteBench(counts: readonly number[]): Row[] {
  return counts.map((n) => {
    const v = vehicleBuffers(n);
    v.count = n;
    for (let i = 0; i < n; i++) {
      v.x[i] = (i % 100) * 20;
      v.y[i] = Math.floor(i / 100) * 20;
      v.heading[i] = (i % 628) / 100;
    }
    const mesh = new InstancedMesh(new BoxGeometry(), new MeshBasicMaterial(), n);
    const out = mesh.instanceMatrix.array as Float32Array;
    const dummy = new Object3D();
    const direct = timeMedian(() => {
      for (let i = 0; i < n; i++) v.heading[i] = v.heading[i]! + 0.001;
      writeVehicleMatrices(v, SIZE, out);
    }, 200);
    const naive = timeMedian(() => {
      for (let i = 0; i < n; i++) v.heading[i] = v.heading[i]! + 0.001;
      writeVehicleMatricesViaObject3D(v, SIZE, mesh, dummy);
    }, 200);
    return {
      group: 'fleet matrices (Node)',
      case: `${n.toLocaleString('en')} AGVs, direct vs Object3D`,
      value: direct,
      unit: 'ms',
      baseline: naive,
      goal: n === 10000 ? '< 2 ms' : undefined,
      pass: n === 10000 ? direct < 2 : undefined,
    };
  });
}
