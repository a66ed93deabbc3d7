import * as Comlink from 'comlink';
import { TrafficCollisionEngine } from '../src/collision/traffic/TrafficCollisionEngine';

Comlink.expose(new TrafficCollisionEngine());
