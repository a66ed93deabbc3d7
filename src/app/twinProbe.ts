/**
 * `window.__TWIN__`: a read-only snapshot for automation (tests, benchmarks, wall-screen monitors). Each read
 * returns a fresh frozen copy; the app never reads it back.
 */
import type { FanoutCounts } from '../telemetry/fanout/FanoutEngine';
import type { FleetFrame } from '../domain/fleetFrame';
import type { TrafficStore } from '../store/traffic/trafficStore';
import type { ServerState, ServerStore } from '../store/server/serverStore';
import type { Role } from '../domain/roles';
import type { TwinStore } from '../store/twinStore';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import type { SourceKind, SourceStatus } from '../telemetry/TelemetrySource';
import type { CraneProbe } from '../view/craneParts';
import type { RenderStats } from '../view/renderStats';
import { screenOf } from '../view/screenProjection';
import { trafficProbe, type TrafficProbe } from './trafficProbe';

export interface TwinSnapshot {
  readonly ready: boolean;
  readonly sceneId?: string;
  readonly zoneId?: string;
  readonly viewId?: string;
  readonly lang: string;
  readonly facilitiesByKind: Readonly<Record<string, number>>;
  readonly facilities: readonly { readonly id: string; readonly kind: string }[];
  readonly problems: number;
  readonly render: {
    readonly drawCalls: number;
    readonly triangles: number;
    readonly frameMs: number;
    readonly frames: number;
    readonly fleetJsMs: number;
    readonly fleetJsMsTotal: number;
    readonly fleetJsSamples: number;
    readonly readyAtMs: number;
  };
  readonly fleet: { readonly agvs: number; readonly trucks: number; readonly containers: number };
  /** Every crane as last drawn: its cycle and the pose of its parts (craneParts.ts); empty before the scene is drawn. */
  readonly cranes: readonly CraneRow[];
  /** The camera's position and the point it looks at, zone frame [east, north, up] in metres, as last drawn. */
  readonly camera: { readonly position: readonly [number, number, number]; readonly target: readonly [number, number, number] };
  /** The simulation source: clock (simulated seconds since the start of day 1), AGVs and trucks in the scene. */
  readonly sim: {
    readonly clockS: number;
    readonly agvs: number;
    readonly trucks: number;
    readonly speed: number;
    readonly status: SourceStatus;
    readonly frames: number;
  };
  /** The running telemetry source: `sim` or `live`, its status, AGVs known, messages (or frames) received, drops by reason, p95 latency (ms), and (live) screen latency. */
  readonly telemetry: {
    readonly source: SourceKind;
    readonly status: SourceStatus;
    readonly agvs: number;
    readonly received: number;
    readonly dropped: Readonly<Record<string, number>>;
    readonly latencyMs: number;
    /** Live: p95 (last 512 drawn frames) from the worker packing a frame to the display frame after the one that drew it, ms. */
    readonly packToScreenMs: number;
    /** Live: p95 from the pack *before* the drawn one to the same end: a message's longest wait from the worker to the screen, ms. */
    readonly screenLatencyMs: number;
    /** Live: the latest single samples of the two figures above (for a reader that takes its own percentile), ms. */
    readonly packToScreenLastMs: number;
    readonly screenLatencyLastMs: number;
    /** Live: frames unpacked from the telemetry worker. */
    readonly framesUnpacked: number;
    /** Live through the control-room server (`via=server`): fleet frames received, refused and skipped, and their bytes. */
    readonly fanout?: FanoutCounts;
  };
  /** The replay's playhead (s since the epoch) and range, speed, alerts found; `agvPoses` copies the frame shown. */
  readonly replay: {
    readonly clockS: number;
    readonly startS: number;
    readonly endS: number;
    readonly speed: number;
    readonly alerts: number;
    /** Zone-frame [east, north] of every AGV in the frame on screen. */
    readonly agvPoses: readonly (readonly [number, number])[];
  };
  /** The latest traffic prediction round (see trafficProbe.ts). */
  readonly traffic: TrafficProbe;
  /** The control-room server serving the page and who is signed in; absent when the twin runs without one. */
  readonly server?: { readonly connected: boolean; readonly user?: string; readonly role?: Role };
  /** Page position (CSS px) of a facility's centre, half-way up, as drawn now; undefined if off-camera. */
  readonly screenOf: (facilityId: string) => { x: number; y: number } | undefined;
  /** Page position (CSS px) of the zone-frame point [east, north, up] (m), as drawn now; undefined if behind the camera. */
  readonly screenAt: (east: number, north: number, up: number) => { x: number; y: number } | undefined;
}

/** A point of a crane's cycle in its frame: u along the runway, v across the span (m from the footprint's centre), h the spreader's height (m). */
export interface CranePointRow {
  readonly u: number;
  readonly v: number;
  readonly h: number;
}

/** One crane as drawn: the clock of its data, its move (0 idle, 1 truck→stack, 2 stack→truck, 3 stack→AGV, 4 AGV→stack) and cycle, its parts' pose. */
export interface CraneRow {
  readonly id: string;
  readonly clockS: number;
  readonly move: number;
  readonly cycle: number;
  readonly startS: number;
  readonly durationS: number;
  /** Index into CRANE_PHASES (src/domain/craneCyclePose.ts); -1 at rest. */
  readonly phase: number;
  readonly gantryM: number;
  readonly trolleyM: number;
  readonly hoistM: number;
  readonly loaded: boolean;
  readonly pick: CranePointRow;
  readonly drop: CranePointRow;
  readonly rest: CranePointRow;
}

function craneRows(p: CraneProbe | undefined): readonly CraneRow[] {
  if (!p) return Object.freeze([]);
  const point = (k: number, at: number) => Object.freeze({ u: p.path[9 * k + at]!, v: p.path[9 * k + at + 1]!, h: p.path[9 * k + at + 2]! });
  return Object.freeze(
    p.ids.map((id, k) =>
      Object.freeze({
        id,
        clockS: p.clockS,
        move: p.move[k]!,
        cycle: p.cycle[k]!,
        startS: p.startS[k]!,
        durationS: p.durationS[k]!,
        phase: p.phase[k]!,
        gantryM: p.gantryM[k]!,
        trolleyM: p.trolleyM[k]!,
        hoistM: p.hoistM[k]!,
        loaded: p.loaded[k] === 1,
        pick: point(k, 0),
        drop: point(k, 3),
        rest: point(k, 6),
      }),
    ),
  );
}

/** What the probe reads besides the twin store: the source and render figures, and the traffic prediction. */
export interface ProbeInputs {
  readonly metrics: SourceMetrics;
  readonly renderStats: RenderStats;
  readonly traffic: TrafficStore;
  readonly server: ServerStore;
}

export function snapshot(store: TwinStore, { metrics, renderStats, traffic, server }: ProbeInputs, rounds: () => number): TwinSnapshot {
  const { sim, telemetry, replay } = metrics;
  const s = store.getState();
  const scene = s.loaded?.scene;
  const facilitiesByKind: Record<string, number> = {};
  for (const f of scene?.facilities ?? []) facilitiesByKind[f.kind] = (facilitiesByKind[f.kind] ?? 0) + 1;
  return Object.freeze({
    ready: renderStats.ready && scene !== undefined && renderStats.sceneId === scene.id,
    sceneId: scene?.id,
    zoneId: scene?.zone.id,
    viewId: s.viewId,
    lang: s.lang,
    facilitiesByKind: Object.freeze(facilitiesByKind),
    facilities: Object.freeze((scene?.facilities ?? []).map((f) => Object.freeze({ id: f.id, kind: f.kind }))),
    problems: s.report?.problems.length ?? 0,
    render: Object.freeze({
      drawCalls: renderStats.drawCalls,
      triangles: renderStats.triangles,
      frameMs: renderStats.frameMs,
      frames: renderStats.frames,
      fleetJsMs: renderStats.fleetJsMs,
      fleetJsMsTotal: renderStats.fleetJsMsTotal,
      fleetJsSamples: renderStats.fleetJsSamples,
      readyAtMs: renderStats.readyAtMs,
    }),
    fleet: Object.freeze({ agvs: renderStats.agvsDrawn, trucks: renderStats.trucksDrawn, containers: renderStats.containersDrawn }),
    cranes: craneRows(renderStats.cranes),
    camera: Object.freeze({
      position: Object.freeze([renderStats.camera.east, renderStats.camera.north, renderStats.camera.up] as const),
      target: Object.freeze([renderStats.camera.targetEast, renderStats.camera.targetNorth, renderStats.camera.targetUp] as const),
    }),
    sim: Object.freeze({ ...sim }),
    telemetry: Object.freeze({ ...telemetry, dropped: Object.freeze({ ...telemetry.dropped }) }),
    replay: Object.freeze({
      clockS: replay.clockS,
      startS: replay.startS,
      endS: replay.endS,
      speed: replay.speed,
      alerts: replay.alerts,
      agvPoses: Object.freeze(posesOf(replay.frame)),
    }),
    traffic: trafficProbe(traffic.getState(), rounds()),
    ...serverProbe(server.getState().server),
    screenOf: (facilityId: string) => {
      const f = scene?.facilities.find((x) => x.id === facilityId);
      return f && screenOf(f.footprint.position[0], f.footprint.position[1], f.footprint.height / 2);
    },
    screenAt: (east: number, north: number, up: number) => screenOf(east, north, up),
  });
}

function serverProbe(s: ServerState): Pick<TwinSnapshot, 'server'> {
  if (s.status === 'absent' || s.status === 'checking') return {};
  return { server: Object.freeze(s.status === 'signed-in' ? { connected: true, user: s.user, role: s.role } : { connected: true }) };
}

function posesOf(frame: FleetFrame | undefined): (readonly [number, number])[] {
  if (!frame) return [];
  const { x, y, count } = frame.agvs;
  return Array.from({ length: count }, (_, i) => Object.freeze([x[i]!, y[i]!] as const));
}

/** Serves `window.__TWIN__` from the store, the metrics every source the app starts is handed, and the traffic store. */
export function installTwinProbe(store: TwinStore, inputs: ProbeInputs): void {
  let rounds = 0;
  inputs.traffic.subscribe((s, prev) => {
    if (s.snapshot && s.snapshot !== prev.snapshot) rounds++;
  });
  Object.defineProperty(window, '__TWIN__', { configurable: true, get: () => snapshot(store, inputs, () => rounds) });
}

declare global {
  interface Window {
    readonly __TWIN__: TwinSnapshot;
  }
}
