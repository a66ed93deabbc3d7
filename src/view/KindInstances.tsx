import type { ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { InstancedMesh } from 'three';
import type { Facility, FacilityKind } from '../domain/sceneSchema';
import { useTwinStore } from '../store/useTwin';
import type { PickTag } from './edit/pickTag';
import { facilityInstances } from './facilityInstances';
import { useModel } from './useModel';

interface Props {
  readonly kind: FacilityKind;
  readonly facilities: readonly Facility[];
  readonly visible: boolean;
  readonly onPick: (facility: Facility) => void;
}

/** Every facility of one kind as one InstancedMesh of that kind's model, placed by {@link facilityInstances}. */
export function KindInstances({ kind, facilities, visible, onPick }: Props) {
  const { geometry, material } = useModel(kind);
  const ref = useRef<InstancedMesh>(null);
  const store = useTwinStore();
  const instances = useMemo(() => facilityInstances(facilities), [facilities]);
  const count = instances.owner.length;
  // The layout editor's canvas adapter names the facility under a press from this tag.
  const pick = useMemo<PickTag>(() => ({ kind: 'facility', ids: Array.from(instances.owner, (i) => facilities[i]!.id) }), [instances, facilities]);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    (mesh.instanceMatrix.array as Float32Array).set(instances.matrices);
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    mesh.computeBoundingBox();
  }, [instances]);

  const at = (e: ThreeEvent<PointerEvent | MouseEvent>) => (e.instanceId === undefined ? undefined : facilities[instances.owner[e.instanceId]!]);

  return (
    <instancedMesh
      key={count}
      ref={ref}
      args={[geometry, material, count]}
      visible={visible}
      name={`facilities:${kind}`}
      userData={{ pick }}
      onPointerMove={(e) => {
        if (!visible) return;
        e.stopPropagation();
        const f = at(e);
        if (f) store.getState().hover(f.id);
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
