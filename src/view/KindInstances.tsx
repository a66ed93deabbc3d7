import type { ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { Euler, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three';
import type { Facility, FacilityKind } from '../domain/sceneSchema';
import { useTwinStore } from '../store/useTwin';
import { useModel } from './useModel';

interface Props {
  readonly kind: FacilityKind;
  readonly facilities: readonly Facility[];
  readonly visible: boolean;
  readonly onPick: (facility: Facility) => void;
}

/** Every facility of one kind as one InstancedMesh of that kind's model, scaled to each footprint. */
export function KindInstances({ kind, facilities, visible, onPick }: Props) {
  const { geometry, material } = useModel(kind);
  const ref = useRef<InstancedMesh>(null);
  const store = useTwinStore();

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    const q = new Quaternion();
    const e = new Euler();
    const p = new Vector3();
    const s = new Vector3();
    facilities.forEach((f, i) => {
      const { position, rotation, size, height } = f.footprint;
      m.compose(p.set(position[0], 0, -position[1]), q.setFromEuler(e.set(0, rotation, 0)), s.set(size[0], height, size[1]));
      mesh.setMatrixAt(i, m);
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    mesh.computeBoundingBox();
  }, [facilities]);

  const at = (e: ThreeEvent<PointerEvent | MouseEvent>) => (e.instanceId === undefined ? undefined : facilities[e.instanceId]);

  return (
    <instancedMesh
      key={facilities.length}
      ref={ref}
      args={[geometry, material, facilities.length]}
      visible={visible}
      name={`facilities:${kind}`}
      onPointerMove={(e) => {
        if (!visible) return;
        e.stopPropagation();
        const f = at(e);
        if (f) store.getState().hover({ facilityId: f.id, x: e.nativeEvent.clientX, y: e.nativeEvent.clientY });
        document.body.style.cursor = 'pointer';
      }}
      onPointerOut={() => {
        store.getState().hover(undefined);
        document.body.style.cursor = '';
      }}
      onClick={(e) => {
        if (!visible) return;
        e.stopPropagation();
        const f = at(e);
        if (f) onPick(f);
      }}
    />
  );
}
