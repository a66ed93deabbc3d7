import * as Comlink from 'comlink';
import { RecordingSimEngine } from '../src/telemetry/recording/RecordingSimEngine';

Comlink.expose(new RecordingSimEngine());
