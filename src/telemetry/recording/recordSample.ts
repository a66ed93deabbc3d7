import { seededRandom } from '../../domain/random';
import { McapRecorder, type McapRecorderOptions } from './McapRecorder';

export interface SampleOptions {
  /** AGVs `AGV-1` … `AGV-n` (default 3). */
  readonly agvs?: number;
  /** Length of the recording in seconds (default 20). */
  readonly seconds?: number;
  /** Log time of the first message (default 2026-01-01T00:00:00Z). */
  readonly startNs?: bigint;
  readonly seed?: number;
}

export interface SampleMessage {
  readonly topic: string;
  readonly logTimeNs: bigint;
  readonly payload: object;
}

const MS = 1_000_000n;

/**
 * Deterministic VDA 5050 v2 traffic (`uagv/v2/acme/AGV-n/{connection,state,visualization}`): per AGV a
 * `connection` ONLINE at the start, `visualization` at 10 Hz, `state` at 1 Hz, and AGV-1 losing its connection
 * for 3 s half-way (CONNECTIONBROKEN, silent, then ONLINE again), so a seek needs a rare topic as well as frequent
 * ones. Messages of one tick share a log time
 * across AGVs; each topic's times strictly increase. In log-time order, as a live feed would record them.
 *
 * @example
 *   sampleMessages({ agvs: 5, seconds: 60 }).length; // 3,274
 */
export function sampleMessages(options: SampleOptions = {}): SampleMessage[] {
  const agvs = options.agvs ?? 3;
  const ticks = Math.round((options.seconds ?? 20) * 10);
  const startNs = options.startNs ?? 1_767_225_600_000_000_000n;
  const random = seededRandom(options.seed ?? 1);
  const headerIds = new Map<string, number>();
  const out: SampleMessage[] = [];
  const dropAt = Math.floor(ticks / 2);

  const emit = (serial: string, kind: string, logTimeNs: bigint, body: object): void => {
    const topic = `uagv/v2/acme/${serial}/${kind}`;
    const headerId = headerIds.get(topic) ?? 0;
    headerIds.set(topic, headerId + 1);
    const timestamp = new Date(Number(logTimeNs / MS)).toISOString();
    out.push({
      topic,
      logTimeNs,
      payload: { headerId, timestamp, version: '2.0.0', manufacturer: 'acme', serialNumber: serial, ...body },
    });
  };

  for (let tick = 0; tick < ticks; tick++) {
    const t = startNs + BigInt(tick) * 100n * MS;
    for (let a = 1; a <= agvs; a++) {
      const serial = `AGV-${a}`;
      if (tick === 0 || (a === 1 && (tick === dropAt || tick === dropAt + 30))) {
        emit(serial, 'connection', t, { connectionState: tick === dropAt && a === 1 ? 'CONNECTIONBROKEN' : 'ONLINE' });
      }
      if (a === 1 && tick >= dropAt && tick < dropAt + 30) continue;
      const s = tick / 10;
      const x = 20 * a + 40 * Math.sin(s / 20 + a);
      const y = 6 * a + random() * 0.02;
      const theta = Math.cos(s / 20 + a) >= 0 ? 0 : Math.PI;
      const agvPosition = { x, y, theta, mapId: 'gate-1119', positionInitialized: true };
      const velocity = { vx: 2 * Math.cos(s / 20 + a), vy: 0, omega: 0 };
      emit(serial, 'visualization', t, { agvPosition, velocity });
      if (tick % 10 === 0) {
        emit(serial, 'state', t, {
          orderId: `order-${a}-${Math.floor(s / 60)}`,
          orderUpdateId: 0,
          lastNodeId: `n${Math.floor(x / 10)}`,
          lastNodeSequenceId: Math.floor(s),
          driving: Math.abs(velocity.vx) > 0.1,
          operatingMode: 'AUTOMATIC',
          nodeStates: [{ nodeId: `n${Math.floor(x / 10) + 1}`, sequenceId: Math.floor(s) + 2, released: true }],
          edgeStates: [{ edgeId: `e${Math.floor(x / 10)}`, sequenceId: Math.floor(s) + 1, released: true }],
          agvPosition,
          velocity,
          loads: [{ loadId: `CONT-${1000 + a}`, loadType: 'container-40ft', weight: 24_000 }],
          batteryState: { batteryCharge: 90 - s / 60, charging: false },
          errors: [],
          information: [],
          safetyState: { eStop: 'NONE', fieldViolation: false },
          actionStates: [],
        });
      }
    }
  }
  return out;
}

/**
 * {@link sampleMessages} recorded to an MCAP file, for a sample under `data/` or a demo; a CLI only has to write
 * the bytes to disk.
 */
export function recordSample(options: SampleOptions & McapRecorderOptions = {}): Uint8Array<ArrayBuffer> {
  const recorder = new McapRecorder(options);
  for (const m of sampleMessages(options)) recorder.record(m.topic, m.logTimeNs, m.payload);
  return recorder.finish();
}
