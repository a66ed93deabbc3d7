/**
 * The simulation engine with a Record button: what the simulation worker serves. While recording, every frame
 * the view asks for also records the fleet as VDA 5050 messages ({@link SimRecorder}); stopping returns the MCAP
 * file. Lives in the telemetry layer because recording speaks VDA 5050, which the simulation must not know.
 */
import { sceneMaps } from '../../domain/mapPlacement';
import { SimulationEngine } from '../../sim/SimulationEngine';
import { SimRecorder } from './SimRecorder';

export interface SimRecordingOptions {
  /** Epoch ms of simulated second 0: midnight at the gate of the day the recording is filed under. */
  readonly dayStartMs: number;
  /**
   * Simulated seconds between two poses of a vehicle. At most one record per frame, so at 1,000× the file holds
   * one pose per frame (≈17 s of simulated time), not 2,000.
   */
  readonly periodS: number;
}

export class RecordingSimEngine extends SimulationEngine {
  private recorder: SimRecorder | undefined;

  startRecording(o: SimRecordingOptions): void {
    const sim = this.need();
    if (this.recorder) throw new Error('already recording');
    this.recorder = new SimRecorder(sim, { map: sceneMaps(sim.scene)[0]!, dayStartMs: o.dayStartMs, periodS: o.periodS });
    this.recorder.tick();
  }

  /** Messages recorded so far; 0 when not recording. */
  recordedMessages(): number {
    return this.recorder?.messages ?? 0;
  }

  /** Ends the recording and returns the file (every vehicle signed off OFFLINE at the last simulated instant). */
  stopRecording(): Uint8Array<ArrayBuffer> {
    const recorder = this.recorder;
    if (!recorder) throw new Error('not recording');
    this.recorder = undefined;
    return recorder.finish();
  }

  override advance(clockS: number): number {
    const now = super.advance(clockS);
    this.recorder?.tick();
    return now;
  }
}
