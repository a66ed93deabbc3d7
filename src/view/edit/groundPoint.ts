import { Plane, Raycaster, Vector2, Vector3, type Camera, type Ray } from 'three';
import type { Vec2 } from '../../domain/sceneSchema';

const GROUND = new Plane(new Vector3(0, 1, 0), 0);
const hit = new Vector3();
const ndc = new Vector2();
const caster = new Raycaster();

/** Where a ray meets the ground, as scene [east, north]; undefined when it looks above the horizon. */
function groundOfRay(ray: Ray): Vec2 | undefined {
  return ray.intersectPlane(GROUND, hit) ? [hit.x, -hit.z] : undefined;
}

/** The ground point under a page position on a canvas. */
export function groundOfPointer(clientX: number, clientY: number, canvas: HTMLElement, camera: Camera): Vec2 | undefined {
  const r = canvas.getBoundingClientRect();
  ndc.set(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1);
  caster.setFromCamera(ndc, camera);
  return groundOfRay(caster.ray);
}
