import type { Problem } from '../problem';
import type { Scene } from '../sceneSchema';
import { checkDimensions } from './dimensions';
import { checkIds } from './ids';
import { checkLanes } from './lanes';
import { checkOverlaps } from './overlap';
import { checkProcess } from './process';
import { checkReachability } from './reachability';
import { checkSides } from './sides';
import { checkTour } from './tour';
import { checkTruckRoutes } from './truckRoutes';

/** Meaning checks on a scene that already has the right shape; returns every problem found. */
export function checkScene(scene: Scene): Problem[] {
  return [
    ...checkIds(scene),
    ...checkSides(scene),
    ...checkDimensions(scene),
    ...checkOverlaps(scene),
    ...checkLanes(scene),
    ...checkReachability(scene),
    ...checkTruckRoutes(scene),
    ...checkProcess(scene),
    ...checkTour(scene),
  ];
}
