import { useMemo } from 'react';
import { FACILITY_KINDS, type Facility, type FacilityKind, type Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { KindInstances } from './KindInstances';

/** All facilities, grouped by kind: one draw call per kind whatever the number of facilities. */
export function FacilityLayer({ scene, onPick }: { scene: Scene; onPick: (f: Facility) => void }) {
  const hidden = useTwin((s) => s.hiddenKinds);
  const byKind = useMemo(() => {
    const groups = new Map<FacilityKind, Facility[]>();
    for (const f of scene.facilities) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
    return groups;
  }, [scene]);
  return (
    <group name="facilities">
      {FACILITY_KINDS.filter((k) => byKind.has(k)).map((kind) => (
        <KindInstances key={kind} kind={kind} facilities={byKind.get(kind)!} visible={!hidden.includes(kind)} onPick={onPick} />
      ))}
    </group>
  );
}
