import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, InstancedBufferAttribute, RingGeometry, type InstancedMesh } from 'three';
import { MAX_ALERTS, type AlertBuffers } from '../../domain/packedFrame';

const CONTACT = new Color('#dc2626');
const NEAR_MISS = new Color('#f97316');
/** Ring radius (m) for a fresh alert; it shrinks to half over the time an alert stays shown. */
const RING_M = 28;
const SHOWN_S = 120;

/** Rings where contacts (red) and near misses (orange) happened lately, from the source's alert buffers. */
export function CollisionAlerts({ alerts }: { alerts: AlertBuffers }) {
  const ref = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new RingGeometry(0.8, 1, 48).rotateX(-Math.PI / 2), []);
  const colors = useMemo(() => new InstancedBufferAttribute(new Float32Array(MAX_ALERTS * 3), 3), []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useFrame(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = mesh.instanceMatrix.array as Float32Array;
    const c = colors.array as Float32Array;
    for (let k = 0; k < alerts.count; k++) {
      const r = RING_M * (1 - 0.5 * Math.min(1, alerts.ageS[k]! / SHOWN_S));
      const o = k * 16;
      m.fill(0, o, o + 16);
      m[o] = r;
      m[o + 5] = 1;
      m[o + 10] = r;
      m[o + 12] = alerts.x[k]!;
      m[o + 13] = 1.5;
      m[o + 14] = -alerts.y[k]!;
      m[o + 15] = 1;
      (alerts.kind[k] === 1 ? CONTACT : NEAR_MISS).toArray(c, k * 3);
    }
    mesh.count = alerts.count;
    mesh.instanceMatrix.needsUpdate = true;
    colors.needsUpdate = true;
  });

  return (
    <instancedMesh ref={ref} args={[geometry, undefined, MAX_ALERTS]} instanceColor={colors} frustumCulled={false} name="collision-alerts">
      <meshBasicMaterial toneMapped={false} transparent opacity={0.9} depthWrite={false} />
    </instancedMesh>
  );
}
