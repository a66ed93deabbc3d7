/**
 * The sample recordings the app ships (data/recordings/, listed for the app in src/app/sampleCatalogue.ts) and
 * how one is recorded: the zone's proposed scene simulated from 08:00, its fleet's VDA 5050 traffic written to
 * MCAP by SimRecorder. The two incident samples stage two incidents on the way; the forecast sample is long
 * enough to score a forecast against.
 */
import { readFileSync } from 'node:fs';
import { sceneMaps } from '../../src/domain/mapPlacement';
import { parseScene } from '../../src/domain/parseScene';
import { Simulation } from '../../src/sim/Simulation';
import { SimRecorder } from '../../src/telemetry/recording/SimRecorder';
import { encodeOrder } from '../../src/telemetry/vda5050/encode';

export interface ZoneSampleSpec {
  readonly scene: string;
  readonly out: string;
  readonly seed: number;
  /** AGVs simulated; the scene's fleet when absent. */
  readonly agvs?: number;
  /** Simulated seconds recorded from 08:00. */
  readonly seconds: number;
  /** Simulated seconds between two visualizations of a vehicle (VDA 5050 leaves the rate to the vehicle). */
  readonly periodS: number;
  /** Stages an order to a node that does not exist at +40 s and a link drop from +70 s to +110 s. */
  readonly incidents: boolean;
}

/**
 * Two and a half minutes of each zone, one pose a second, with the two incidents to find on the timeline: an
 * order to a node that does not exist (the vehicle answers with an orderError) and a vehicle whose link drops for
 * 40 s (CONNECTIONBROKEN, silence, ONLINE again). One pose a second keeps each under 3 MB in the repository.
 */
export const ZONE_SAMPLES: readonly ZoneSampleSpec[] = [
  { scene: 'scenes/1119-1120/proposed.json', out: 'data/recordings/1119-1120-proposed.mcap', seed: 1, seconds: 150, periodS: 1, incidents: true },
  { scene: 'scenes/1088-2-1089/proposed.json', out: 'data/recordings/1088-2-1089-proposed.mcap', seed: 1, seconds: 150, periodS: 1, incidents: true },
];

/**
 * 25 minutes of 1088/2–1089, long enough to score a forecast made in its first 10 minutes at +15 min (the
 * console's error figures need the recording to reach T + 15 min, and whole 5-minute bins for the containers).
 * Sized for the repository (2.5 MiB; the 1119–1120 sample is 2.8 MiB): what fills a file is `state`, ≈ 2.3 kB
 * each (the remaining route with every node's position) and sent whenever the route or its release changes, about
 * every 20 s per AGV whatever the pose rate; so the rate alone cannot shrink it (the zone's 24 AGVs: 6.2 MiB at a
 * pose every 5 s, 4.8 MiB at one every 10 s). Hence the smaller zone, half its fleet (12 AGVs), and a pose every
 * 10 s (12 AGVs at one every 5 s: 3.2 MiB). A forecast made at a pose's time starts from, and is scored against,
 * exact positions; between poses a replay shows an AGV up to 70 m behind. The forecast forks the fleet the
 * recording reports, so it runs those 12 AGVs too. Seed 11: the forecast's seeds are 1–5, and one of them would
 * draw the recording's own trucks and flatter the score.
 */
export const FORECAST_SAMPLE: ZoneSampleSpec = {
  scene: 'scenes/1088-2-1089/proposed.json',
  out: 'data/recordings/1088-2-1089-forecast.mcap',
  seed: 11,
  agvs: 12,
  seconds: 1500,
  periodS: 10,
  incidents: false,
};

/** Midnight of 23 Nov 2026 at the gate (UTC+7): a fixed day keeps the files identical from run to run. */
const DAY_START_MS = Date.UTC(2026, 10, 22, 17);
const FROM_S = 8 * 3600;

export function recordZoneSample(spec: ZoneSampleSpec): { bytes: Uint8Array; messages: number } {
  const parsed = parseScene(readFileSync(spec.scene, 'utf8'), spec.scene);
  if (!parsed.ok) throw new Error(`${spec.scene}: invalid scene`);
  const sim = new Simulation(parsed.scene, { seed: spec.seed, hours: 24, ...(spec.agvs === undefined ? {} : { agvs: spec.agvs }) });
  sim.advanceTo(FROM_S);
  const rec = new SimRecorder(sim, { map: sceneMaps(parsed.scene)[0]!, dayStartMs: DAY_START_MS, periodS: spec.periodS });
  const [, , , , wrongOrder, , , , , linkDrop] = spec.incidents ? rec.serials : [];
  for (let k = 0; k <= spec.seconds / spec.periodS; k++) {
    const t = FROM_S + k * spec.periodS;
    sim.advanceTo(t);
    if (t === FROM_S + 40 && wrongOrder) {
      const header = { version: 2 as const, manufacturer: 'smartgate', serialNumber: wrongOrder, headerId: 1, timestampMs: DAY_START_MS + t * 1000 };
      rec.command(
        rec.topic(wrongOrder, 'order'),
        encodeOrder(header, { orderId: 'sample-order-1', orderUpdateId: 0, nodes: [{ nodeId: 'no-such-node' }] }),
      );
    }
    if (linkDrop && t === FROM_S + 70) rec.connection(linkDrop, 'CONNECTIONBROKEN');
    if (linkDrop && t === FROM_S + 110) rec.connection(linkDrop, 'ONLINE');
    rec.tick();
  }
  return { bytes: rec.finish(), messages: rec.messages };
}
