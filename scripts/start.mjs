/**
 * `npm start`: builds the twin when the build is missing or older than its sources, then starts the control-room
 * server (server/main.ts) on http://127.0.0.1:5173 (TWIN_PORT): no other service needed, its embedded database is
 * made in var/ and the built-in fleet ships inside the build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'workers', 'scenes', 'data', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

function run(args) {
  const r = spawnSync('npx', ['vite', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
  console.log('Building the twin (sources changed since the last build)…');
  run(['build']);
} else {
  console.log('Build is up to date.');
}
// The server runs from its TypeScript sources through tsx's loader (one process: a signal reaches the server
// itself): nothing to build, and a stack trace names the real line.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
