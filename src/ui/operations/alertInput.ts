/**
 * What the alert book needs from a source's state, whatever the source: the simulation publishes its fleet as
 * `feed` and its checkpoints out of service as `facilitiesDown`; the live feed and a replay publish their
 * fleet counts as `snapshot`. Each scene checkpoint (barrier, scanner bay) is reported with its place.
 */
import type { Scene } from '../../domain/sceneSchema';
import type { AlertInput, FacilityStatus, RestPlace } from '../../telemetry/alerts/AlertBook';
import type { FeedCounts } from '../../telemetry/FleetFeed';
import { CHECKPOINT_KINDS } from '../../telemetry/alerts/checkpoints';

interface AnySourceState {
  readonly clockS?: number;
  readonly feed?: FeedCounts;
  readonly snapshot?: Partial<FeedCounts>;
  readonly facilitiesDown?: readonly string[];
}

/** The alert book's input from one state, or undefined while the source has no fleet figures yet. */
export function alertInputOf(state: unknown, checkpoints: readonly FacilityStatus[]): AlertInput | undefined {
  const s = state as AnySourceState | undefined;
  const counts = s?.feed ?? (Array.isArray(s?.snapshot?.vehicles) ? (s.snapshot as FeedCounts) : undefined);
  if (s?.clockS === undefined || (!counts && s.facilitiesDown === undefined)) return undefined;
  const down = s.facilitiesDown;
  return {
    clockS: s.clockS,
    rows: counts?.vehicles ?? [],
    collisions: counts?.collisionEvents ?? [],
    ...(down ? { facilities: checkpoints.map((f) => ({ ...f, down: down.includes(f.id) })) } : {}),
  };
}

/** The scene's barriers and scanner bays, in service, at their places. */
export function checkpointsOf(scene: Scene): FacilityStatus[] {
  return scene.facilities.filter((f) => CHECKPOINT_KINDS.includes(f.kind)).map((f) => ({ id: f.id, down: false, x: f.footprint.position[0], y: f.footprint.position[1] }));
}

/** Where AGVs rest: the scene's park and charge lane nodes. */
export function restPlacesOf(scene: Scene): RestPlace[] {
  return scene.lanes.nodes.filter((n) => n.role === 'park' || n.role === 'charge').map((n) => ({ x: n.position[0], y: n.position[1] }));
}
