/**
 * The simulation as a worker serves it (workers/sim.worker.ts exposes its recording subclass): load a scene,
 * advance to a clock time and pack the frame into a buffer shared with the caller (a SharedArrayBuffer: the page
 * is cross-origin isolated, so each frame crosses threads without a copy or an allocation; a caller without
 * shared memory attaches a plain buffer and reads {@link frameCopy}), read the KPIs and the recent log, the
 * planned paths, inject a fault. Plain data in and out, so comlink carries it.
 *
 * @example
 *   const engine = new SimulationEngine();
 *   const layout = engine.load(scene, { seed: 1 });
 *   const frame = new Float32Array(new SharedArrayBuffer(4 * packedLength(layout)));
 *   engine.attach(frame);
 *   engine.advance(3600); // frame now holds 01:00
 */
import { alertBuffers, MAX_ALERTS, packedLength, packFrame, type FrameLayout } from '../domain/packedFrame';
import type { Scene } from '../domain/sceneSchema';
import type { HourRow, SimKpis } from './simKpis';
import type { SimOptions } from './simParams';
import { Simulation, type LogEntry } from './Simulation';

/** How long a contact or near miss stays highlighted (s of simulated time). */
const ALERT_SHOWN_S = 120;

export interface EngineLayout extends FrameLayout {
  readonly endS: number;
  readonly stepS: number;
}

export interface SimSnapshot {
  readonly clockS: number;
  readonly endS: number;
  readonly done: boolean;
  readonly agvs: number;
  readonly trucksInside: number;
  readonly kpis: SimKpis;
  readonly hourly: readonly HourRow[];
  /** The latest log entries, newest last, and how many entries were ever made. */
  readonly log: readonly LogEntry[];
  readonly logged: number;
}

export class SimulationEngine {
  protected sim: Simulation | undefined;
  private layout: EngineLayout | undefined;
  private readonly alerts = alertBuffers();
  private buffer: Float32Array | undefined;

  load(scene: Scene, options: SimOptions = {}): EngineLayout {
    const sim = new Simulation(scene, options);
    this.sim = sim;
    this.buffer = undefined;
    this.layout = {
      agvCapacity: sim.frame.agvs.x.length,
      truckCapacity: sim.frame.trucks.x.length,
      facilityCount: scene.facilities.length,
      endS: sim.endS,
      stepS: sim.motion?.stepS ?? 0,
    };
    return this.layout;
  }

  /** The buffer frames are packed into (length {@link packedLength} of the loaded layout). */
  attach(buffer: Float32Array): void {
    const need = this.layout ? packedLength(this.layout) : 0;
    if (!this.layout || buffer.length !== need) throw new RangeError(`frame buffer of ${buffer.length} floats, expected ${need} for the loaded scene`);
    this.buffer = buffer;
  }

  /** Runs to `clockS` and packs the frame into the attached buffer; returns the clock reached. */
  advance(clockS: number): number {
    const sim = this.need();
    if (!this.buffer) throw new Error('no frame buffer: call attach(buffer) after load');
    sim.advanceTo(clockS);
    sim.writeFrame();
    this.collectAlerts(sim);
    packFrame(this.layout!, sim.now, sim.frame, sim.facilityBusy, this.alerts, this.buffer, sim.craneCycles);
    return sim.now;
  }

  /** A copy of the attached buffer, for a caller that could not share memory with the engine. */
  frameCopy(): Float32Array {
    if (!this.buffer) throw new Error('no frame buffer: call attach(buffer) after load');
    return this.buffer.slice();
  }

  snapshot(logTail = 50): SimSnapshot {
    const sim = this.need();
    return {
      clockS: sim.now,
      endS: sim.endS,
      done: sim.done,
      agvs: sim.motion?.n ?? 0,
      trucksInside: sim.trucksInside,
      kpis: sim.kpis(),
      hourly: sim.hourly.slice(),
      log: sim.log.slice(-logTail),
      logged: sim.logged,
    };
  }

  plannedPaths(): Float32Array {
    return this.need().motion?.plannedSegments() ?? new Float32Array(0);
  }

  injectRogueAgv(i: number): void {
    this.need().injectRogueAgv(i);
  }

  endRogueAgv(): void {
    this.need().endRogueAgv();
  }

  private collectAlerts(sim: Simulation): void {
    const a = this.alerts;
    a.count = 0;
    for (let k = sim.log.length - 1; k >= 0 && a.count < MAX_ALERTS; k--) {
      const e = sim.log[k]!;
      if (sim.now - e.t > ALERT_SHOWN_S) break;
      if (e.x === undefined || e.y === undefined) continue;
      a.x[a.count] = e.x;
      a.y[a.count] = e.y;
      a.kind[a.count] = e.kind === 'contact' ? 1 : 2;
      a.ageS[a.count] = sim.now - e.t;
      a.count++;
    }
  }

  protected need(): Simulation {
    if (!this.sim) throw new Error('no scene loaded: call load(scene) first');
    return this.sim;
  }
}
