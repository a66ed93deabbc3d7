import type { CameraControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { useTwinStore } from '../../store/useTwin';

/** How far from the place the camera ends up (m): close enough to see two AGVs, far enough to see around them. */
const VIEW_DISTANCE_M = 220;
/** Looking down at this angle from the horizontal when flying from far off (above the ground plane, as the rig allows). */
const VIEW_ELEVATION_RAD = (50 / 180) * Math.PI;

/**
 * Flies the camera to the place the store asks for (`flyTo(x, y)`, e.g. an alert's): the target moves to the place
 * (world x = east, z = −north), the camera keeps its bearing and comes to {@link VIEW_DISTANCE_M}. When the flight
 * ends, the canvas carries the target reached as `data-fly-target="east,north"` (for browser tests and monitors).
 * Listens to the store transiently: no re-render per request.
 */
export function FlyToAlert() {
  const controls = useThree((s) => s.controls) as CameraControls | null;
  const canvas = useThree((s) => s.gl.domElement);
  const store = useTwinStore();

  useEffect(() => {
    if (!controls) return;
    const target = new Vector3();
    const camera = new Vector3();
    return store.subscribe((s, prev) => {
      const fly = s.flyTarget;
      if (!fly || fly.n === prev.flyTarget?.n) return;
      controls.getPosition(camera);
      controls.getTarget(target);
      const bearing = Math.atan2(camera.z - target.z, camera.x - target.x);
      const flat = VIEW_DISTANCE_M * Math.cos(VIEW_ELEVATION_RAD);
      const [ex, ez] = [fly.x, -fly.y];
      void controls
        .setLookAt(ex + flat * Math.cos(bearing), VIEW_DISTANCE_M * Math.sin(VIEW_ELEVATION_RAD), ez + flat * Math.sin(bearing), ex, 0, ez, true)
        .then(() => {
          if (store.getState().flyTarget?.n !== fly.n) return;
          controls.getTarget(target);
          canvas.dataset.flyTarget = `${target.x.toFixed(1)},${(-target.z).toFixed(1)}`;
        });
    });
  }, [controls, canvas, store]);

  return null;
}
