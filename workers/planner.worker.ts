import * as Comlink from 'comlink';
import { PlannerEngine } from '../src/planning/PlannerEngine';

Comlink.expose(new PlannerEngine());
