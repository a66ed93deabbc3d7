/**
 * The simulation engine as the operations console needs it: what the simulation worker serves. The fleet, as
 * VDA 5050 vehicles, goes through a fleet feed when the console reads it ({@link SimFeed}: the same rows and
 * vehicle details as live and replay); while recording, every frame the view asks for also records the fleet as
 * those messages ({@link SimRecorder}); stopping returns the MCAP file. Lives in the telemetry layer because it speaks VDA 5050, which the simulation
 * must not know.
 */
import operations from '../../../data/operations.json' with { type: 'json' };
import { sceneMaps } from '../../domain/mapPlacement';
import type { Scene } from '../../domain/sceneSchema';
import { META_CLOCK_S, META_COUNT, META_ROUND, trafficInput } from '../../domain/trafficFrame';
import { SimulationEngine, type EngineLayout } from '../../sim/SimulationEngine';
import type { SimOptions } from '../../sim/simParams';
import { CHECKPOINT_KINDS } from '../alerts/checkpoints';
import type { FeedCounts, TrafficPack } from '../FleetFeed';
import type { VehicleDetail } from '../vehicleRow';
import { SimFeed } from './SimFeed';
import { SimRecorder } from './SimRecorder';

/** What the operations console reads of the simulation twice a second, besides the KPIs. */
export interface SimOperations {
  /** The fleet as a fleet feed; absent in a layout without AGVs. */
  readonly fleet?: FeedCounts;
  /** Checkpoints marked out of service ({@link RecordingSimEngine.setFacilityDown}), by id. */
  readonly facilitiesDown: readonly string[];
  /** The AGV (0-based) made to ignore its plan by a fault drill, if any: on until the drill is ended. */
  readonly rogueAgv: number | undefined;
}

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
  private simFeed: SimFeed | undefined;
  private readonly down = new Set<string>();
  private traffic: { readonly buffer: ArrayBufferLike; readonly capacity: number; readonly routeCap: number } | undefined;

  override load(scene: Scene, options: SimOptions = {}): EngineLayout {
    const layout = super.load(scene, options);
    const sim = this.need();
    this.down.clear();
    this.simFeed = sim.fleet
      ? new SimFeed(sim, { maps: sceneMaps(scene), periodS: operations.simFeed.periodS.value, staleAfterMs: operations.simFeed.staleAfterS.value * 1000 })
      : undefined;
    if (this.traffic) this.simFeed?.feed.attachTraffic(this.traffic.buffer, this.traffic.capacity, this.traffic.routeCap);
    return layout;
  }

  /** The buffer the simulated fleet is packed into for traffic prediction; kept across loads. */
  attachTraffic(buffer: ArrayBufferLike, capacity: number, routeCap: number): void {
    this.need();
    trafficInput(capacity, routeCap, buffer);
    this.simFeed?.feed.attachTraffic(buffer, capacity, routeCap);
    this.traffic = { buffer, capacity, routeCap };
  }

  /** Packs the simulated fleet now for traffic prediction; a layout without AGVs packs none. */
  packTraffic(): TrafficPack {
    const sim = this.need();
    if (this.simFeed) return this.simFeed.packTraffic();
    if (!this.traffic) throw new Error('no traffic buffer: call attachTraffic() first');
    const { meta } = trafficInput(this.traffic.capacity, this.traffic.routeCap, this.traffic.buffer);
    meta[META_COUNT] = 0;
    meta[META_CLOCK_S] = sim.now;
    meta[META_ROUND] = meta[META_ROUND]! + 1;
    return { keys: [], round: meta[META_ROUND]!, clockS: sim.now };
  }

  /** The fleet's rows and counts, and the checkpoints out of service: read at the console's 2 Hz, not per frame. */
  operations(): SimOperations {
    const sim = this.need();
    const fleet = this.simFeed?.counts();
    const rogue = sim.fleet?.motion.rogue ?? -1;
    // rogueAgv is always present, undefined once the drill ends, so that merging it into the source state clears it.
    return { ...(fleet ? { fleet } : {}), facilitiesDown: [...this.down], rogueAgv: rogue >= 0 ? rogue : undefined };
  }

  /** Everything known of one simulated vehicle (`smartgate/AGV-001` …), for its panel. */
  vehicle(key: string): VehicleDetail | undefined {
    return this.simFeed?.vehicle(key);
  }

  /**
   * Takes a barrier or scanner bay out of service, or puts it back (the operations console's fault drill): the
   * simulation stops serving there (trucks queue) and the checkpoint is reported down, which raises the "barrier or
   * scanner down" alert. Throws for an id that is no checkpoint of the scene.
   */
  setFacilityDown(facilityId: string, down: boolean): readonly string[] {
    const sim = this.need();
    const f = sim.scene.facilities.find((x) => x.id === facilityId);
    if (!f || !CHECKPOINT_KINDS.includes(f.kind)) throw new RangeError(`no barrier or scanner "${facilityId}" in this scene`);
    sim.setFacilityDown(facilityId, down);
    if (down) this.down.add(facilityId);
    else this.down.delete(facilityId);
    return [...this.down];
  }

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
