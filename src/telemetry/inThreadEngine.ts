/**
 * The simulation engine behind the same promise-based handle as its worker, but on the calling thread: for
 * tests and tools in Node, where there is no page to start a web worker from.
 */
import { RecordingSimEngine } from './recording/RecordingSimEngine';
import type { SimEngineHandle } from './SimSource';

export function inThreadEngine(engine = new RecordingSimEngine()): SimEngineHandle {
  return {
    load: async (scene, options) => engine.load(scene, options),
    attach: async (buffer) => engine.attach(buffer),
    advance: async (clockS) => engine.advance(clockS),
    frameCopy: async () => engine.frameCopy(),
    snapshot: async (logTail) => engine.snapshot(logTail),
    plannedPaths: async () => engine.plannedPaths(),
    injectRogueAgv: async (i) => engine.injectRogueAgv(i),
    endRogueAgv: async () => engine.endRogueAgv(),
    startRecording: async (o) => engine.startRecording(o),
    recordedMessages: async () => engine.recordedMessages(),
    stopRecording: async () => engine.stopRecording(),
    operations: async () => engine.operations(),
    vehicle: async (key) => engine.vehicle(key),
    setFacilityDown: async (id, down) => engine.setFacilityDown(id, down),
  };
}
