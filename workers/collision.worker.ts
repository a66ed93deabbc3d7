import * as Comlink from 'comlink';
import { CollisionEngine } from '../src/collision/CollisionEngine';

Comlink.expose(CollisionEngine);
