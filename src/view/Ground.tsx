import { useMemo } from 'react';
import type { Bounds } from '../domain/sceneBounds';

/** Terrain under the zone: a plain field larger than the layout, so the horizon never shows an edge. */
export function Ground({ bounds }: { bounds: Bounds }) {
  const { cx, cz, size } = useMemo(() => {
    const w = bounds.maxE - bounds.minE;
    const d = bounds.maxN - bounds.minN;
    return { cx: (bounds.minE + bounds.maxE) / 2, cz: -(bounds.minN + bounds.maxN) / 2, size: Math.max(w, d) * 3 + 2000 };
  }, [bounds]);
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} position={[cx, -0.05, cz]} name="ground" receiveShadow>
        <planeGeometry args={[size, size]} />
        <meshStandardMaterial color="#6f8f5a" roughness={1} />
      </mesh>
      <gridHelper args={[size, Math.round(size / 100), '#5f7d4c', '#66854f']} position={[cx, -0.02, cz]} />
    </group>
  );
}
