/**
 * What the alert book needs from a source's state, whatever the source: its fleet and, where the source tells
 * (the simulation's fault drills), the checkpoints out of service. Each scene checkpoint (barrier, scanner bay) is
 * reported with its place.
 */
import type { Scene } from '../../domain/sceneSchema';
import type { AlertInput, FacilityStatus, RestPlace } from './AlertBook';
import { CHECKPOINT_KINDS } from './checkpoints';
import type { SourceState } from '../TelemetrySource';

/** The alert book's input from one state, or undefined while the source has no fleet figures yet. */
export function alertInputOf(
  s: Pick<SourceState, 'status' | 'clockS' | 'fleet' | 'facilitiesDown'>,
  checkpoints: readonly FacilityStatus[],
): AlertInput | undefined {
  const fleet = s.fleet;
  const down = s.facilitiesDown;
  if (!fleet && down === undefined) return undefined;
  return {
    clockS: s.clockS,
    ...(s.status === 'reconnecting' ? { connectionLost: true } : {}),
    rows: fleet?.vehicles ?? [],
    collisions: fleet?.collisionEvents ?? [],
    ...(down ? { facilities: checkpoints.map((f) => ({ ...f, down: down.includes(f.id) })) } : {}),
  };
}

/** The scene's barriers and scanner bays, in service, at their places. */
export function checkpointsOf(scene: Scene): FacilityStatus[] {
  return scene.facilities
    .filter((f) => CHECKPOINT_KINDS.includes(f.kind))
    .map((f) => ({ id: f.id, down: false, x: f.footprint.position[0], y: f.footprint.position[1] }));
}

/** Where AGVs rest: the scene's park and charge lane nodes. */
export function restPlacesOf(scene: Scene): RestPlace[] {
  return scene.lanes.nodes.filter((n) => n.role === 'park' || n.role === 'charge').map((n) => ({ x: n.position[0], y: n.position[1] }));
}
