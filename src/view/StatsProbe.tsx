import { useFrame } from '@react-three/fiber';
import { useMemo } from 'react';
import { Vector3 } from 'three';
import type { RenderStats } from './renderStats';
import { recordView } from './screenProjection';

/**
 * Records draw calls, triangles and frame time each frame, and marks the scene ready after its first drawn
 * frame. Mounted inside the same Suspense boundary as the facilities, so it runs only once they are loaded.
 */
export function StatsProbe({ sceneId, stats: renderStats }: { sceneId: string; stats: RenderStats }) {
  const target = useMemo(() => new Vector3(), []);
  useFrame(({ gl, camera, controls }, delta) => {
    recordView(camera, gl.domElement);
    const c = renderStats.camera;
    c.east = camera.position.x;
    c.north = -camera.position.z;
    c.up = camera.position.y;
    // camera-controls (drei CameraControls, the default controls) knows its target; world x = east, z = −north.
    const cameraControls = controls as { getTarget?: (out: Vector3) => Vector3 } | null;
    if (cameraControls?.getTarget) {
      cameraControls.getTarget(target);
      c.targetEast = target.x;
      c.targetNorth = -target.z;
      c.targetUp = target.y;
    }
    // gl.info holds the previous frame's figures here: three resets them at the start of each render.
    renderStats.drawCalls = gl.info.render.calls;
    renderStats.triangles = gl.info.render.triangles;
    renderStats.frameMs = renderStats.frames === 0 ? delta * 1000 : renderStats.frameMs * 0.9 + delta * 100;
    renderStats.frames++;
    if (renderStats.sceneId !== sceneId) {
      renderStats.sceneId = sceneId;
      renderStats.ready = false;
      renderStats.frames = 0;
    } else if (renderStats.frames > 1 && !renderStats.ready) {
      renderStats.ready = true;
      renderStats.readyAtMs = performance.now();
    }
  });
  return null;
}
