import { useMemo, useRef } from 'react';
import { FACILITY_KINDS, type Facility, type Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { groupByKind, type KindGroups } from './facilityGroups';
import { KindInstances } from './KindInstances';

/**
 * All facilities, grouped by kind: one draw call per kind whatever the number of facilities. A kind whose
 * facilities did not change keeps its array, so an edit to one facility rebuilds only that facility's kind.
 */
export function FacilityLayer({ scene, onPick }: { scene: Scene; onPick: (f: Facility) => void }) {
  const hidden = useTwin((s) => s.hiddenKinds);
  const facilities = scene.facilities;
  const previous = useRef<KindGroups | undefined>(undefined);
  const byKind = useMemo(() => (previous.current = groupByKind(facilities, previous.current)), [facilities]);
  return (
    <group name="facilities">
      {FACILITY_KINDS.filter((k) => byKind.has(k)).map((kind) => (
        <KindInstances key={kind} kind={kind} facilities={byKind.get(kind)!} visible={!hidden.includes(kind)} onPick={onPick} />
      ))}
    </group>
  );
}
