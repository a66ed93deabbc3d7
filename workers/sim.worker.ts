import * as Comlink from 'comlink';
import { SimulationEngine } from '../src/sim/SimulationEngine';

Comlink.expose(new SimulationEngine());
