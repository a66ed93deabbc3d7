import * as Comlink from 'comlink';
import { LiveEngine } from '../src/telemetry/live/LiveEngine';

Comlink.expose(new LiveEngine());
