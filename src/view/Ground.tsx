import { Grid } from '@react-three/drei';
import { useMemo } from 'react';
import type { Bounds } from '../domain/sceneBounds';

/**
 * Terrain under the zone: a plain field larger than the layout, so the horizon never shows an edge, and a
 * 10 m / 100 m survey grid that fades with distance (no moiré on a wall screen).
 */
export function Ground({ bounds }: { bounds: Bounds }) {
  const { cx, cz, size } = useMemo(() => {
    const w = bounds.maxE - bounds.minE;
    const d = bounds.maxN - bounds.minN;
    return { cx: (bounds.minE + bounds.maxE) / 2, cz: -(bounds.minN + bounds.maxN) / 2, size: Math.max(w, d) * 3 + 2000 };
  }, [bounds]);
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} position={[cx, -0.05, cz]} name="ground">
        <planeGeometry args={[size, size]} />
        <meshStandardMaterial color="#71905c" roughness={1} />
      </mesh>
      <Grid
        position={[cx, 0.01, cz]}
        args={[size, size]}
        cellSize={10}
        sectionSize={100}
        cellThickness={0.6}
        sectionThickness={1}
        cellColor="#688552"
        sectionColor="#5d7a48"
        fadeDistance={2500}
        fadeStrength={1.5}
        infiniteGrid
      />
    </group>
  );
}
