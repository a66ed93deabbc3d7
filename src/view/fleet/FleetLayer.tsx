import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { Color, InstancedBufferAttribute, Object3D, type InstancedMesh } from 'three';
import equipment from '../../../data/equipment.json' with { type: 'json' };
import type { Scene } from '../../domain/sceneSchema';
import type { FleetFrame } from '../../domain/fleetFrame';
import type { RenderStats } from '../renderStats';
import type { AgvTint } from './agvTint';
import { useModel } from '../useModel';
import { writeLoadMatrices, writeQueueTints, writeVehicleMatrices, writeVehicleMatricesViaObject3D, type BoxSize } from './writeInstances';

/**
 * What the view reads of a source: the latest frame (the source keeps its own clock; the view never moves it), and
 * whom to tell of each display frame (the source's owner paces the source by the frames drawn).
 */
export interface FleetSource {
  readonly frame: FleetFrame;
  /** Called at the start of each display frame, before it is drawn; allocates nothing. */
  readonly onDisplayFrame?: () => void;
  /** Per-AGV colours of a data rule (operations console); the model's own colours when absent. */
  readonly agvTint?: AgvTint;
}

export type MatrixMethod = 'direct' | 'object3d';

const CONTAINER: BoxSize = {
  length: equipment.container40ft.lengthM,
  height: equipment.container40ft.heightM,
  width: equipment.container40ft.widthM,
};

const WHITE = new Float32Array([1, 1, 1]);
const ON_ROAD = new Color(equipment.queueTint.onRoad).toArray(new Float32Array(3)) as Float32Array;

function tintTable(): Float32Array {
  const t = new Float32Array(9);
  new Color(equipment.loadTint.export).toArray(t, 3);
  new Color(equipment.loadTint.import).toArray(t, 6);
  return t;
}

/**
 * AGVs, trucks and their containers: three InstancedMeshes filled from the source's typed buffers in
 * `useFrame`, with no allocation and no React state per frame. AGVs take the source's data-rule colours
 * ({@link AgvTint}) when it has them, copied only when they change; while a rule is on, so do their containers.
 */
export function FleetLayer({
  scene,
  source,
  stats: renderStats,
  method = 'direct',
}: {
  scene: Scene;
  source: FleetSource;
  stats: RenderStats;
  method?: MatrixMethod;
}) {
  const agv = useModel('agv');
  const truck = useModel('truck');
  const box = useModel('container');
  const agvRef = useRef<InstancedMesh>(null);
  const truckRef = useRef<InstancedMesh>(null);
  const loadRef = useRef<InstancedMesh>(null);
  const { agvs, trucks } = source.frame;
  const loadCapacity = Math.max(1, agvs.x.length + trucks.x.length);
  const sizes = useMemo(() => {
    const a = scene.fleet.agv;
    const t = scene.fleet.truck;
    return {
      agv: { length: a.lengthM.value, height: a.heightM.value, width: a.widthM.value },
      truck: { length: t.lengthM.value, height: t.heightM.value, width: t.widthM.value },
      agvDeck: a.heightM.value,
      truckDeck: Math.max(0, t.heightM.value - CONTAINER.height),
    };
  }, [scene]);
  const tints = useMemo(tintTable, []);
  const loadColors = useMemo(() => new InstancedBufferAttribute(new Float32Array(loadCapacity * 3), 3), [loadCapacity]);
  // Trucks keep the model's colours (white multiplies nothing) but those in a spill-back on the road, tinted.
  const truckColors = useMemo(() => new InstancedBufferAttribute(new Float32Array(Math.max(1, trucks.x.length) * 3).fill(1), 3), [trucks.x.length]);
  const agvColors = useMemo(() => new InstancedBufferAttribute(new Float32Array(Math.max(1, agvs.x.length) * 3).fill(1), 3), [agvs.x.length]);
  const tintSeen = useRef(-1);
  const dummy = useMemo(() => new Object3D(), []);

  useFrame(() => {
    const a = agvRef.current;
    const t = truckRef.current;
    const c = loadRef.current;
    if (!a || !t || !c) return;
    source.onDisplayFrame?.();
    const t0 = performance.now();
    a.count =
      method === 'direct'
        ? writeVehicleMatrices(agvs, sizes.agv, a.instanceMatrix.array as Float32Array)
        : writeVehicleMatricesViaObject3D(agvs, sizes.agv, a, dummy);
    t.count = writeVehicleMatrices(trucks, sizes.truck, t.instanceMatrix.array as Float32Array);
    writeQueueTints(trucks, WHITE, ON_ROAD, truckColors.array as Float32Array);
    truckColors.needsUpdate = true;
    const colors = loadColors.array as Float32Array;
    const matrices = c.instanceMatrix.array as Float32Array;
    const tint = source.agvTint;
    const onAgvs = writeLoadMatrices(agvs, CONTAINER, sizes.agvDeck, tints, matrices, colors, tint?.active ? tint.colours : undefined);
    const onTrucks = writeLoadMatrices(trucks, CONTAINER, sizes.truckDeck, tints, matrices.subarray(onAgvs * 16), colors.subarray(onAgvs * 3));
    c.count = onAgvs + onTrucks;
    if (tint && tint.version !== tintSeen.current) {
      tintSeen.current = tint.version;
      const out = agvColors.array as Float32Array;
      out.set(tint.colours.length > out.length ? tint.colours.subarray(0, out.length) : tint.colours);
      agvColors.needsUpdate = true;
    }
    a.instanceMatrix.needsUpdate = true;
    t.instanceMatrix.needsUpdate = true;
    c.instanceMatrix.needsUpdate = true;
    loadColors.needsUpdate = true;
    const ms = performance.now() - t0;
    renderStats.fleetJsMs = ms;
    renderStats.fleetJsMsTotal += ms;
    renderStats.fleetJsSamples++;
    renderStats.agvsDrawn = a.count;
    renderStats.trucksDrawn = t.count;
    renderStats.containersDrawn = c.count;
  });

  return (
    <group name="fleet">
      <instancedMesh
        key={`agv${agvs.x.length}`}
        ref={agvRef}
        args={[agv.geometry, agv.material, Math.max(1, agvs.x.length)]}
        instanceColor={agvColors}
        frustumCulled={false}
        name="agvs"
      />
      <instancedMesh
        key={`truck${trucks.x.length}`}
        ref={truckRef}
        args={[truck.geometry, truck.material, Math.max(1, trucks.x.length)]}
        instanceColor={truckColors}
        frustumCulled={false}
        name="trucks"
      />
      <instancedMesh
        key={`load${loadCapacity}`}
        ref={loadRef}
        args={[box.geometry, box.material, loadCapacity]}
        instanceColor={loadColors}
        frustumCulled={false}
        name="containers"
      />
    </group>
  );
}
