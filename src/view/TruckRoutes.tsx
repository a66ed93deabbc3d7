import { Line } from '@react-three/drei';
import type { Scene } from '../domain/sceneSchema';

const FLOW_COLOUR = { export: '#f97316', import: '#3b82f6', both: '#e2e8f0' } as const;

/** The truck routes as thin dashed lines a little above the road. */
export function TruckRoutes({ routes, visible }: { routes: Scene['truckRoutes']; visible: boolean }) {
  return (
    <group name="truck-routes" visible={visible}>
      {routes.map((r) => (
        <Line
          key={r.id}
          points={r.points.map(([e, n]) => [e, 0.6, -n] as [number, number, number])}
          color={FLOW_COLOUR[r.flow]}
          lineWidth={2}
          dashed
          dashSize={6}
          gapSize={4}
        />
      ))}
    </group>
  );
}
