import * as Comlink from 'comlink';
import { TrafficPlannerEngine } from '../src/planning/traffic/TrafficPlannerEngine';

Comlink.expose(new TrafficPlannerEngine());
