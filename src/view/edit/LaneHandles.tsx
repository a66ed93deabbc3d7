import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, CylinderGeometry, Matrix4, type InstancedMesh } from 'three';
import type { LaneNode } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { groundOfRay } from './groundPoint';

/** Radius of a node handle (m): a little wider than the 4.5 m lanes, so it shows at the lane ends. */
const HANDLE_RADIUS_M = 3.2;
/** Height of the handle disc above the lane paint (m). */
const HANDLE_LIFT_M = 0.4;

const COLOURS = { idle: new Color('#e0f2fe'), selected: new Color('#fde047'), from: new Color('#22c55e') };

interface Props {
  readonly editor: LayoutEditor;
  readonly nodes: readonly LaneNode[];
  readonly selectedId?: string;
  readonly edgeFromId?: string;
  /** Nodes can be dragged (move tool) rather than only picked. */
  readonly draggable: boolean;
}

type Controls = { enabled: boolean } | null;

/**
 * Every lane node as a disc, one instanced mesh. A press on a disc selects the node (or, with the add-edge tool,
 * picks it as a lane end); with the move tool, dragging it moves the node over the ground as one gesture.
 */
export function LaneHandles({ editor, nodes, selectedId, edgeFromId, draggable }: Props) {
  const ref = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new CylinderGeometry(HANDLE_RADIUS_M, HANDLE_RADIUS_M, 0.3, 20), []);
  const controls = useThree((s) => s.controls) as unknown as Controls;
  const dragging = useRef<string | undefined>(undefined);
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

  const release = (e: ThreeEvent<PointerEvent>) => {
    if (dragging.current === undefined) return;
    dragging.current = undefined;
    (e.target as unknown as Element).releasePointerCapture?.(e.pointerId);
    if (controls) controls.enabled = true;
    if (editor.getState().inGesture) editor.endGesture();
  };

  if (nodes.length === 0) return null;
  return (
    <instancedMesh
      key={nodes.length}
      ref={ref}
      args={[geometry, undefined, nodes.length]}
      name="lane-node-handles"
      onPointerDown={(e) => {
        if (e.button !== 0 || e.instanceId === undefined) return;
        const node = nodes[e.instanceId];
        if (!node) return;
        e.stopPropagation();
        if (editor.getState().tool === 'add-edge') {
          editor.edgeClick(node.id);
          return;
        }
        editor.select({ kind: 'node', id: node.id });
        if (!draggable) return;
        dragging.current = node.id;
        (e.target as unknown as Element).setPointerCapture?.(e.pointerId);
        if (controls) controls.enabled = false;
        editor.mark();
      }}
      onPointerMove={(e) => {
        const id = dragging.current;
        if (id === undefined) return;
        e.stopPropagation();
        if (!editor.getState().inGesture) return;
        const at = groundOfRay(e.ray);
        if (at) editor.moveLaneNode(id, at);
      }}
      onPointerUp={release}
      onPointerCancel={release}
      onClick={(e) => e.stopPropagation()}
    >
      <meshBasicMaterial toneMapped={false} />
    </instancedMesh>
  );
}
