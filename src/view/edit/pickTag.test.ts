import { Group, Mesh, type Intersection, type Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { targetOfHits, type PickTag } from './pickTag';

function tagged(tag?: PickTag, parent?: Object3D): Mesh {
  const m = new Mesh();
  if (tag) m.userData.pick = tag;
  parent?.add(m);
  return m;
}

const hit = (object: Object3D, instanceId?: number, distance = 1) => ({ object, instanceId, distance, point: undefined }) as unknown as Intersection;

describe('targetOfHits', () => {
  it('names the nearest tagged instance, passing over untagged and hidden objects', () => {
    const hiddenGroup = new Group();
    hiddenGroup.visible = false;
    const hiddenNodes = tagged({ kind: 'node', ids: ['n1'] }, hiddenGroup);
    const ground = tagged();
    const facilities = tagged({ kind: 'facility', ids: ['a', 'b'] });
    expect(targetOfHits([hit(hiddenNodes, 0), hit(ground), hit(facilities, 1)])).toEqual({ kind: 'facility', id: 'b' });
  });

  it('is the ground when nothing tagged was hit, or the instance is out of the tag', () => {
    const nodes = tagged({ kind: 'node', ids: ['n1'] });
    expect(targetOfHits([])).toEqual({ kind: 'ground' });
    expect(targetOfHits([hit(nodes, 3), hit(nodes)])).toEqual({ kind: 'ground' });
  });
});
