/**
 * The simulated fleet recorded as a live fleet would be: every AGV a VDA 5050 vehicle ({@link FleetPublisher}:
 * `connection`, `visualization` every `periodS` of simulated time, `state` on change and every 30 s), written to
 * an MCAP file with one channel per topic. The same file then replays through the same decoder, gate and fleet
 * table as live data, and opens in Foxglove Studio or the `mcap` CLI.
 *
 * Log times are the simulated clock placed on a calendar day (`dayStartMs` + simulated seconds), so a replay shows
 * the gate's time of day. Used by the simulation worker (the app's Record button) and by `npm run samples`.
 */
import type { MapPlacement } from '../../domain/sceneSchema';
import type { Simulation } from '../../sim/Simulation';
import { FleetPublisher } from '../live/FleetPublisher';
import type { VdaMajor } from '../vda5050/agvReport';
import { McapRecorder } from './McapRecorder';

export interface SimRecorderOptions {
  /** Where the vehicles' map lies in the zone (the scene's first telemetry map). */
  readonly map: MapPlacement;
  /** Epoch ms of simulated second 0 (midnight of the recorded day, gate time). */
  readonly dayStartMs: number;
  /** Simulated seconds between two `visualization` messages of a vehicle (at most one per call of {@link tick}). */
  readonly periodS: number;
  readonly version?: VdaMajor;
}

const NS_PER_MS = 1_000_000n;

export class SimRecorder {
  private readonly publisher: FleetPublisher;
  private readonly recorder = new McapRecorder({ library: 'smart-gate-twin' });
  private lastS = -Infinity;
  /** Vehicles whose link is down: nothing of theirs is recorded until they are ONLINE again. */
  private readonly silent = new Set<string>();
  /** Messages recorded so far. */
  messages = 0;
  /** Simulated time of the first and last tick recorded. */
  firstS = Number.NaN;
  lastTickS = Number.NaN;

  constructor(
    private readonly sim: Simulation,
    private readonly o: SimRecorderOptions,
  ) {
    this.publisher = new FleetPublisher(sim, { version: o.version ?? 2, manufacturer: 'smartgate', map: o.map });
    const ms = this.nowMs();
    for (let i = 0; i < this.publisher.serials.length; i++)
      this.write(this.publisher.topic(i, 'connection'), ms, this.publisher.connection(i, 'ONLINE', ms));
  }

  /** Records the fleet at the simulation's current time when `periodS` has passed since the last record. */
  tick(): void {
    const s = this.sim.now;
    if (s - this.lastS < this.o.periodS) return;
    this.lastS = s;
    if (Number.isNaN(this.firstS)) this.firstS = s;
    this.lastTickS = s;
    const ms = this.nowMs();
    this.publisher.tick(ms, (topic, message) => this.write(topic, ms, message));
  }

  /**
   * Delivers an `order` or `instantActions` message to a vehicle, as the broker would, and records it on its topic
   * (so a replay shows what was asked as well as the answer in the vehicle's next state).
   */
  command(topic: string, message: object): boolean {
    this.write(topic, this.nowMs(), message);
    return this.publisher.handle(topic, JSON.stringify(message));
  }

  /**
   * Records a vehicle's connection state, as its last will (CONNECTIONBROKEN) or its own message would arrive;
   * while it is not ONLINE nothing else of it is recorded, as nothing would come through a dropped link.
   */
  connection(serial: string, state: 'ONLINE' | 'OFFLINE' | 'CONNECTIONBROKEN'): void {
    const i = this.publisher.serials.indexOf(serial);
    if (i < 0) throw new RangeError(`no vehicle ${serial} in this fleet`);
    if (state === 'ONLINE') this.silent.delete(serial);
    const ms = this.nowMs();
    this.write(this.publisher.topic(i, 'connection'), ms, this.publisher.connection(i, state, ms));
    if (state !== 'ONLINE') this.silent.add(serial);
  }

  /** The vehicles' serial numbers, `AGV-001` …. */
  get serials(): readonly string[] {
    return this.publisher.serials;
  }

  /** Topic of vehicle `serial`'s `subtopic`. */
  topic(serial: string, subtopic: 'order' | 'instantActions' | 'state'): string {
    return this.publisher.topic(this.publisher.serials.indexOf(serial), subtopic);
  }

  /** Records every vehicle OFFLINE (a clean stop) and returns the finished file. */
  finish(): Uint8Array<ArrayBuffer> {
    const ms = this.nowMs();
    for (let i = 0; i < this.publisher.serials.length; i++)
      this.write(this.publisher.topic(i, 'connection'), ms, this.publisher.connection(i, 'OFFLINE', ms));
    return this.recorder.finish();
  }

  private nowMs(): number {
    return this.o.dayStartMs + Math.round(this.sim.now * 1000);
  }

  private write(topic: string, ms: number, message: object): void {
    if (this.silent.size > 0 && this.silent.has(topic.split('/')[3]!)) return;
    this.recorder.record(topic, BigInt(ms) * NS_PER_MS, message);
    this.messages++;
  }
}
