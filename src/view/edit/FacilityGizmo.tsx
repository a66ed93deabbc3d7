import { TransformControls } from '@react-three/drei';
import { useLayoutEffect, useRef } from 'react';
import type { Group } from 'three';
import type { Facility } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';

/** Yaw of an object turned only about the vertical: read from the quaternion, as Euler angles fold past 90°. */
function yawOf(g: Group): number {
  return 2 * Math.atan2(g.quaternion.y, g.quaternion.w);
}

/**
 * The translate, rotate or scale gizmo on the selected facility, on the ground plane only (scale stretches the
 * footprint's width along the facility's own east axis and its depth across it, from the size at the mark). A press on the gizmo marks
 * a gesture, each move sends a snapped command, the release ends it: one drag, one undo step. The camera
 * controls are switched off while dragging (drei does it for the default controls). The proxy group follows
 * the facility after every change, so the gizmo shows the snapped position and returns with Escape.
 */
export function FacilityGizmo({ editor, facility, mode }: { editor: LayoutEditor; facility: Facility; mode: 'translate' | 'rotate' | 'scale' }) {
  const proxy = useRef<Group>(null);
  const { position, rotation, size } = facility.footprint;
  /** The footprint's size when the drag began: the gizmo's scale multiplies it. */
  const sizeAtMark = useRef(size);

  const sync = () => {
    const g = proxy.current;
    if (!g) return;
    g.position.set(position[0], 0, -position[1]);
    g.rotation.set(0, rotation, 0);
    g.scale.set(1, 1, 1);
  };
  useLayoutEffect(sync);

  return (
    <>
      <group ref={proxy} name="gizmo-proxy" />
      <TransformControls
        object={proxy as React.RefObject<Group>}
        mode={mode}
        showY={mode === 'rotate'}
        showX={mode !== 'rotate'}
        showZ={mode !== 'rotate'}
        size={1.1}
        onMouseDown={() => {
          sizeAtMark.current = size;
          editor.mark();
        }}
        onObjectChange={() => {
          const g = proxy.current;
          if (!g || !editor.getState().inGesture) return;
          if (mode === 'translate') editor.moveFacility(facility.id, [g.position.x, -g.position.z]);
          else if (mode === 'rotate') editor.rotateFacility(facility.id, yawOf(g));
          else editor.resizeFacility(facility.id, [sizeAtMark.current[0] * Math.abs(g.scale.x), sizeAtMark.current[1] * Math.abs(g.scale.z)]);
        }}
        onMouseUp={() => {
          if (editor.getState().inGesture) editor.endGesture();
          sync();
        }}
      />
    </>
  );
}
