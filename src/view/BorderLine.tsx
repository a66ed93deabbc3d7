import { Line } from '@react-three/drei';
import { useMemo } from 'react';
import type { Scene } from '../domain/sceneSchema';

/** The border as a bright line on the ground, and each border marker as a stone post (labelled by MapLabels). */
export function BorderLine({ zone }: { zone: Scene['zone'] }) {
  const points = useMemo(() => zone.border.line.map(([e, n]) => [e, 0.4, -n] as [number, number, number]), [zone]);
  return (
    <group name="border">
      <Line points={points} color="#dc2626" lineWidth={4} dashed dashSize={12} gapSize={6} />
      {zone.border.markers.map((m) => (
        <group key={m.number} position={[m.position[0], 0, -m.position[1]]}>
          <mesh position={[0, 1, 0]} name={`marker:${m.number}`}>
            <boxGeometry args={[0.8, 2, 0.5]} />
            <meshStandardMaterial color="#f8fafc" />
          </mesh>
        </group>
      ))}
    </group>
  );
}
