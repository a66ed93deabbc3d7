import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, InstancedBufferAttribute, type InstancedMesh } from 'three';
import equipment from '../../data/equipment.json' with { type: 'json' };
import type { CraneCycles } from '../domain/craneCycles';
import type { Facility, Scene } from '../domain/sceneSchema';
import { useTwinStore } from '../store/useTwin';
import { craneProbe, craneRigs, craneScratch, writeCraneFrame, writeRunways, type ContainerSize, type CraneFrameOut } from './craneParts';
import type { PickTag } from './edit/pickTag';
import type { RenderStats } from './renderStats';
import { useModel } from './useModel';

const CONTAINER: ContainerSize = {
  lengthM: equipment.container40ft.lengthM,
  widthM: equipment.container40ft.widthM,
  heightM: equipment.container40ft.heightM,
};

function tintTable(): Float32Array {
  const t = new Float32Array(9);
  new Color(equipment.loadTint.export).toArray(t, 3);
  new Color(equipment.loadTint.import).toArray(t, 6);
  return t;
}

interface Props {
  readonly scene: Scene;
  readonly visible: boolean;
  /** The source's crane cycles, per facility; absent (the editor, a live fleet, a replay): cranes at rest. */
  readonly cycles: CraneCycles | undefined;
  readonly stats: RenderStats | undefined;
  readonly onPick: (facility: Facility) => void;
}

/**
 * Every crane of the scene, in parts that move through its cycle (craneParts.ts): one InstancedMesh per part —
 * runway, gantry, trolley, ropes, spreader, hanging containers — whatever the number of cranes, each frame posed
 * at the source's clock from its crane cycles (so cranes stop when the simulation pauses and run N× faster at N×),
 * with no allocation and no React state per frame. The gantry and the runway are picked as the crane.
 */
export function CraneLayer({ scene, visible, cycles, stats, onPick }: Props) {
  const runway = useModel('crane-runway');
  const gantry = useModel('crane');
  const trolley = useModel('crane-trolley');
  const ropes = useModel('crane-ropes');
  const spreader = useModel('crane-spreader');
  const box = useModel('container');
  const store = useTwinStore();
  const rigs = useMemo(() => craneRigs(scene, CONTAINER), [scene]);
  const n = rigs.length;
  const probe = useMemo(() => craneProbe(rigs), [rigs]);
  const scratch = useMemo(craneScratch, []);
  const tints = useMemo(tintTable, []);
  const containerColours = useMemo(() => new InstancedBufferAttribute(new Float32Array(Math.max(1, n) * 3), 3), [n]);
  const runwayRef = useRef<InstancedMesh>(null);
  const gantryRef = useRef<InstancedMesh>(null);
  const trolleyRef = useRef<InstancedMesh>(null);
  const ropesRef = useRef<InstancedMesh>(null);
  const spreaderRef = useRef<InstancedMesh>(null);
  const containerRef = useRef<InstancedMesh>(null);
  const outRef = useRef<CraneFrameOut | undefined>(undefined);
  const pick = useMemo<PickTag>(() => ({ kind: 'facility', ids: rigs.map((r) => r.id) }), [rigs]);

  useLayoutEffect(() => {
    if (!stats) return;
    stats.cranes = probe;
    return () => {
      if (stats.cranes === probe) stats.cranes = undefined;
    };
  }, [stats, probe]);

  useLayoutEffect(() => {
    const r = runwayRef.current;
    const g = gantryRef.current;
    if (!r || !g) return;
    writeRunways(rigs, r.instanceMatrix.array as Float32Array);
    r.instanceMatrix.needsUpdate = true;
    r.computeBoundingSphere();
    r.computeBoundingBox();
    // The gantries move along their runways: a ray is tested against the runways' sphere grown to the cranes' height.
    const sphere = r.boundingSphere!.clone();
    sphere.radius += Math.max(0, ...scene.facilities.map((f) => (f.kind === 'crane' ? f.footprint.height : 0)));
    g.boundingSphere = sphere;
  }, [rigs, scene]);

  useFrame(() => {
    const g = gantryRef.current;
    const t = trolleyRef.current;
    const r = ropesRef.current;
    const s = spreaderRef.current;
    const c = containerRef.current;
    if (!g || !t || !r || !s || !c) return;
    // The meshes' arrays, gathered again only when the meshes are made anew (a scene with another crane count).
    let out = outRef.current;
    if (!out || out.gantry !== g.instanceMatrix.array || out.container !== c.instanceMatrix.array || out.containerColour !== containerColours.array) {
      out = outRef.current = {
        gantry: g.instanceMatrix.array as Float32Array,
        trolley: t.instanceMatrix.array as Float32Array,
        ropes: r.instanceMatrix.array as Float32Array,
        spreader: s.instanceMatrix.array as Float32Array,
        container: c.instanceMatrix.array as Float32Array,
        containerColour: containerColours.array as Float32Array,
      };
    }
    c.count = writeCraneFrame(rigs, cycles, CONTAINER, tints, scratch, out, probe);
    g.instanceMatrix.needsUpdate = true;
    t.instanceMatrix.needsUpdate = true;
    r.instanceMatrix.needsUpdate = true;
    s.instanceMatrix.needsUpdate = true;
    c.instanceMatrix.needsUpdate = true;
    containerColours.needsUpdate = true;
  });

  const at = (e: ThreeEvent<PointerEvent | MouseEvent>) => (e.instanceId === undefined ? undefined : scene.facilities[rigs[e.instanceId]?.facility ?? -1]);
  const pointer = {
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      if (!visible) return;
      e.stopPropagation();
      const f = at(e);
      if (f) store.getState().hover(f.id);
      document.body.style.cursor = 'pointer';
    },
    onPointerOut: () => {
      store.getState().hover(undefined);
      document.body.style.cursor = '';
    },
    onClick: (e: ThreeEvent<MouseEvent>) => {
      if (!visible) return;
      e.stopPropagation();
      const f = at(e);
      if (f) onPick(f);
    },
  };
  const count = Math.max(1, n);
  return (
    <group name="facilities:crane" visible={visible}>
      <instancedMesh
        key={`runway${n}`}
        ref={runwayRef}
        args={[runway.geometry, runway.material, n]}
        name="crane-runways"
        userData={{ pick }}
        {...pointer}
      />
      <instancedMesh
        key={`gantry${n}`}
        ref={gantryRef}
        args={[gantry.geometry, gantry.material, n]}
        name="crane-gantries"
        userData={{ pick }}
        {...pointer}
      />
      <instancedMesh key={`trolley${n}`} ref={trolleyRef} args={[trolley.geometry, trolley.material, count]} frustumCulled={false} name="crane-trolleys" />
      <instancedMesh key={`ropes${n}`} ref={ropesRef} args={[ropes.geometry, ropes.material, count]} frustumCulled={false} name="crane-ropes" />
      <instancedMesh
        key={`spreader${n}`}
        ref={spreaderRef}
        args={[spreader.geometry, spreader.material, count]}
        frustumCulled={false}
        name="crane-spreaders"
      />
      <instancedMesh
        key={`container${n}`}
        ref={containerRef}
        args={[box.geometry, box.material, count]}
        instanceColor={containerColours}
        frustumCulled={false}
        name="crane-containers"
      />
    </group>
  );
}
