import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Euler, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three';
import type { Scene } from '../../domain/sceneSchema';

/**
 * Kinds whose work shows: a barrier letting a truck through, a scanner scanning. A crane's work shows in its own
 * motion (CraneLayer); a shell over it would only veil the moving gantry, trolley and container up close.
 */
const WORKING_KINDS = new Set(['barrier', 'scanner-bay']);

/**
 * A glowing shell over every barrier and scanner bay while it works, read each frame from the source's busy flags;
 * matrices are computed once per scene and copied into place, so a frame allocates nothing.
 */
export function BusyFacilities({ scene, busy }: { scene: Scene; busy: Uint8Array }) {
  const ref = useRef<InstancedMesh>(null);
  const { matrices, indices } = useMemo(() => {
    const chosen = scene.facilities.flatMap((f, i) => (WORKING_KINDS.has(f.kind) ? [i] : []));
    const out = new Float32Array(chosen.length * 16);
    const m = new Matrix4();
    chosen.forEach((i, k) => {
      const { position, rotation, size, height } = scene.facilities[i]!.footprint;
      m.compose(
        new Vector3(position[0], 0, -position[1]),
        new Quaternion().setFromEuler(new Euler(0, rotation, 0)),
        new Vector3(size[0] + 2, height + 1.5, size[1] + 2),
      );
      m.toArray(out, k * 16);
    });
    return { matrices: out, indices: Int32Array.from(chosen) };
  }, [scene]);
  const geometry = useMemo(() => new BoxGeometry(1, 1, 1).translate(0, 0.5, 0), []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useFrame(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const target = mesh.instanceMatrix.array as Float32Array;
    let n = 0;
    for (let k = 0; k < indices.length; k++) {
      if (!busy[indices[k]!]) continue;
      target.set(matrices.subarray(k * 16, k * 16 + 16), n * 16);
      n++;
    }
    mesh.count = n;
    mesh.instanceMatrix.needsUpdate = true;
  });

  return (
    <instancedMesh key={indices.length} ref={ref} args={[geometry, undefined, Math.max(1, indices.length)]} frustumCulled={false} name="busy-facilities">
      <meshBasicMaterial color="#facc15" transparent opacity={0.3} depthWrite={false} />
    </instancedMesh>
  );
}
