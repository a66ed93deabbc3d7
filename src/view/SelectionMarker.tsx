import { useEffect, useMemo } from 'react';
import { BoxGeometry, EdgesGeometry } from 'three';
import type { Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';

/** A bright box outline around the selected facility. */
export function SelectionMarker({ scene }: { scene: Scene }) {
  const id = useTwin((s) => s.selectedFacilityId);
  const edges = useMemo(() => new EdgesGeometry(new BoxGeometry(1, 1, 1).translate(0, 0.5, 0)), []);
  useEffect(() => () => edges.dispose(), [edges]);
  const f = scene.facilities.find((x) => x.id === id);
  if (!f) return null;
  const { position, rotation, size, height } = f.footprint;
  return (
    <lineSegments
      geometry={edges}
      position={[position[0], 0.05, -position[1]]}
      rotation={[0, rotation, 0]}
      scale={[size[0] * 1.04 + 1, height * 1.04 + 0.5, size[1] * 1.04 + 1]}
      name="selection"
    >
      <lineBasicMaterial color="#fde047" />
    </lineSegments>
  );
}
