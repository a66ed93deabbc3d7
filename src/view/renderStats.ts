/**
 * Figures the view measures every frame, kept in one mutable object so the loop allocates nothing. The app makes
 * one, hands it to the canvas (which writes it) and to the probe (which exposes a read-only copy as
 * `window.__TWIN__.render` for automation and benchmarks), as it does the sources' metrics.
 */
import type { CraneProbe } from './craneParts';

export function createRenderStats() {
  return {
    /** True once a frame has been drawn with every facility of `sceneId` loaded. */
    ready: false,
    sceneId: '',
    frames: 0,
    drawCalls: 0,
    triangles: 0,
    /** Smoothed time between frames (ms). */
    frameMs: 0,
    /** JS time spent writing the fleet's instance buffers in the last frame (ms). */
    fleetJsMs: 0,
    /** Sum of fleetJsMs over every frame so far, and the number of frames summed: a reader takes differences. */
    fleetJsMsTotal: 0,
    fleetJsSamples: 0,
    /** performance.now() when `ready` first became true for this scene. */
    readyAtMs: 0,
    /** Where the camera is and what it looks at, zone frame [east, north, up] (m), as of the last frame. */
    camera: { east: 0, north: 0, up: 0, targetEast: 0, targetNorth: 0, targetUp: 0 },
    agvsDrawn: 0,
    trucksDrawn: 0,
    containersDrawn: 0,
    /** The cranes as last drawn (CraneLayer): their cycles and poses, for window.__TWIN__.cranes. */
    cranes: undefined as CraneProbe | undefined,
  };
}

export type RenderStats = ReturnType<typeof createRenderStats>;
