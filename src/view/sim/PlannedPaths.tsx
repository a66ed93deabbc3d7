import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type LineSegments } from 'three';

/** Most path segments drawn: about 40 AGVs × a full loop of 450 cells, with room to spare. */
const MAX_SEGMENTS = 60000;

export interface PathSource {
  readonly paths: { readonly segments: Float32Array; readonly version: number };
}

/** Every AGV's planned way to its goal as thin lines, refreshed when the source brings new paths. */
export function PlannedPaths({ source, visible }: { source: PathSource; visible: boolean }) {
  const ref = useRef<LineSegments>(null);
  const seen = useRef(-1);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(MAX_SEGMENTS * 6), 3));
    g.setDrawRange(0, 0);
    return g;
  }, []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useFrame(() => {
    const { segments, version } = source.paths;
    if (!visible || version === seen.current) return;
    seen.current = version;
    const attr = geometry.getAttribute('position') as BufferAttribute;
    const out = attr.array as Float32Array;
    const n = Math.min(MAX_SEGMENTS, segments.length / 4);
    for (let k = 0; k < n; k++) {
      out[6 * k] = segments[4 * k]!;
      out[6 * k + 1] = 0.6;
      out[6 * k + 2] = -segments[4 * k + 1]!;
      out[6 * k + 3] = segments[4 * k + 2]!;
      out[6 * k + 4] = 0.6;
      out[6 * k + 5] = -segments[4 * k + 3]!;
    }
    attr.needsUpdate = true;
    geometry.setDrawRange(0, 2 * n);
  });

  return (
    <lineSegments ref={ref} geometry={geometry} visible={visible} frustumCulled={false} name="planned-paths">
      <lineBasicMaterial color="#22d3ee" transparent opacity={0.8} />
    </lineSegments>
  );
}
