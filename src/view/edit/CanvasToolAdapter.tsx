import { useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import { Raycaster, Vector2 } from 'three';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import type { PointerTarget, ToolPointerEvent } from '../../store/layout/tools/toolEvents';
import { groundOfPointer } from './groundPoint';
import { targetOfHits } from './pickTag';

/** The gizmo's hold on the pointer: while it is over a handle or dragging, the gizmo feeds the tool itself. */
export interface GizmoGrip {
  held(): boolean;
}

type Controls = { enabled: boolean } | null;

const GROUND: PointerTarget = { kind: 'ground' };
const caster = new Raycaster();
const ndc = new Vector2();

/**
 * The one canvas adapter of the layout editor: turns the canvas's pointer events into tool events (the ground
 * point in zone metres, what was pressed: a facility, a lane node or the ground) for `editor.tools`. While the
 * current tool holds the pointer (a press on a node handle, a drag) the camera stops orbiting and the canvas
 * captures the pointer, so a drag that leaves the canvas still ends.
 */
export function CanvasToolAdapter({ editor, gizmo }: { editor: LayoutEditor; gizmo: RefObject<GizmoGrip | null> }) {
  const canvas = useThree((s) => s.gl.domElement);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const controls = useThree((s) => s.controls) as unknown as Controls;

  useEffect(() => {
    let pressed: number | undefined;
    let held = false;
    const eventOf = (e: PointerEvent, target: PointerTarget = GROUND): ToolPointerEvent => ({
      point: groundOfPointer(e.clientX, e.clientY, canvas, camera),
      screen: { x: e.clientX, y: e.clientY },
      target,
      button: e.button,
    });
    const hit = (e: PointerEvent): PointerTarget => {
      const r = canvas.getBoundingClientRect();
      ndc.set(((e.clientX - r.left) / r.width) * 2 - 1, -((e.clientY - r.top) / r.height) * 2 + 1);
      caster.setFromCamera(ndc, camera);
      return targetOfHits(caster.intersectObject(scene, true));
    };
    const hold = (e: PointerEvent) => {
      if (held || !editor.tools.capturing) return;
      held = true;
      canvas.setPointerCapture?.(e.pointerId);
      if (controls) controls.enabled = false;
    };
    const release = (e: PointerEvent) => {
      pressed = undefined;
      if (!held) return;
      held = false;
      if (canvas.hasPointerCapture?.(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
      if (controls) controls.enabled = true;
    };
    const down = (e: PointerEvent) => {
      if (gizmo.current?.held()) return;
      pressed = e.pointerId;
      editor.tools.pointerDown(eventOf(e, hit(e)));
      hold(e);
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pressed) return;
      editor.tools.pointerMove(eventOf(e));
      hold(e);
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId !== pressed) return;
      editor.tools.pointerUp(eventOf(e, hit(e)));
      release(e);
    };
    const cancel = (e: PointerEvent) => {
      if (e.pointerId !== pressed) return;
      editor.tools.cancel();
      release(e);
    };
    // Moves and the release are heard on the window: a press that leaves the canvas still ends in the tool.
    canvas.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      if (held && controls) controls.enabled = true;
    };
  }, [editor, canvas, camera, scene, controls, gizmo]);
  return null;
}
