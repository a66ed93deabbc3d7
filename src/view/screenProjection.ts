/**
 * Where a world point appears on screen, for automation (`window.__TWIN__.screenOf`): the live camera and
 * canvas are recorded by StatsProbe each frame.
 */
import { Vector3, type Camera } from 'three';

const live: { camera?: Camera; canvas?: HTMLCanvasElement } = {};
const v = new Vector3();

export function recordView(camera: Camera, canvas: HTMLCanvasElement): void {
  live.camera = camera;
  live.canvas = canvas;
}

/** Page coordinates (CSS pixels) of the point [east, north, up], or undefined when it is behind the camera. */
export function screenOf(east: number, north: number, up: number): { x: number; y: number } | undefined {
  const { camera, canvas } = live;
  if (!camera || !canvas) return undefined;
  v.set(east, up, -north).project(camera);
  if (v.z > 1) return undefined;
  const r = canvas.getBoundingClientRect();
  return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
}
