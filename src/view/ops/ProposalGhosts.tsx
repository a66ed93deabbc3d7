import { Html, Line } from '@react-three/drei';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { gateClock } from '../../domain/gateClock';
import type { Scene } from '../../domain/sceneSchema';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import { proposalGhosts } from './proposalGhosts';

/** Above the predicted routes (0.9 m), so a ghost stays visible where it runs along one. */
const LIFT = 1.1;
const GHOST = '#f59e0b';

const LABEL_STYLE = {
  font: '600 11px system-ui, sans-serif',
  color: '#1c1917',
  background: 'rgba(251, 191, 36, 0.9)',
  borderRadius: '3px',
  padding: '0 3px',
  whiteSpace: 'nowrap',
  transform: 'translate(6px, -50%)',
  pointerEvents: 'none',
} as const;

/**
 * The shown resolution proposal on the map: every AGV's planned route as an amber dashed ghost, and a label where a
 * held AGV waits with the gate time it waits until. One line whatever the proposal's size; rebuilt with the round.
 */
export function ProposalGhosts({ scene, traffic, simulated }: { scene: Scene; traffic: TrafficStore; simulated: boolean }) {
  const shown = useStore(traffic, (s) => s.shownProposal);
  const proposals = useStore(traffic, (s) => s.snapshot?.proposals);
  const nodes = useMemo(() => new Map(scene.lanes.nodes.map((n) => [n.id, n.position] as const)), [scene]);
  const drawn = useMemo(() => {
    const p = proposals?.find((q) => q.id === shown);
    if (!p || !p.ok) return undefined;
    const g = proposalGhosts(p, nodes);
    const points: [number, number, number][] = [];
    for (let k = 0; k < g.segments.length; k += 2) points.push([g.segments[k]!, LIFT, -g.segments[k + 1]!]);
    return {
      points,
      holds: g.holds.map((h) => ({
        ...h,
        at: [h.x, LIFT, -h.y] as [number, number, number],
        text: `${h.agv.slice(h.agv.indexOf('/') + 1)} ⏸ ${gateClock(h.untilS, simulated)}`,
      })),
    };
  }, [proposals, shown, nodes, simulated]);
  if (!drawn) return null;
  return (
    <group name="proposal-ghosts">
      {drawn.points.length > 0 && (
        <Line points={drawn.points} segments color={GHOST} lineWidth={3} dashed dashSize={2} gapSize={1.5} transparent opacity={0.85} />
      )}
      {drawn.holds.map((h) => (
        <Html key={h.agv} position={h.at} zIndexRange={[2, 1]}>
          <span style={LABEL_STYLE} data-testid="proposal-ghost-hold">
            {h.text}
          </span>
        </Html>
      ))}
    </group>
  );
}
