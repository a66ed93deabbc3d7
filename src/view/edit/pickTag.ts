/**
 * What the editor's canvas adapter can pick: an instanced mesh tags itself in `userData.pick` with the kind of
 * record its instances draw and each instance's record id, so a ray's hit names a facility or a lane node.
 */
import type { Intersection, Object3D } from 'three';
import type { PointerTarget } from '../../store/layout/tools/toolEvents';

export interface PickTag {
  readonly kind: 'facility' | 'node';
  /** ids[i]: the record instance i draws. */
  readonly ids: readonly string[];
}

function shown(o: Object3D | null): boolean {
  for (let p = o; p; p = p.parent) if (!p.visible) return false;
  return true;
}

/** The nearest hit on a tagged, visible instance, as a tool's target; the ground when there is none. */
export function targetOfHits(hits: readonly Intersection[]): PointerTarget {
  for (const h of hits) {
    const tag = h.object.userData.pick as PickTag | undefined;
    if (!tag || h.instanceId === undefined || !shown(h.object)) continue;
    const id = tag.ids[h.instanceId];
    if (id !== undefined) return { kind: tag.kind, id };
  }
  return { kind: 'ground' };
}
