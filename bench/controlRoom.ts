/**
 * The control-room server for the live benchmark, as it runs in production: its own Node process
 * (`node --import tsx server/main.ts`, as `npm run server`), on a temp data folder, serving dist/ and watching the
 * bench's broker as its `operator`; one viewer made with `npm run user`. Its CPU time and resident memory are read
 * from /proc, and its heap through its V8 inspector (on loopback), so the figures are the server's alone.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import WebSocket from 'ws';
import type { RunningBroker } from '../src/telemetry/live/brokerProcess';

export const BENCH_USER = 'bench-viewer';
export const BENCH_PASSWORD = 'a bench password, long enough';

export interface ControlRoom {
  readonly child: ChildProcess;
  readonly url: string;
  /** User plus system CPU seconds the server has used so far. */
  cpuSeconds(): number;
  /** Its resident memory now, MB. */
  rssMB(): number;
  /** Its JS heap after a full garbage collection, MB (through its inspector, on loopback). */
  heapMB(): Promise<number>;
  stop(): Promise<void>;
}

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** The server's V8 inspector, on loopback only, for its heap figures. */
const INSPECTOR_PORT = 9239;

/** One inspector call: `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`. */
async function inspectorHeapMB(): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let id = 0;
  const call = (method: string) =>
    new Promise<{ usedSize?: number }>((resolve, reject) => {
      const n = ++id;
      const timer = setTimeout(() => reject(new Error(`inspector ${method}: no answer in 30 s`)), 30_000);
      const onMessage = (data: Buffer) => {
        const m = JSON.parse(data.toString('utf8')) as { id?: number; result?: { usedSize?: number }; error?: { message: string } };
        if (m.id !== n) return;
        socket.off('message', onMessage);
        clearTimeout(timer);
        if (m.error) reject(new Error(`inspector ${method}: ${m.error.message}`));
        else resolve(m.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: n, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    if (usedSize === undefined) throw new Error("the server's Runtime.getHeapUsage gave no usedSize");
    return usedSize / 2 ** 20;
  } finally {
    socket.close();
  }
}

export async function startControlRoom(port: number, broker: RunningBroker): Promise<ControlRoom> {
  const dir = mkdtempSync(join(tmpdir(), 'twin-bench-server-'));
  const env = {
    ...process.env,
    TWIN_PORT: String(port),
    TWIN_DATA_DIR: dir,
    TWIN_BROKER_URL: broker.urls.tcp,
    TWIN_BROKER_USERNAME: 'operator',
    TWIN_BROKER_PASSWORD: broker.users.operator,
  };
  execFileSync('node_modules/.bin/tsx', ['scripts/user.ts', 'add', BENCH_USER, '--role', 'viewer', '--password-stdin'], {
    env,
    input: BENCH_PASSWORD,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const child = spawn(process.execPath, [`--inspect=127.0.0.1:${INSPECTOR_PORT}`, '--import', 'tsx', 'server/main.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4096)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const stat = () => readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const room: ControlRoom = {
    child,
    url,
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the ") " that ends the command name.
    cpuSeconds: () => (Number(stat()[11]) + Number(stat()[12])) / TICKS_PER_S,
    rssMB: () => {
      const line = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) / 1024;
    },
    heapMB: inspectorHeapMB,
    stop,
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the control-room server exited with ${child.exitCode}:\n${stderr.trim()}`);
    try {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { broker?: string };
      if (health.broker === 'connected') return room;
    } catch {
      // not listening yet
    }
    await delay(500);
  }
  await stop();
  throw new Error(`the control-room server at ${url} did not watch the broker within 120 s:\n${stderr.trim()}`);
}
