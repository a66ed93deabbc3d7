import { useLayoutEffect, useMemo, useRef } from 'react';
import { Matrix4, Quaternion, Shape, ShapeGeometry, Vector3, type InstancedMesh } from 'three';
import type { Scene } from '../domain/sceneSchema';
import { CHEVRON_SPACING_M, LANE_COLOURS, LANE_LIFT, laneChevrons, laneStripGeometry } from './laneGeometry';

function chevronGeometry(): ShapeGeometry {
  // Unit chevron pointing along +X in the XY plane; laid flat and scaled per lane width below.
  const s = new Shape();
  s.moveTo(0.5, 0);
  s.lineTo(-0.3, 0.45);
  s.lineTo(-0.1, 0);
  s.lineTo(-0.3, -0.45);
  s.closePath();
  const g = new ShapeGeometry(s);
  g.rotateX(-Math.PI / 2);
  return g;
}

/**
 * The AGV lanes: strips (cross-border edges in their own colour) with chevrons showing the direction. Built from
 * `scene.lanes` only: dragging a facility in the editor rebuilds none of it.
 */
export function LaneNetwork({ scene, visible }: { scene: Scene; visible: boolean }) {
  const lanes = scene.lanes;
  const strips = useMemo(() => laneStripGeometry(lanes, LANE_COLOURS), [lanes]);
  const chevrons = useMemo(() => laneChevrons(lanes, CHEVRON_SPACING_M), [lanes]);
  const arrow = useMemo(chevronGeometry, []);
  const ref = useRef<InstancedMesh>(null);

  useLayoutEffect(() => () => strips.dispose(), [strips]);
  useLayoutEffect(() => () => arrow.dispose(), [arrow]);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    const q = new Quaternion();
    const up = new Vector3(0, 1, 0);
    const p = new Vector3();
    const s = new Vector3();
    chevrons.forEach((c, i) => {
      const w = c.width * 0.7;
      m.compose(p.set(c.east, LANE_LIFT + 0.02, -c.north), q.setFromAxisAngle(up, c.heading), s.set(w, 1, w));
      mesh.setMatrixAt(i, m);
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [chevrons]);

  if (lanes.edges.length === 0) return null;
  return (
    <group name="lanes" visible={visible}>
      <mesh geometry={strips} name="lane-strips">
        <meshStandardMaterial vertexColors roughness={0.9} />
      </mesh>
      <instancedMesh key={chevrons.length} ref={ref} args={[arrow, undefined, chevrons.length]} name="lane-chevrons">
        <meshBasicMaterial color="#e0f2fe" />
      </instancedMesh>
    </group>
  );
}
