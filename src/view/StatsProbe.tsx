import { useFrame } from '@react-three/fiber';
import { renderStats } from './renderStats';
import { recordView } from './screenProjection';

/**
 * Records draw calls, triangles and frame time each frame, and marks the scene ready after its first drawn
 * frame. Mounted inside the same Suspense boundary as the facilities, so it runs only once they are loaded.
 */
export function StatsProbe({ sceneId }: { sceneId: string }) {
  useFrame(({ gl, camera }, delta) => {
    recordView(camera, gl.domElement);
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
