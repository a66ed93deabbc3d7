/**
 * A synthetic VDA 5050 2.1 fleet for the live benchmark (bench/liveBench.ts): N vehicles publishing at H Hz,
 * more than the simulation can field (its lane network holds about 220 AGVs; the benchmark asks for 2,000).
 *
 *   TWIN_FLEET_PASSWORD=… node_modules/.bin/tsx bench/syntheticFleet.ts --broker mqtt://127.0.0.1:1883 \
 *     --username fleet --scene scenes/1119-1120/proposed.json --agvs 2000 --hz 10 [--duration S] [--connections K]
 *
 * The password comes from TWIN_FLEET_PASSWORD or standard input, never the command line (as for npm run fleet).
 *
 * Each vehicle shuttles back and forth along one lane edge of the scene (vehicle i on edge i mod edges, at 3 m/s,
 * starting at a spread-out point), so every position lands inside the zone, in the map frame of the scene's first
 * `telemetry.maps` entry. It publishes `connection` ONLINE retained at start, `visualization` every tick (vehicle
 * i's k-th at t0 + (k + i/N)/H, so the load is even over each tick, not a burst of N), and `state` every 30 s
 * (vehicle i first at t0 + 30·i/N s), each with `timestamp` = Date.now() at publish and headerIds counting up per
 * vehicle and topic, as the twin's message gate requires.
 *
 * Writes JSON lines to stdout: `{"ready":…}` once every vehicle is ONLINE, then once a second
 * `{"t":seconds,"published":n,"visualization":n,"state":n,"skipped":n,"backlogBytes":b}` where `published`
 * counts messages handed to mqtt.js in that second (`backlogBytes` of them may still wait in the sockets) and
 * `skipped` those not sent because the
 * connection's write buffer was over 1 MiB (the publisher cannot keep up: reported, never hidden), and a
 * `{"done":…}` total at the end. Exits 0 after --duration or on SIGTERM/SIGINT, 2 on wrong usage, 1 when the
 * scene or the broker fails.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { parseScene } from '../src/domain/parseScene';
import { encodeConnection, encodeState, encodeVisualization } from '../src/telemetry/vda5050/encode';
import { formatTopic } from '../src/telemetry/vda5050/topic';
import { fail, readCliOptions, readPassword, readSceneText, refusePasswordOption } from '../scripts/cliOptions';
import { PASSWORD_ENV } from '../src/telemetry/live/brokerConfig';

const USAGE =
  'usage: [TWIN_FLEET_PASSWORD=…] tsx bench/syntheticFleet.ts --broker <url> --username <user> --scene <scene.json> ' +
  '--agvs N --hz H [--duration S] [--connections K]';

const argv = process.argv.slice(2);
refusePasswordOption(argv, PASSWORD_ENV.fleet);
const cli = readCliOptions(argv, {
  usage: USAGE,
  known: ['broker', 'username', 'scene', 'agvs', 'hz', 'duration', 'connections'],
  required: ['broker', 'username', 'scene', 'agvs', 'hz'],
});
const number = cli.number;
const agvs = number('agvs', 0, (n) => Number.isInteger(n) && n > 0 && n <= 10_000);
const hz = number('hz', 1, (n) => n > 0 && n <= 50);
const durationS = number('duration', Infinity, (n) => n > 0);
// 4 connections by default: Mosquitto serves each client's socket in turn, and one socket carrying 20,000
// messages a second would be a single queue that a slow read stalls as a whole.
const connections = number('connections', 4, (n) => Number.isInteger(n) && n >= 1 && n <= 64);

const file = cli.get('scene')!;
const text = readSceneText(file);
const parsed = parseScene(text, file);
if (!parsed.ok) fail(`${file}: invalid scene (run npm run validate -- ${file})`, 1);
const scene = parsed.scene;
const map = scene.telemetry?.maps[0];
if (!map) fail(`${file}: no telemetry.maps entry, so there is no map to publish positions in`, 1);
const nodes = new Map(scene.lanes.nodes.map((n) => [n.id, n.position] as const));
const edges = scene.lanes.edges.map((e) => [nodes.get(e.from)!, nodes.get(e.to)!] as const).filter(([a, b]) => a && b && (a[0] !== b[0] || a[1] !== b[1]));
if (edges.length === 0) fail(`${file}: no lane edges to place vehicles on`, 1);

/** 3 m/s: the speed limit of the scene's yard lanes; what matters here is that positions change every tick. */
const SPEED_MPS = 3;
/** VDA 5050 §6.10: a state at least every 30 s. */
const STATE_EVERY_S = 30;
/** Past this many bytes waiting in a connection's socket, a vehicle's message is skipped and counted. */
const BACKLOG_LIMIT = 1 << 20;
const MANUFACTURER = 'bench';

// Zone → map frame of the scene's first map (zone = origin + R·map, so map = Rᵀ·(zone − origin)).
const cosR = Math.cos(map.rotation);
const sinR = Math.sin(map.rotation);
const toMap = (e: number, n: number): [number, number] => {
  const dx = e - map.origin[0];
  const dy = n - map.origin[1];
  return [cosR * dx + sinR * dy, -sinR * dx + cosR * dy];
};

/** Per vehicle: its edge (in map coordinates), length, starting phase; topics; header ids. */
const serials = Array.from({ length: agvs }, (_, i) => `AGV-${String(i + 1).padStart(4, '0')}`);
const ax = new Float64Array(agvs);
const ay = new Float64Array(agvs);
const dx = new Float64Array(agvs);
const dy = new Float64Array(agvs);
const len = new Float64Array(agvs);
const phase = new Float64Array(agvs);
for (let i = 0; i < agvs; i++) {
  const [a, b] = edges[i % edges.length]!;
  const [x0, y0] = toMap(a[0], a[1]);
  const [x1, y1] = toMap(b[0], b[1]);
  ax[i] = x0;
  ay[i] = y0;
  dx[i] = x1 - x0;
  dy[i] = y1 - y0;
  len[i] = Math.hypot(x1 - x0, y1 - y0);
  // Vehicles sharing an edge start spread along it (golden-ratio steps), not on top of each other.
  phase[i] = ((i * 0.618_033_988_75) % 1) * 2 * len[i]!;
}
const topic = (i: number, subtopic: 'visualization' | 'state' | 'connection') =>
  formatTopic({ interfaceName: 'uagv', majorVersion: 2, manufacturer: MANUFACTURER, serialNumber: serials[i]!, subtopic });
const vizTopic = serials.map((_, i) => topic(i, 'visualization'));
const stateTopic = serials.map((_, i) => topic(i, 'state'));
const vizHeader = new Int32Array(agvs);
const stateHeader = new Int32Array(agvs);
const nextStateS = Float64Array.from({ length: agvs }, (_, i) => (STATE_EVERY_S * i) / agvs);

/** Pose of vehicle i at `s` seconds after start: back and forth along its edge. */
function pose(i: number, s: number): { x: number; y: number; theta: number; vx: number } {
  const L = len[i]!;
  const d = (phase[i]! + SPEED_MPS * s) % (2 * L);
  const forward = d < L;
  const f = (forward ? d : 2 * L - d) / L;
  const theta = Math.atan2(dy[i]!, dx[i]!) + (forward ? 0 : Math.PI);
  return { x: ax[i]! + f * dx[i]!, y: ay[i]! + f * dy[i]!, theta: Math.atan2(Math.sin(theta), Math.cos(theta)), vx: SPEED_MPS };
}

const brokerUrl = cli.get('broker')!;
const clients: MqttClient[] = [];
const clientOf = (i: number) => clients[i % connections]!;

let published = 0;
let publishedViz = 0;
let publishedState = 0;
let skipped = 0;
const total = { published: 0, skipped: 0 };
/**
 * Counted when handed to mqtt.js, which writes a QoS 0 message to the socket at once; what the socket has not
 * taken yet is at most BACKLOG_LIMIT bytes (about 3,500 messages, well under a second's worth), reported as
 * `backlogBytes`. A per-message write callback would cost a 'drain' listener per message whenever the socket is
 * full, which at 20,000 messages a second stalls the publisher itself.
 */
const count = (state: boolean) => {
  published++;
  total.published++;
  if (state) publishedState++;
  else publishedViz++;
};

function backlog(c: MqttClient): number {
  return c.stream?.writableLength ?? 0;
}

/** Vehicle i's client, or undefined (the message skipped and counted) when its socket is over the limit. */
function clientWithRoom(i: number): MqttClient | undefined {
  const c = clientOf(i);
  if (backlog(c) <= BACKLOG_LIMIT) return c;
  skipped++;
  total.skipped++;
  return undefined;
}

/** The next headerId of vehicle i on one topic (0, 1, 2, …). */
function takeHeaderId(counter: Int32Array, i: number): number {
  const id = counter[i]!;
  counter[i] = id + 1;
  return id;
}

/** Header and motion of vehicle i at `s` s into the run; `headerId` is the next of the topic's counter. */
function motion(i: number, s: number, nowMs: number, headerId: number) {
  const p = pose(i, s);
  return {
    version: 2 as const,
    manufacturer: MANUFACTURER,
    serialNumber: serials[i]!,
    headerId,
    timestampMs: nowMs,
    position: { mapId: map!.mapId, x: p.x, y: p.y, theta: p.theta, localized: true },
    velocity: { vx: p.vx, vy: 0, omega: 0 },
  };
}

function publishVisualization(i: number, s: number, nowMs: number): void {
  const c = clientWithRoom(i);
  if (!c) return;
  const message = encodeVisualization({ ...motion(i, s, nowMs, takeHeaderId(vizHeader, i)), referenceStateHeaderId: stateHeader[i]! });
  c.publish(vizTopic[i]!, JSON.stringify(message), { qos: 0 });
  count(false);
}

function publishState(i: number, s: number, nowMs: number): void {
  const c = clientWithRoom(i);
  if (!c) return;
  const message = encodeState({
    ...motion(i, s, nowMs, takeHeaderId(stateHeader, i)),
    battery: { chargePercent: 80, charging: false },
    operatingMode: 'AUTOMATIC',
    driving: true,
    paused: false,
    safety: { emergencyStop: 'NONE', fieldViolation: false },
    errors: [],
    nodeStates: [],
    edgeStates: [],
    actionStates: [],
    loads: [],
  });
  c.publish(stateTopic[i]!, JSON.stringify(message), { qos: 0 });
  count(true);
}

let t0 = 0;
/** Visualization messages due so far: message j is vehicle j mod N's, due at t0 + j/(N·H). */
let nextDue = 0;
let pump: NodeJS.Timeout | undefined;
let report: NodeJS.Timeout | undefined;
let stopping = false;

/** Publishes everything due by now. More than a second behind, the rest is skipped (and counted), not piled up. */
function tick(): void {
  const nowMs = Date.now();
  const s = (nowMs - t0) / 1000;
  if (s >= durationS) {
    void stop(0);
    return;
  }
  const due = Math.floor(s * agvs * hz);
  if (due - nextDue > agvs * hz) {
    const behind = due - agvs * hz - nextDue;
    skipped += behind;
    total.skipped += behind;
    nextDue = due - agvs * hz;
  }
  for (; nextDue < due; nextDue++) {
    const i = nextDue % agvs;
    publishVisualization(i, s, nowMs);
    if (s >= nextStateS[i]!) {
      nextStateS[i]! += STATE_EVERY_S;
      publishState(i, s, nowMs);
    }
  }
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (pump) clearInterval(pump);
  if (report) clearInterval(report);
  console.log(JSON.stringify({ done: true, seconds: (Date.now() - t0) / 1000, published: total.published, skipped: total.skipped }));
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
  process.exit(code);
}

async function main(): Promise<void> {
  const password = await readPassword(PASSWORD_ENV.fleet, cli.get('username')!);
  for (let k = 0; k < connections; k++) {
    const c = await mqtt
      .connectAsync(brokerUrl, {
        username: cli.get('username')!,
        password,
        protocolVersion: 5,
        clientId: `bench-fleet-${process.pid}-${k}`,
        reconnectPeriod: 0,
      })
      .catch((e: unknown) => fail(`broker ${brokerUrl}: ${e instanceof Error ? e.message : String(e)}`, 1));
    c.on('error', (e) => fail(`broker ${brokerUrl}: ${e.message}`, 1));
    c.on('close', () => {
      if (!stopping) fail(`broker ${brokerUrl} closed connection ${k}`, 1);
    });
    clients.push(c);
  }
  const startMs = Date.now();
  await Promise.all(
    serials.map((serial, i) =>
      clientOf(i).publishAsync(
        topic(i, 'connection'),
        JSON.stringify(encodeConnection({ version: 2, manufacturer: MANUFACTURER, serialNumber: serial, headerId: 0, timestampMs: startMs }, 'ONLINE')),
        { qos: 1, retain: true },
      ),
    ),
  );
  t0 = Date.now();
  console.log(JSON.stringify({ ready: true, vehicles: agvs, hz, connections, edges: edges.length, mapId: map!.mapId }));
  // 5 ms: 100 messages a pump at 20,000/s, so no vehicle's message is more than ~5 ms late from the timer alone.
  pump = setInterval(tick, 5);
  let last = t0;
  report = setInterval(() => {
    const now = Date.now();
    const backlogBytes = clients.reduce((sum, c) => sum + backlog(c), 0);
    console.log(
      JSON.stringify({
        t: (now - t0) / 1000,
        dt: (now - last) / 1000,
        published,
        visualization: publishedViz,
        state: publishedState,
        skipped,
        backlogBytes,
      }),
    );
    last = now;
    published = 0;
    publishedViz = 0;
    publishedState = 0;
    skipped = 0;
  }, 1000);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e), 1));
