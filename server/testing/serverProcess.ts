/**
 * The control-room server as a real process for a test that kills it: node with tsx's loader (so that SIGKILL reaches
 * the server itself, not a wrapper), on a free port, watching the test's broker as its `operator` user, with the
 * environment given on top; resolves with its address once it says it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RunningBroker } from '../../src/telemetry/live/brokerProcess';

export interface ServerProcess {
  readonly proc: ChildProcess;
  readonly url: string;
}

export function startServerProcess(broker: RunningBroker, env: Readonly<Record<string, string>>): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      TWIN_PORT: '0',
      TWIN_BROKER_URL: broker.urls.tcp,
      TWIN_BROKER_USERNAME: 'operator',
      TWIN_BROKER_PASSWORD: broker.users.operator,
      TWIN_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Serving the twin on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}) before serving: ${out}`)));
  });
}

/** Resolves once `proc` has exited (at once if it has). */
export const exited = (proc: ChildProcess) =>
  new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));
