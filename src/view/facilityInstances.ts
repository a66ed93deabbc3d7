/**
 * Instance matrices for the facilities of one kind. Most facilities are one instance of their kind's model
 * scaled to the footprint. A road is tiled instead — one instance per lane per stretch of about the model's
 * design length — so a 14-lane road shows 14 lanes with unstretched markings.
 */
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import manifest from '../../public/models/manifest.json';
import type { Facility } from '../domain/sceneSchema';

const ROAD_TILE_LENGTH_M = manifest.models.road.designSize[0]!;

export interface FacilityInstances {
  /** 16 floats per instance, column-major, in three.js world coordinates (x east, y up, z south). */
  readonly matrices: Float32Array;
  /** owner[i]: index into the facilities list of the facility that instance i belongs to. */
  readonly owner: Int32Array;
}

function tilesOf(f: Facility): { along: number; across: number } {
  if (f.kind !== 'road') return { along: 1, across: 1 };
  return { along: Math.max(1, Math.round(f.footprint.size[0] / ROAD_TILE_LENGTH_M)), across: f.lanes };
}

export function facilityInstances(facilities: readonly Facility[]): FacilityInstances {
  const total = facilities.reduce((n, f) => {
    const t = tilesOf(f);
    return n + t.along * t.across;
  }, 0);
  const matrices = new Float32Array(total * 16);
  const owner = new Int32Array(total);
  const m = new Matrix4();
  const q = new Quaternion();
  const p = new Vector3();
  const s = new Vector3();
  let k = 0;
  facilities.forEach((f, i) => {
    const { position, rotation, size, height } = f.footprint;
    const { along, across } = tilesOf(f);
    q.setFromEuler(new Euler(0, rotation, 0));
    const c = Math.cos(rotation);
    const sn = Math.sin(rotation);
    const tileL = size[0] / along;
    const tileW = size[1] / across;
    for (let a = 0; a < along; a++) {
      for (let b = 0; b < across; b++) {
        // Tile centre in the footprint's own frame (u along size[0], v along size[1]), then to east-north.
        const u = -size[0] / 2 + (a + 0.5) * tileL;
        const v = -size[1] / 2 + (b + 0.5) * tileW;
        const east = position[0] + u * c - v * sn;
        const north = position[1] + u * sn + v * c;
        m.compose(p.set(east, 0, -north), q, s.set(tileL, height, tileW));
        m.toArray(matrices, k * 16);
        owner[k++] = i;
      }
    }
  });
  return { matrices, owner };
}
