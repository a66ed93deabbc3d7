/**
 * Traffic prediction for a running source, once a round (about a second of wall time): the source's worker packs
 * its fleet into the shared input buffer, the planner worker times every AGV's route into the shared routes
 * buffer, the collision worker finds conflicts, deadlocks and blocked routes in both, and the service turns
 * fleet-table indices into vehicle keys and publishes a {@link TrafficSnapshot}. One round in flight at a time:
 * a slow round makes the next one late, never two at once; the page never waits on a worker.
 *
 * The buffers are `SharedArrayBuffer`s (the page is cross-origin isolated), sized for the longest horizon offered
 * and for the fleet seen so far (doubling from {@link FIRST_CAPACITY} when a source reports more vehicles: a
 * 5,000-vehicle buffer for a 40-AGV simulation would hold 36 MB of samples), and handed to the three workers.
 */
import traffic from '../../../data/traffic.json' with { type: 'json' };
import type { Scene } from '../../domain/sceneSchema';
import type { TrafficCollisionEngine } from '../../collision/traffic/TrafficCollisionEngine';
import type { TrafficPlannerEngine } from '../../planning/traffic/TrafficPlannerEngine';
import type { BlockedRoute, PredictedConflict, PredictedDeadlock, TrafficFindings } from '../../domain/trafficFindings';
import type { ProposalResult, ProposalTarget } from '../../domain/trafficProposal';
import {
  FLAG_COMMITTED,
  predictedRoutes,
  predictedRoutesBytes,
  sampleCount,
  trafficInput,
  trafficInputBytes,
  UNKNOWN_NODE,
  type PredictedRoutes,
  type TrafficInput,
} from '../../domain/trafficFrame';
import type {
  BlockedView,
  ConflictView,
  DeadlockView,
  ProposalTargetView,
  ProposalView,
  TrafficSnapshot,
  TrafficStore,
} from '../../store/traffic/trafficStore';
import type { TrafficPort } from '../../telemetry/TelemetrySource';

export interface BufferLayout {
  readonly capacity: number;
  readonly routeCap: number;
  readonly samples: number;
}

/** The planner worker's engine, as the service calls it (through comlink, or in the same thread in tests). */
export type RoutePlanner = Promisified<TrafficPlannerEngine>;

/** An engine's methods, each answering with a promise (what comlink makes of them). */
type Promisified<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> | R : never };

/** The collision worker's engine. */
export type ConflictFinder = Promisified<TrafficCollisionEngine>;

export interface TrafficServiceOptions {
  readonly scene: Scene;
  readonly port: TrafficPort;
  readonly planner: RoutePlanner;
  readonly finder: ConflictFinder;
  readonly store: TrafficStore;
  readonly clearanceM: number;
  readonly waitingTooLongS: number;
  /** Lane nodes inside each checkpoint (barrier, scanner bay), for routes through one out of service. */
  readonly checkpointNodes: ReadonlyMap<string, readonly number[]>;
  /** The checkpoints out of service now (the source's latest state). */
  facilitiesDown(): readonly string[];
  /** Wall-clock milliseconds, for the round's duration. */
  now(): number;
  /** AGVs the buffers first hold (default {@link FIRST_CAPACITY}). */
  readonly firstCapacity?: number;
}

const ROUTE_CAP: number = traffic.routeCap.value;
const SAMPLE_S: number = traffic.sampleS.value;
const LONGEST_S: number = Math.max(...traffic.horizonChoicesS.value);
/** AGVs the buffers first hold; they double as the fleet grows. */
export const FIRST_CAPACITY = 256;

interface Buffers {
  readonly input: TrafficInput;
  readonly routes: PredictedRoutes;
}

export class TrafficService {
  private buffers: Buffers | undefined;
  private readonly downNodes: Uint8Array;
  private busy = false;
  private disposed = false;

  constructor(private readonly o: TrafficServiceOptions) {
    this.downNodes = new Uint8Array(o.scene.lanes.nodes.length);
  }

  /**
   * Runs one round unless one is in flight or the service is disposed; resolves when it has published (or has
   * skipped). A failure is published in the store as text and rethrown.
   */
  async round(): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    const began = this.o.now();
    try {
      let buffers = this.buffers ?? (await this.allocate(this.o.firstCapacity ?? FIRST_CAPACITY));
      let { keys, clockS } = await this.o.port.pack();
      if (keys.length > buffers.input.capacity) {
        let capacity = buffers.input.capacity;
        while (capacity < keys.length) capacity *= 2;
        buffers = await this.allocate(capacity);
        ({ keys, clockS } = await this.o.port.pack());
      }
      const horizonS = this.o.store.getState().horizonS;
      await this.o.planner.predict(Math.min(horizonS, LONGEST_S), SAMPLE_S);
      this.markDown();
      const findings = await this.o.finder.check(this.downNodes);
      const proposals = await this.propose(findings);
      if (this.disposed) return;
      this.o.store.getState().publish(this.snapshot(buffers, keys, clockS, horizonS, findings, proposals, this.o.now() - began));
      if (this.o.store.getState().failure !== undefined) this.o.store.getState().fail(undefined);
    } catch (e) {
      if (!this.disposed) this.o.store.getState().fail(e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      this.busy = false;
    }
  }

  /** Stops publishing and clears the store's round; the caller ends the workers. */
  dispose(): void {
    this.disposed = true;
    this.o.store.getState().publish(undefined);
  }

  /** New buffers for `capacity` AGVs, handed to the source and both engines. */
  private async allocate(capacity: number): Promise<Buffers> {
    const samples = sampleCount(LONGEST_S, SAMPLE_S);
    const inputBuffer = new SharedArrayBuffer(trafficInputBytes(capacity, ROUTE_CAP));
    const routesBuffer = new SharedArrayBuffer(predictedRoutesBytes(capacity, ROUTE_CAP, samples));
    const buffers = { input: trafficInput(capacity, ROUTE_CAP, inputBuffer), routes: predictedRoutes(capacity, ROUTE_CAP, samples, routesBuffer) };
    const { scene } = this.o;
    const layout = { capacity, routeCap: ROUTE_CAP, samples };
    const agv = scene.fleet.agv;
    const lanes = { nodes: scene.lanes.nodes, edges: scene.lanes.edges };
    await Promise.all([
      this.o.port.attach(inputBuffer, capacity, ROUTE_CAP),
      this.o.planner.init(
        lanes,
        { maxSpeedMps: agv.maxSpeedMps.value, accelerationMps2: agv.accelerationMps2.value, decelerationMps2: agv.decelerationMps2.value },
        layout,
        inputBuffer,
        routesBuffer,
      ),
      this.o.finder.init(
        lanes,
        { lengthM: agv.lengthM.value, widthM: agv.widthM.value },
        {
          clearanceM: this.o.clearanceM,
          fixedS: traffic.timingUncertainty.fixedS,
          perSecondAhead: traffic.timingUncertainty.perSecondAhead,
          standingSpeedMps: traffic.standingSpeedMps.value,
          waitingTooLongS: this.o.waitingTooLongS,
        },
        layout,
        inputBuffer,
        routesBuffer,
      ),
    ]);
    this.buffers = buffers;
    return buffers;
  }

  /** A proposal for every conflict and deadlock of the round (none asked for when there are none). */
  private async propose(f: TrafficFindings): Promise<readonly ProposalResult[]> {
    const targets: ProposalTarget[] = [
      ...f.conflicts.map((c): ProposalTarget => ({ kind: 'conflict', a: c.a, b: c.b })),
      ...f.deadlocks.map((d): ProposalTarget => ({ kind: 'deadlock', agvs: d.agvs })),
    ];
    if (targets.length === 0) return [];
    const agv = this.o.scene.fleet.agv;
    return this.o.planner.propose(targets, {
      clearanceM: this.o.clearanceM,
      nearM: traffic.proposal.nearM.value,
      maxRounds: traffic.proposal.maxRounds.value,
      lengthM: agv.lengthM.value,
      widthM: agv.widthM.value,
    });
  }

  private markDown(): void {
    this.downNodes.fill(0);
    for (const id of this.o.facilitiesDown()) for (const k of this.o.checkpointNodes.get(id) ?? []) this.downNodes[k] = 1;
  }

  /** Copies what the view and panels read out of the shared buffers (the workers overwrite them next round). */
  private snapshot(
    b: Buffers,
    keys: readonly string[],
    clockS: number,
    horizonS: number,
    f: TrafficFindings,
    proposed: readonly ProposalResult[],
    roundMs: number,
  ): TrafficSnapshot {
    const { input, routes } = b;
    const n = Math.min(keys.length, input.capacity);
    const cap = ROUTE_CAP;
    const nodes = this.o.scene.lanes.nodes;
    const key = (i: number) => keys[i] ?? `#${i}`;
    const conflicts = f.conflicts.map((c: PredictedConflict): ConflictView => ({ ...c, a: key(c.a), b: key(c.b) }));
    const deadlocks = f.deadlocks.map((d: PredictedDeadlock): DeadlockView => ({ ...d, agvs: d.agvs.map(key) }));
    const blocked = f.blocked.map((b: BlockedRoute): BlockedView => ({
      agv: key(b.agv),
      reason: b.reason,
      ...(b.node !== UNKNOWN_NODE && nodes[b.node] ? { nodeId: nodes[b.node]!.id } : {}),
      ...(b.by === undefined ? {} : { by: key(b.by) }),
      inS: b.inS,
      x: b.x,
      y: b.y,
    }));
    const target = (p: ProposalResult): ProposalTargetView =>
      p.target.kind === 'conflict' ? { kind: 'conflict', a: key(p.target.a), b: key(p.target.b) } : { kind: 'deadlock', agvs: p.target.agvs.map(key) };
    const proposals = proposed.map((p): ProposalView => {
      const id = proposalId(target(p));
      if (!p.ok) return { id, ok: false, target: target(p), reason: p.reason };
      return {
        id,
        ok: true,
        target: target(p),
        holds: p.holds.map((h) => ({
          agv: key(h.agv),
          nodeId: nodes[h.node]?.id ?? `#${h.node}`,
          untilS: h.untilS,
          committed: (input.flags[h.agv]! & FLAG_COMMITTED) !== 0,
        })),
        agvs: p.agvs.map((a) => ({ agv: key(a.agv), delayS: a.delayS })),
        totalDelayS: p.totalDelayS,
        savesS: p.savesS,
        sampleS: p.sampleS,
        ghosts: p.ghosts.map((g) => ({ agv: key(g.agv), px: g.px, py: g.py })),
      };
    });
    return {
      clockS,
      horizonS,
      keys: keys.slice(0, n),
      routeCap: cap,
      x: input.x.slice(0, n),
      y: input.y.slice(0, n),
      routeLen: input.routeLen.slice(0, n),
      baseLen: input.baseLen.slice(0, n),
      route: input.route.slice(0, n * cap),
      nodeS: routes.nodeS.slice(0, n * cap),
      etaS: routes.etaS.slice(0, n),
      conflicts,
      deadlocks,
      blocked,
      proposals,
      roundMs,
    };
  }
}

/** A proposal's id: what it resolves, by vehicle keys, so that it keeps its id from round to round. */
export function proposalId(t: ProposalTargetView): string {
  return t.kind === 'conflict' ? `conflict:${[t.a, t.b].sort().join('|')}` : `deadlock:${[...t.agvs].sort().join('|')}`;
}
