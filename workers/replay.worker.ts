import * as Comlink from 'comlink';
import { ReplayEngine } from '../src/telemetry/replay/ReplayEngine';

Comlink.expose(new ReplayEngine());
