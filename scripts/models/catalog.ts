/**
 * The models the generator writes: file name, typical real size (the proportions
 * each model is designed for) and triangle budget. The app scales each unit-box
 * model by the (width, height, depth) of the object it stands for.
 */
import type { ModelBuilder } from './primitives';
import { exportStorage, importStorage } from './yards';
import { adminBuilding, barrier, camera, scannerBay } from './gate';
import { crane, craneRopes, craneRunway, craneSpreader, craneTrolley } from './crane';
import { agvCharging, road, truckHolding } from './sites';
import { agv, container, truck } from './vehicles';

export interface ModelSpec {
  /** File name without `.glb`; also the mesh name. */
  name: string;
  /** Width (x) x height (y) x depth (z) in metres the model is designed for. */
  designSize: readonly [number, number, number];
  /** Upper bound on triangles (facilities ~5,000; instanced vehicles and loads 500). */
  maxTriangles: number;
  make: () => ModelBuilder;
}

const FACILITY_MAX_TRIANGLES = 5000;
const INSTANCE_MAX_TRIANGLES = 500;
/** The crane's moving parts and runway, one instance each per crane beside its gantry (the `crane` model). */
const CRANE_PART_MAX_TRIANGLES = 1000;

const facility = (name: string, designSize: ModelSpec['designSize'], make: () => ModelBuilder): ModelSpec => ({
  name,
  designSize,
  maxTriangles: FACILITY_MAX_TRIANGLES,
  make,
});
const cranePart = (name: string, designSize: ModelSpec['designSize'], make: () => ModelBuilder): ModelSpec => ({
  name,
  designSize,
  maxTriangles: CRANE_PART_MAX_TRIANGLES,
  make,
});
const instanced = (name: string, designSize: ModelSpec['designSize'], make: () => ModelBuilder): ModelSpec => ({
  name,
  designSize,
  maxTriangles: INSTANCE_MAX_TRIANGLES,
  make,
});

export const MODELS: readonly ModelSpec[] = [
  facility('import-storage', [200, 14, 80], importStorage),
  facility('export-storage', [200, 14, 80], exportStorage),
  facility('scanner-bay', [30, 8, 12], scannerBay),
  facility('admin-building', [60, 16, 25], adminBuilding),
  facility('barrier', [8, 3, 1.5], barrier),
  facility('camera', [1, 10, 1], camera),
  facility('crane', [20, 24.75, 30], crane),
  facility('agv-charging', [40, 5, 20], agvCharging),
  facility('truck-holding', [150, 4, 60], truckHolding),
  facility('road', [24, 0.3, 3.5], road),
  cranePart('crane-runway', [60, 1.2, 28.4], craneRunway),
  cranePart('crane-trolley', [9.6, 1.9, 7], craneTrolley),
  cranePart('crane-ropes', [1.9, 1, 3.7], craneRopes),
  cranePart('crane-spreader', [2.44, 1.5, 12.2], craneSpreader),
  instanced('agv', [15, 1.6, 3], agv),
  instanced('truck', [16.5, 4, 2.5], truck),
  instanced('container', [12.19, 2.59, 2.44], container),
];
