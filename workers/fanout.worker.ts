import * as Comlink from 'comlink';
import { FanoutEngine } from '../src/telemetry/fanout/FanoutEngine';

Comlink.expose(new FanoutEngine((url) => new WebSocket(url)));
