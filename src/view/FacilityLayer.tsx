import { useMemo, useRef } from 'react';
import type { CraneCycles } from '../domain/craneCycles';
import { FACILITY_KINDS, type Facility, type Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { CraneLayer } from './CraneLayer';
import { groupByKind, type KindGroups } from './facilityGroups';
import { KindInstances } from './KindInstances';
import type { RenderStats } from './renderStats';

/**
 * All facilities, grouped by kind: one draw call per kind whatever the number of facilities (cranes: one per part,
 * {@link CraneLayer}, moving through their cycles from the source's `cranes`). A kind whose facilities did not
 * change keeps its array, so an edit to one facility rebuilds only that facility's kind.
 */
export function FacilityLayer({
  scene,
  onPick,
  cranes,
  stats,
}: {
  scene: Scene;
  onPick: (f: Facility) => void;
  cranes?: CraneCycles;
  stats?: RenderStats;
}) {
  const hidden = useTwin((s) => s.hiddenKinds);
  const facilities = scene.facilities;
  const previous = useRef<KindGroups | undefined>(undefined);
  const byKind = useMemo(() => (previous.current = groupByKind(facilities, previous.current)), [facilities]);
  return (
    <group name="facilities">
      {FACILITY_KINDS.filter((k) => byKind.has(k)).map((kind) =>
        kind === 'crane' ? (
          <CraneLayer key={kind} scene={scene} visible={!hidden.includes(kind)} cycles={cranes} stats={stats} onPick={onPick} />
        ) : (
          <KindInstances key={kind} kind={kind} facilities={byKind.get(kind)!} visible={!hidden.includes(kind)} onPick={onPick} />
        ),
      )}
    </group>
  );
}
