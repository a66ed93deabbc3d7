import { Canvas } from '@react-three/fiber';
import { Suspense, useMemo, type ReactNode } from 'react';
import type { Facility, Scene } from '../domain/sceneSchema';
import { sceneBounds } from '../domain/sceneBounds';
import { BorderLine } from './BorderLine';
import { CameraRig } from './CameraRig';
import { FacilityLayer } from './FacilityLayer';
import { FleetLayer, type FleetSource, type MatrixMethod } from './fleet/FleetLayer';
import { Ground } from './Ground';
import { LaneNetwork } from './LaneNetwork';
import { LabelLayer, LabelTracker, type MapLabel } from './MapLabels';
import { SelectionMarker } from './SelectionMarker';
import { sideLabels } from './sideLabels';
import type { RenderStats } from './renderStats';
import { StatsProbe } from './StatsProbe';
import { TruckRoutes } from './TruckRoutes';
import { BusyFacilities } from './sim/BusyFacilities';
import { CollisionAlerts } from './sim/CollisionAlerts';
import { PlannedPaths } from './sim/PlannedPaths';
import type { AlertBuffers } from '../domain/packedFrame';
import type { CraneCycles } from '../domain/craneCycles';

/** What a source adds to the picture: facilities at work, recent collision alerts (simulation, live, replay), planned paths and crane cycles (simulation). */
export interface SimLayers {
  readonly busy: Uint8Array;
  /** What each crane is doing (the simulation); absent, cranes stand at rest. */
  readonly cranes?: CraneCycles;
  readonly alerts: AlertBuffers;
  readonly paths: { readonly segments: Float32Array; readonly version: number };
  readonly showPaths: boolean;
}

export interface TwinCanvasProps {
  readonly scene: Scene;
  readonly fleet: FleetSource;
  /** Where the canvas writes its per-frame figures, for the probe. */
  readonly stats: RenderStats;
  readonly hidden: readonly string[];
  readonly maxPixelRatio: number;
  /** Country names shown either side of the border, in the UI's language. */
  readonly sideNames: { readonly VN: string; readonly CN: string };
  readonly matrixMethod?: MatrixMethod;
  readonly sim?: SimLayers;
  readonly onPick: (f: Facility) => void;
  readonly onMiss: () => void;
  /** Pauses drawing (a briefing wall whose tab is hidden); `always` otherwise. */
  readonly frameloop?: 'always' | 'never';
  /** A console's own layers (editing gizmos, alert markers, heat map), drawn in the same world. */
  readonly children?: ReactNode;
}

/** The 3D world of one scene. Pixel ratio is capped so a 4K wall keeps its frame rate. */
export function TwinCanvas({
  scene,
  fleet,
  stats,
  hidden,
  maxPixelRatio,
  sideNames,
  matrixMethod,
  sim,
  onPick,
  onMiss,
  frameloop = 'always',
  children,
}: TwinCanvasProps) {
  const bounds = useMemo(() => sceneBounds(scene), [scene]);
  const labels = useMemo<MapLabel[]>(
    () => [
      ...scene.zone.border.markers.map((m): MapLabel => ({
        key: `marker-${m.number}`,
        text: m.number,
        at: [m.position[0], m.position[1], 4],
        kind: 'marker',
      })),
      ...sideLabels(scene.zone, sideNames),
    ],
    [scene, sideNames],
  );
  return (
    <div className="twin-view">
      <Canvas
        dpr={[1, maxPixelRatio]}
        frameloop={frameloop}
        camera={{ fov: 45, near: 1, far: 30000, position: [0, 800, 800] }}
        gl={{ antialias: true, powerPreference: 'high-performance' }}
        onPointerMissed={onMiss}
        data-testid="twin-canvas"
      >
        <color attach="background" args={['#c7d7e6']} />
        <fog attach="fog" args={['#c7d7e6', 4000, 16000]} />
        <hemisphereLight args={['#eef6ff', '#4d5b3a', 1.4]} />
        <directionalLight position={[-600, 900, 400]} intensity={2.2} />
        <Ground bounds={bounds} />
        <BorderLine zone={scene.zone} />
        <LaneNetwork scene={scene} visible={!hidden.includes('lanes')} />
        <TruckRoutes routes={scene.truckRoutes} visible={!hidden.includes('truck-routes')} />
        <Suspense fallback={null}>
          <FacilityLayer scene={scene} onPick={onPick} cranes={sim?.cranes} stats={stats} />
          <FleetLayer scene={scene} source={fleet} stats={stats} method={matrixMethod} />
          {sim && <BusyFacilities scene={scene} busy={sim.busy} />}
          <StatsProbe sceneId={scene.id} stats={stats} />
        </Suspense>
        {sim && <CollisionAlerts alerts={sim.alerts} />}
        {sim && <PlannedPaths source={sim} visible={sim.showPaths} />}
        <SelectionMarker scene={scene} />
        <CameraRig scene={scene} />
        <LabelTracker labels={labels} />
        {children}
      </Canvas>
      <LabelLayer labels={labels} />
    </div>
  );
}
