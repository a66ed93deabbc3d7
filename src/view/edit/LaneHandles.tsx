import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, CylinderGeometry, Matrix4, type InstancedMesh } from 'three';
import type { LaneNode } from '../../domain/sceneSchema';
import type { PickTag } from './pickTag';

/** Radius of a node handle (m): a little wider than the 4.5 m lanes, so it shows at the lane ends. */
const HANDLE_RADIUS_M = 3.2;
/** Height of the handle disc above the lane paint (m). */
const HANDLE_LIFT_M = 0.4;

const COLOURS = { idle: new Color('#e0f2fe'), selected: new Color('#fde047'), from: new Color('#22c55e') };

interface Props {
  readonly nodes: readonly LaneNode[];
  readonly selectedId?: string;
  readonly edgeFromId?: string;
}

/**
 * Every lane node as a disc, one instanced mesh, tagged so the canvas adapter's pick names the node pressed
 * (what a press does is the current tool's).
 */
export function LaneHandles({ nodes, selectedId, edgeFromId }: Props) {
  const ref = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new CylinderGeometry(HANDLE_RADIUS_M, HANDLE_RADIUS_M, 0.3, 20), []);
  const pick = useMemo<PickTag>(() => ({ kind: 'node', ids: nodes.map((n) => n.id) }), [nodes]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    nodes.forEach((n, i) => {
      mesh.setMatrixAt(i, m.makeTranslation(n.position[0], HANDLE_LIFT_M, -n.position[1]));
      mesh.setColorAt(i, n.id === edgeFromId ? COLOURS.from : n.id === selectedId ? COLOURS.selected : COLOURS.idle);
    });
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [nodes, selectedId, edgeFromId]);

  if (nodes.length === 0) return null;
  return (
    <instancedMesh key={nodes.length} ref={ref} args={[geometry, undefined, nodes.length]} name="lane-node-handles" userData={{ pick }}>
      <meshBasicMaterial toneMapped={false} />
    </instancedMesh>
  );
}
