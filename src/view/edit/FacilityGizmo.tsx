import { TransformControls } from '@react-three/drei';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Group } from 'three';
import type { Facility } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import type { GizmoMode } from '../../store/layout/tools/SelectingTool';
import type { ToolPointerEvent } from '../../store/layout/tools/toolEvents';
import type { GizmoGrip } from './CanvasToolAdapter';

/** Yaw of an object turned only about the vertical: read from the quaternion, as Euler angles fold past 90°. */
function yawOf(g: Group): number {
  return 2 * Math.atan2(g.quaternion.y, g.quaternion.w);
}

/** three-stdlib's TransformControls names the handle under the pointer in `axis` (null when none); drei types it private. */
type Hovered = { readonly axis: string | null } | null;

/**
 * The translate, rotate or scale gizmo on the selected facility, on the ground plane only. drei's
 * TransformControls does the handle picking and the maths on a proxy group; its press, steps and release go to
 * the current tool as gizmo pointer events (the tool marks, updates and ends the gesture, and Escape returns to
 * the mark). The proxy follows the facility after every change, so the gizmo shows the snapped result.
 */
export function FacilityGizmo({
  editor,
  facility,
  mode,
  grip,
}: {
  editor: LayoutEditor;
  facility: Facility;
  mode: GizmoMode;
  grip: RefObject<GizmoGrip | null>;
}) {
  const proxy = useRef<Group>(null);
  const controls = useRef<unknown>(null);
  const { position, rotation } = facility.footprint;

  const sync = () => {
    const g = proxy.current;
    if (!g) return;
    g.position.set(position[0], 0, -position[1]);
    g.rotation.set(0, rotation, 0);
    g.scale.set(1, 1, 1);
  };
  useLayoutEffect(sync);
  useLayoutEffect(() => {
    grip.current = { held: () => ((controls.current as Hovered)?.axis ?? null) !== null };
    return () => {
      grip.current = null;
    };
  }, [grip]);

  const event = (): ToolPointerEvent => {
    const g = proxy.current!;
    const at: [number, number] = [g.position.x, -g.position.z];
    return {
      point: at,
      screen: { x: 0, y: 0 },
      button: 0,
      target: { kind: 'gizmo', pose: { position: at, rotation: yawOf(g), scale: [g.scale.x, g.scale.z] } },
    };
  };

  return (
    <>
      <group ref={proxy} name="gizmo-proxy" />
      <TransformControls
        ref={controls as never}
        object={proxy as React.RefObject<Group>}
        mode={mode}
        showY={mode === 'rotate'}
        showX={mode !== 'rotate'}
        showZ={mode !== 'rotate'}
        size={1.1}
        onMouseDown={() => editor.tools.pointerDown(event())}
        onObjectChange={() => editor.tools.pointerMove(event())}
        onMouseUp={() => {
          editor.tools.pointerUp(event());
          sync();
        }}
      />
    </>
  );
}
