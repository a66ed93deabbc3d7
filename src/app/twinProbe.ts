/**
 * `window.__TWIN__`: a read-only snapshot for automation (tests, benchmarks, wall-screen monitors). Each read
 * returns a fresh frozen copy; the app never reads it back.
 */
import type { TwinStore } from '../store/twinStore';
import { simStats } from '../telemetry/SimSource';
import { telemetryStats } from '../telemetry/telemetryStats';
import type { SourceKind, SourceStatus } from '../telemetry/TelemetrySource';
import { renderStats } from '../view/renderStats';
import { screenOf } from '../view/screenProjection';

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
  /** The simulation source: clock (simulated seconds since the start of day 1), AGVs and trucks in the scene. */
  readonly sim: {
    readonly clockS: number;
    readonly agvs: number;
    readonly trucks: number;
    readonly speed: number;
    readonly status: SourceStatus;
    readonly frames: number;
  };
  /** The running telemetry source: `sim` or `live`, its status, AGVs known, messages (or frames) received, drops by reason, p95 latency (ms). */
  readonly telemetry: {
    readonly source: SourceKind;
    readonly status: SourceStatus;
    readonly agvs: number;
    readonly received: number;
    readonly dropped: Readonly<Record<string, number>>;
    readonly latencyMs: number;
  };
  /** Page position (CSS px) of a facility's centre, half-way up, as drawn now; undefined if off-camera. */
  readonly screenOf: (facilityId: string) => { x: number; y: number } | undefined;
}

export function snapshot(store: TwinStore): TwinSnapshot {
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
    sim: Object.freeze({ ...simStats }),
    telemetry: Object.freeze({ ...telemetryStats, dropped: Object.freeze({ ...telemetryStats.dropped }) }),
    screenOf: (facilityId: string) => {
      const f = scene?.facilities.find((x) => x.id === facilityId);
      return f && screenOf(f.footprint.position[0], f.footprint.position[1], f.footprint.height / 2);
    },
  });
}

export function installTwinProbe(store: TwinStore): void {
  Object.defineProperty(window, '__TWIN__', { configurable: true, get: () => snapshot(store) });
}

declare global {
  interface Window {
    readonly __TWIN__: TwinSnapshot;
  }
}
