/**
 * `npm run broker [-- --tcp-port N] [--ws-port N] [--dir D]`: runs Debian's Mosquitto in the foreground with the
 * repo's policy (broker/acl, broker/mosquitto.conf.template): MQTT on 127.0.0.1:1883, WebSocket on loopback
 * port 9001, no anonymous access, users `viewer`, `operator` and `fleet`. Passwords come from
 * TWIN_VIEWER_PASSWORD, TWIN_OPERATOR_PASSWORD and TWIN_FLEET_PASSWORD; an unset one is generated and printed
 * (a given one is never printed). Run files go to `.broker/` (or `--dir`, so tests leave a developer's running
 * broker alone). Mosquitto's output is forwarded; Ctrl+C or SIGTERM stops it. Prints `ready: …` once both
 * listeners accept connections. Exit 1 when Mosquitto is missing, a port is taken or Mosquitto fails; 2 on
 * wrong usage.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  BROKER_USERS,
  MOSQUITTO,
  MosquittoMissingError,
  PASSWORD_ENV,
  assertMosquittoInstalled,
  brokerUrls,
  resolveCredentials,
  writeBrokerFiles,
  type BrokerFiles,
} from '../src/telemetry/live/brokerConfig';
import { loopbackPortIsFree, waitForListeners } from '../src/telemetry/live/brokerProcess';

const USAGE = 'usage: npm run broker -- [--tcp-port N] [--ws-port N] [--dir DIR]';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const options = { tcpPort: 1883, wsPort: 9001, dir: fileURLToPath(new URL('../.broker/', import.meta.url)) };
const args = process.argv.slice(2);
for (let k = 0; k < args.length; k++) {
  const a = args[k]!;
  const raw = args[++k];
  if (raw === undefined) fail(`${a} needs a value\n${USAGE}`, 2);
  if (a === '--dir') options.dir = raw;
  else if (a === '--tcp-port' || a === '--ws-port') {
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${a} needs a port number 1-65535 (got ${raw})\n${USAGE}`, 2);
    options[a === '--tcp-port' ? 'tcpPort' : 'wsPort'] = port;
  } else fail(`unknown option ${a}\n${USAGE}`, 2);
}
const ports = { tcpPort: options.tcpPort, wsPort: options.wsPort };
if (ports.tcpPort === ports.wsPort) fail(`--tcp-port and --ws-port must differ (both ${ports.tcpPort})`, 2);

try {
  assertMosquittoInstalled();
} catch (e) {
  fail(e instanceof MosquittoMissingError ? e.message : String(e), 1);
}
for (const [flag, port] of [
  ['--tcp-port', ports.tcpPort],
  ['--ws-port', ports.wsPort],
] as const) {
  if (!(await loopbackPortIsFree(port))) {
    fail(`127.0.0.1:${port} is taken (another broker? see \`ss -ltnp | grep :${port}\`); stop it or pick another with ${flag}`, 1);
  }
}

const credentials = resolveCredentials((user) => process.env[PASSWORD_ENV[user]]);
let files: BrokerFiles;
try {
  files = writeBrokerFiles(options.dir, ports, credentials);
} catch (e) {
  fail(`cannot write the broker's run files: ${e instanceof Error ? e.message : String(e)}`, 1);
}
const urls = brokerUrls(ports);

console.log(`broker users (policy in broker/acl, run files in ${files.dir}):`);
for (const user of BROKER_USERS) {
  const { password, generated } = credentials[user];
  const env = PASSWORD_ENV[user];
  console.log(`  ${user.padEnd(8)} ${generated ? `password ${password} (generated; set ${env} to choose one)` : `password from ${env}`}`);
}
console.log(`urls: ${urls.tcp} ${urls.ws}`);

const child = spawn(MOSQUITTO, ['-c', files.configFile], { stdio: ['ignore', 'inherit', 'inherit'] });
/** Set once we ask Mosquitto to stop: 0 when a signal asked us, 1 when it never became ready. */
let exitWith: number | undefined;
let failure: string | undefined;
const stop = (code: number) => {
  exitWith ??= code;
  child.kill('SIGTERM');
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
child.once('error', (e) => (failure = `cannot run ${MOSQUITTO}: ${e.message}`));
child.once('exit', (code, signal) => {
  if (exitWith !== undefined) process.exit(exitWith);
  fail(`mosquitto exited (${signal ?? `code ${code}`}); see its output above`, 1);
});

try {
  await waitForListeners([ports.tcpPort, ports.wsPort], () => failure ?? (child.exitCode === null ? undefined : 'mosquitto exited'));
  console.log(`ready: mosquitto listens on ${urls.tcp} and ${urls.ws} (Ctrl+C stops it)`);
} catch (e) {
  const why = e instanceof Error ? e.message : String(e);
  // A process that never started sends no 'exit'; one that exited has reported why in its handler.
  if (child.pid === undefined) fail(why, 1);
  if (child.exitCode === null) {
    console.error(`${why}; stopping mosquitto`);
    stop(1);
  }
}
