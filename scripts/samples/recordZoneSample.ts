/**
 * The sample recordings the app ships (data/recordings/, listed for the app in src/app/sampleCatalogue.ts) and
 * how one is recorded: the zone's proposed scene simulated from 08:00, its fleet's VDA 5050 traffic written to
 * MCAP by SimRecorder, with two incidents staged on the way.
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
}

export const ZONE_SAMPLES: readonly ZoneSampleSpec[] = [
  { scene: 'scenes/1119-1120/proposed.json', out: 'data/recordings/1119-1120-proposed.mcap' },
  { scene: 'scenes/1088-2-1089/proposed.json', out: 'data/recordings/1088-2-1089-proposed.mcap' },
];

/** Midnight of 23 Nov 2026 at the gate (UTC+7): a fixed day keeps the files identical from run to run. */
const DAY_START_MS = Date.UTC(2026, 10, 22, 17);
const FROM_S = 8 * 3600;
const SECONDS = 150;
/** One pose a second (VDA 5050 leaves the rate to the vehicle): keeps each sample under 3 MB in the repository. */
const PERIOD_S = 1;

export function recordZoneSample(spec: ZoneSampleSpec): { bytes: Uint8Array; messages: number } {
  const parsed = parseScene(readFileSync(spec.scene, 'utf8'), spec.scene);
  if (!parsed.ok) throw new Error(`${spec.scene}: invalid scene`);
  const sim = new Simulation(parsed.scene, { seed: 1, hours: 24 });
  sim.advanceTo(FROM_S);
  const rec = new SimRecorder(sim, { map: sceneMaps(parsed.scene)[0]!, dayStartMs: DAY_START_MS, periodS: PERIOD_S });
  const [, , , , wrongOrder, , , , , linkDrop] = rec.serials;
  for (let k = 0; k <= SECONDS / PERIOD_S; k++) {
    const t = FROM_S + k * PERIOD_S;
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
