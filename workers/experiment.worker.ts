import * as Comlink from 'comlink';
import { ExperimentEngine } from '../src/sim/experiment/ExperimentEngine';

Comlink.expose(new ExperimentEngine());
