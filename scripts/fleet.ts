/**
 * `npm run fleet -- --broker ws://127.0.0.1:9001 --username fleet --scene scenes/1119-1120/proposed.json
 *   --agvs 40 --hz 2 [--duration S] [--vda 2.0|2.1|3.0] [--interface NAME] [--speed X] [--start HH:MM] [--seed S]
 *   [--stage AGV-001=node,AGV-002=node] [--gate-events]`
 *
 * The password comes from TWIN_FLEET_PASSWORD (the variable `npm run broker` sets the `fleet` user's from), else
 * from standard input (piped, or typed without echo); `--password` is refused, since npm echoes the command line
 * and `ps` shows it to every user.
 *
 * Runs the simulation headless in (scaled) real time and publishes every AGV as a VDA 5050 vehicle would:
 * `connection` retained with a last will, `visualization` at --hz, `state` on change and at least every 30 s;
 * obeys `order` and `instantActions` sent to its vehicles. `--vda` picks the version every header says: 2.0
 * ("2.0.0", 2.0's fields only, and commands taken only in 2.0.x), 2 or 2.1 ("2.1.0", the default), 3 or 3.0
 * ("3.0.0"). `--interface` is the topics' first level: `uagv` by default, `vda5050` as 3.0 names it. `--stage` runs
 * the simulation on from --start (headless, at once) until each named AGV stands at its lane node, sent there when
 * free and kept waiting for an order, and publishes from then on: a test starts from a known fleet. Stops after --duration seconds (or on Ctrl-C),
 * publishing each vehicle OFFLINE. `--gate-events` also publishes the gate's own event feed for the simulated trucks
 * (barrier passes in and out, scan results; domain/gateEvent.ts) under gate/v1/. Exit 2 on wrong usage, 1 when the
 * scene or the broker fails.
 */
import mqtt from 'mqtt';
import { parseScene } from '../src/domain/parseScene';
import { formatProblem } from '../src/domain/problem';
import { Simulation } from '../src/sim/Simulation';
import { FleetPublisher } from '../src/telemetry/live/FleetPublisher';
import { PASSWORD_ENV } from '../src/telemetry/live/brokerConfig';
import { stageFleet } from '../src/telemetry/live/stageFleet';
import { GatePublisher } from '../src/telemetry/live/GatePublisher';
import { zoneFolder } from '../src/domain/zoneFolder';
import { DEFAULT_INTERFACE_NAME, formatTopic } from '../src/telemetry/vda5050/topic';
import { fail, readCliOptions, readPassword, readSceneText, refusePasswordOption } from './cliOptions';

const USAGE =
  'usage: [TWIN_FLEET_PASSWORD=…] npm run fleet -- --broker <url> --username <user> --scene <scene.json> --agvs N --hz H ' +
  '[--duration S] [--vda 2.0|2.1|3.0] [--interface NAME] [--speed X] [--start HH:MM] [--seed S] [--stage AGV-001=node,…] [--gate-events]';

/** `--vda` values and the header version each makes the vehicles say. */
const VDA: Readonly<Record<string, { version: 2 | 3; protocolVersion: string }>> = {
  '2.0': { version: 2, protocolVersion: '2.0.0' },
  '2': { version: 2, protocolVersion: '2.1.0' },
  '2.1': { version: 2, protocolVersion: '2.1.0' },
  '3': { version: 3, protocolVersion: '3.0.0' },
  '3.0': { version: 3, protocolVersion: '3.0.0' },
};

const argv = process.argv.slice(2);
refusePasswordOption(argv, PASSWORD_ENV.fleet);
const cli = readCliOptions(argv, {
  usage: USAGE,
  known: ['broker', 'username', 'scene', 'agvs', 'hz', 'duration', 'vda', 'interface', 'speed', 'start', 'seed', 'stage'],
  required: ['broker', 'username', 'scene', 'agvs', 'hz'],
  flags: ['gate-events'],
});
const number = cli.number;
const agvs = number('agvs', 0, (n) => Number.isInteger(n) && n > 0 && n <= 5000);
const hz = number('hz', 1, (n) => n > 0 && n <= 50);
const durationS = number('duration', Infinity, (n) => n > 0);
const vda = VDA[cli.get('vda') ?? '2.1'];
if (!vda) fail(`--vda ${cli.get('vda')}: expected 2.0, 2.1 (or 2), 3.0 (or 3)\n${USAGE}`, 2);
const interfaceName = cli.get('interface') ?? DEFAULT_INTERFACE_NAME;
try {
  formatTopic({ interfaceName, majorVersion: vda.version, manufacturer: 'smartgate', serialNumber: 'AGV-001', subtopic: 'state' });
} catch (e) {
  fail(`--interface ${interfaceName}: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`, 2);
}
const speed = number('speed', 1, (n) => n > 0 && n <= 1000);
const seed = number('seed', 1, Number.isInteger);
const start = /^(\d{1,2}):(\d{2})$/.exec(cli.get('start') ?? '07:00');
if (!start || Number(start[1]) > 23 || Number(start[2]) > 59) fail(`--start ${cli.get('start')}: expected HH:MM\n${USAGE}`, 2);
let startS = Number(start[1]) * 3600 + Number(start[2]) * 60;
const stages = (cli.get('stage') ?? '')
  .split(',')
  .filter((x) => x !== '')
  .map((pair) => {
    const m = /^AGV-(\d+)=(.+)$/.exec(pair);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > agvs) fail(`--stage ${pair}: expected AGV-NNN=lane-node with NNN from 001 to ${agvs}\n${USAGE}`, 2);
    return { agv: Number(m[1]) - 1, nodeId: m[2]! };
  });
/** Staging runs the simulation on from --start; give up after this much simulated time. */
const STAGE_WITHIN_S = 6 * 3600;

const file = cli.get('scene')!;
const text = readSceneText(file);
const parsed = parseScene(text, file);
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(formatProblem(p, file));
  fail(`${file}: invalid scene`, 1);
}
const map = parsed.scene.telemetry?.maps[0];
if (!map) fail(`${file}: no telemetry.maps entry, so there is no map to publish positions in`, 1);

let sim: Simulation;
try {
  sim = new Simulation(parsed.scene, { agvs, seed, hours: 24 * 14 });
} catch (e) {
  fail(`${file}: ${e instanceof Error ? e.message : String(e)}`, 1);
}
sim.advanceTo(startS);
if (stages.length > 0) {
  const staged = stageFleet(sim, stages, STAGE_WITHIN_S);
  if (!staged.ok) fail(`--stage: ${staged.reason}`, 1);
  startS = sim.now;
  console.log(
    `staged ${stages.map((s) => `AGV-${String(s.agv + 1).padStart(3, '0')} at ${s.nodeId}`).join(', ')} by simulated ${Math.floor(startS / 3600)}:${String(Math.floor((startS % 3600) / 60)).padStart(2, '0')}`,
  );
}
const password = await readPassword(PASSWORD_ENV.fleet, cli.get('username')!);
// From here on (not while staging), the trucks at the barriers and scanners as the gate's equipment reports them.
const gate = cli.has('gate-events') ? new GatePublisher(parsed.scene.zone.id, zoneFolder(parsed.scene.zone.id), Date.now().toString(36)) : undefined;
if (gate) sim.onTruck = gate.take;
const fleet = new FleetPublisher(sim, { ...vda, interfaceName, manufacturer: 'smartgate', map, clockRate: speed });
const willOf = (i: number) => ({
  topic: fleet.topic(i, 'connection'),
  payload: Buffer.from(JSON.stringify(fleet.connection(i, 'CONNECTIONBROKEN', Date.now()))),
  qos: 1 as const,
  retain: true,
});

// One MQTT connection for the whole fleet keeps a 2,000-vehicle run light; its last will covers the first vehicle,
// and a clean stop publishes every vehicle OFFLINE. (A broker sees one client; per-vehicle wills would need one
// connection each.)
const client = mqtt.connect(cli.get('broker')!, {
  username: cli.get('username')!,
  password,
  protocolVersion: 5,
  reconnectPeriod: 1000,
  will: willOf(0),
});
// Before the first connection an error (wrong password, nobody listening) ends the run; after it, the broker
// going away is an outage to ride out: mqtt.js reconnects every second and the vehicles publish again.
let connectedOnce = false;
client.on('error', (e) => {
  if (!connectedOnce) fail(`broker ${cli.get('broker')}: ${e.message}`, 1);
  console.error(`broker ${cli.get('broker')}: ${e.message}; reconnecting`);
});
client.on('connect', () => {
  connectedOnce = true;
});
client.on('message', (topic, payload) => fleet.handle(topic, payload.toString('utf8')));

let timer: NodeJS.Timeout | undefined;
let published = 0;
const publish = (topic: string, message: unknown, retain: boolean) => {
  published++;
  client.publish(topic, JSON.stringify(message), { qos: 0, retain });
};

async function stop(code: number): Promise<void> {
  if (timer) clearInterval(timer);
  for (let i = 0; i < fleet.serials.length; i++) publish(fleet.topic(i, 'connection'), fleet.connection(i, 'OFFLINE', Date.now()), true);
  await client.endAsync();
  console.log(`stopped: ${published} messages published for ${fleet.serials.length} vehicles`);
  process.exit(code);
}

client.once('connect', () => {
  const subscriptions = fleet.serials.flatMap((_, i) => [fleet.topic(i, 'order'), fleet.topic(i, 'instantActions')]);
  client.subscribe(subscriptions, { qos: 1 }, (err) => {
    if (err) fail(`subscribing to orders failed: ${err.message}`, 1);
    for (let i = 0; i < fleet.serials.length; i++) publish(fleet.topic(i, 'connection'), fleet.connection(i, 'ONLINE', Date.now()), true);
    const t0 = Date.now();
    console.log(
      `publishing ${fleet.serials.length} vehicles (VDA 5050 ${vda.protocolVersion} under ${interfaceName}/v${vda.version}/…) at ${hz} Hz to ${cli.get('broker')}, simulated clock ×${speed}`,
    );
    timer = setInterval(() => {
      const elapsedS = (Date.now() - t0) / 1000;
      if (elapsedS >= durationS) {
        void stop(0);
        return;
      }
      sim.advanceTo(startS + elapsedS * speed);
      fleet.tick(Date.now(), publish);
      gate?.flush(Date.now(), (topic, message) => publish(topic, message, false));
    }, 1000 / hz);
  });
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
