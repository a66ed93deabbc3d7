import { useEffect, useMemo } from 'react';
import { BoxGeometry, BufferAttribute, BufferGeometry, EdgesGeometry, RingGeometry } from 'three';
import type { Scene } from '../../domain/sceneSchema';
import type { Subject } from '../../domain/checks/problemSubjects';

/** Lift of edge and node marks above the lane paint (m). */
const MARK_LIFT_M = 0.6;

interface Props {
  readonly scene: Scene;
  readonly subjects: readonly Subject[];
  readonly colour: string;
  readonly name: string;
}

function edgeSegments(scene: Scene, ids: ReadonlySet<string>): BufferGeometry {
  const pos = new Map(scene.lanes.nodes.map((n) => [n.id, n.position]));
  const out: number[] = [];
  for (const e of scene.lanes.edges) {
    if (!ids.has(e.id)) continue;
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (a && b) out.push(a[0], MARK_LIFT_M, -a[1], b[0], MARK_LIFT_M, -b[1]);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(out), 3));
  return g;
}

/**
 * Outlines the facilities, rings the lane nodes and traces the lane edges that a selection or the checker's
 * problems name, in the scene itself.
 */
export function SubjectMarkers({ scene, subjects, colour, name }: Props) {
  const box = useMemo(() => new EdgesGeometry(new BoxGeometry(1, 1, 1).translate(0, 0.5, 0)), []);
  const ring = useMemo(() => new RingGeometry(4, 5.5, 24).rotateX(-Math.PI / 2), []);
  useEffect(() => () => [box, ring].forEach((g) => g.dispose()), [box, ring]);
  const facilities = scene.facilities.filter((f) => subjects.some((s) => s.kind === 'facility' && s.id === f.id));
  const nodes = scene.lanes.nodes.filter((n) => subjects.some((s) => s.kind === 'node' && s.id === n.id));
  const edgeIds = useMemo(() => new Set(subjects.filter((s) => s.kind === 'edge').map((s) => s.id)), [subjects]);
  const edges = useMemo(() => edgeSegments(scene, edgeIds), [scene, edgeIds]);
  useEffect(() => () => edges.dispose(), [edges]);

  return (
    <group name={name}>
      {facilities.map((f) => {
        const { position, rotation, size, height } = f.footprint;
        return (
          <group key={f.id} position={[position[0], 0.05, -position[1]]}>
            <lineSegments geometry={box} rotation={[0, rotation, 0]} scale={[size[0] * 1.04 + 1.5, height * 1.04 + 0.8, size[1] * 1.04 + 1.5]}>
              <lineBasicMaterial color={colour} toneMapped={false} />
            </lineSegments>
          </group>
        );
      })}
      {nodes.map((n) => (
        <mesh key={n.id} geometry={ring} position={[n.position[0], MARK_LIFT_M, -n.position[1]]}>
          <meshBasicMaterial color={colour} toneMapped={false} />
        </mesh>
      ))}
      {edgeIds.size > 0 && (
        <lineSegments geometry={edges}>
          <lineBasicMaterial color={colour} toneMapped={false} />
        </lineSegments>
      )}
    </group>
  );
}
