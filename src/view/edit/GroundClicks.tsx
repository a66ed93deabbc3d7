import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Vec2 } from '../../domain/sceneSchema';
import { groundOfPointer } from './groundPoint';

/** Pointer travel (CSS px) below which a press and release is a click, not an orbit of the camera. */
const CLICK_SLOP_PX = 4;

/**
 * Clicks on the ground, wherever they land (on a building or on bare ground), while `onGround` is given: the
 * add-node and place tools. Listens on the canvas itself, so the orbit controls keep working between clicks.
 */
export function GroundClicks({ onGround }: { onGround?: (at: Vec2) => void }) {
  const canvas = useThree((s) => s.gl.domElement);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    if (!onGround) return;
    let down: { x: number; y: number } | undefined;
    const press = (e: PointerEvent) => {
      down = e.button === 0 ? { x: e.clientX, y: e.clientY } : undefined;
    };
    const release = (e: PointerEvent) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP_PX) return;
      down = undefined;
      const at = groundOfPointer(e.clientX, e.clientY, canvas, camera);
      if (at) onGround(at);
    };
    canvas.addEventListener('pointerdown', press);
    canvas.addEventListener('pointerup', release);
    return () => {
      canvas.removeEventListener('pointerdown', press);
      canvas.removeEventListener('pointerup', release);
    };
  }, [onGround, canvas, camera]);
  return null;
}
