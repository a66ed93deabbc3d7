import safety from '../../data/safety.json' with { type: 'json' };
import type { Scene } from '../domain/sceneSchema';
import type { FeedCollisionOptions } from '../telemetry/FeedCollisions';

/**
 * Collision checks on incoming telemetry use the scene's AGV size and the safety figures of data/safety.json,
 * as the simulation's own checks do. (Read here, in the app, so the telemetry engines stay free of data files and
 * load unchanged in Node tools and the test runner.)
 */
export function collisionOptionsFor(scene: Scene): FeedCollisionOptions {
  return {
    lengthM: scene.fleet.agv.lengthM.value,
    widthM: scene.fleet.agv.widthM.value,
    horizonS: safety.collision.horizonS.value,
    nearMissClearanceM: safety.collision.nearMissClearanceM.value,
  };
}
