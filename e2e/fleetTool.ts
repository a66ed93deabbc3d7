import { spawn, type ChildProcess } from 'node:child_process';
import { PASSWORD_ENV } from '../src/telemetry/live/brokerConfig';
import type { RunningBroker } from '../src/telemetry/live/brokerProcess';

/**
 * `npm run fleet` as the browser tests run it: the proposed 1119–1120 layout from `start` (default 08:00), publishing
 * at 4 Hz to the test's broker as the `fleet` user (its password in the environment, never on the command line), for
 * `durationS` seconds at simulated speed `speed`; `stage` parks AGVs at lane nodes first (`AGV-001=vn-imp,…`);
 * `gateEvents` also publishes the gate's event feed. The caller kills it.
 */
export function startFleetTool(
  broker: RunningBroker,
  o: { agvs: number; durationS: number; speed: number; start?: string; seed?: number; stage?: string; gateEvents?: boolean },
): ChildProcess {
  // Node with tsx's loader rather than the tsx wrapper: the caller's SIGKILL then ends the simulation itself, not
  // just a wrapper that would leave it running (and loading the machine) for the rest of its duration.
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/fleet.ts',
      '--broker',
      broker.urls.tcp,
      '--username',
      'fleet',
      '--scene',
      'scenes/1119-1120/proposed.json',
      '--agvs',
      String(o.agvs),
      '--hz',
      '4',
      '--duration',
      String(o.durationS),
      '--speed',
      String(o.speed),
      '--start',
      o.start ?? '08:00',
      ...(o.seed === undefined ? [] : ['--seed', String(o.seed)]),
      ...(o.stage === undefined ? [] : ['--stage', o.stage]),
      ...(o.gateEvents ? ['--gate-events'] : []),
    ],
    { stdio: 'ignore', env: { ...process.env, [PASSWORD_ENV.fleet]: broker.users.fleet } },
  );
}
