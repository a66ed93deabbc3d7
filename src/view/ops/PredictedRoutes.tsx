import { Html, Line } from '@react-three/drei';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useStore } from 'zustand';
import { gateClock } from '../../domain/gateClock';
import type { Scene } from '../../domain/sceneSchema';
import type { OpsStore } from '../../store/ops/opsStore';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import { nodePositions, predictedRouteGeometry } from './predictedRouteGeometry';

/** Height of the route lines above the ground (m): over the lanes and the heat map. */
const LIFT = 0.9;
const SELECTED = '#f8fafc';
const OTHERS = '#7dd3fc';

type Point = [number, number, number];

/** x1, y1, x2, y2 per segment (zone frame) as the line's world points. */
const points = (flat: readonly number[]): Point[] => {
  const out: Point[] = [];
  for (let k = 0; k < flat.length; k += 2) out.push([flat[k]!, LIFT, -flat[k + 1]!]);
  return out;
};

const LABEL_STYLE = {
  font: '600 11px system-ui, sans-serif',
  color: '#0f172a',
  background: 'rgba(248, 250, 252, 0.85)',
  borderRadius: '3px',
  padding: '0 3px',
  whiteSpace: 'nowrap',
  transform: 'translate(6px, -50%)',
  pointerEvents: 'none',
} as const;

/**
 * The predicted routes of the latest prediction round: the selected AGV's, and every AGV's when the operator asks
 * for all; the part released to the AGV solid, the rest dashed, a tick where it is predicted every 30 s of gate time,
 * and the selected AGV's ticks labelled with that time. Rebuilt when a round arrives (about once a second) or the
 * selection or the setting changes, never per frame; four lines and one point cloud whatever the fleet size.
 */
export function PredictedRoutes({ scene, ops, traffic, simulated }: { scene: Scene; ops: OpsStore; traffic: TrafficStore; simulated: boolean }) {
  const selectedKey = useStore(ops, (s) => s.selectedKey);
  const snapshot = useStore(traffic, (s) => s.snapshot);
  const showAll = useStore(traffic, (s) => s.showAll);
  const nodes = useMemo(() => nodePositions(scene.lanes.nodes), [scene]);
  const drawn = useMemo(() => {
    if (!snapshot) return undefined;
    const g = predictedRouteGeometry(snapshot, nodes, selectedKey, showAll);
    return {
      selectedSolid: points(g.selected.solid),
      selectedDashed: points(g.selected.dashed),
      othersSolid: points(g.others.solid),
      othersDashed: points(g.others.dashed),
      labels: g.labels.map((l) => ({ at: [l.x, LIFT, -l.y] as Point, text: gateClock(l.atS, simulated) })),
      ticks: tickGeometry(g.ticks),
    };
  }, [snapshot, nodes, selectedKey, showAll, simulated]);
  useEffect(() => () => drawn?.ticks.dispose(), [drawn]);

  if (!drawn) return null;
  return (
    <group name="predicted-routes">
      {drawn.othersSolid.length > 0 && <Line points={drawn.othersSolid} segments color={OTHERS} lineWidth={2} />}
      {drawn.othersDashed.length > 0 && <Line points={drawn.othersDashed} segments color={OTHERS} lineWidth={1.5} dashed dashSize={4} gapSize={3} />}
      {drawn.selectedSolid.length > 0 && <Line points={drawn.selectedSolid} segments color={SELECTED} lineWidth={4} />}
      {drawn.selectedDashed.length > 0 && <Line points={drawn.selectedDashed} segments color={SELECTED} lineWidth={3} dashed dashSize={4} gapSize={3} />}
      <points geometry={drawn.ticks} renderOrder={2}>
        <pointsMaterial color="#facc15" size={7} sizeAttenuation={false} depthWrite={false} />
      </points>
      {drawn.labels.map((l) => (
        <Html key={l.text} position={l.at} zIndexRange={[1, 0]}>
          <span style={LABEL_STYLE} data-testid="route-tick">
            {l.text}
          </span>
        </Html>
      ))}
    </group>
  );
}

function tickGeometry(ticks: readonly number[]): BufferGeometry {
  const xyz = new Float32Array((ticks.length / 2) * 3);
  for (let k = 0, o = 0; k < ticks.length; k += 2, o += 3) {
    xyz[o] = ticks[k]!;
    xyz[o + 1] = LIFT;
    xyz[o + 2] = -ticks[k + 1]!;
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(xyz, 3));
  return g;
}
