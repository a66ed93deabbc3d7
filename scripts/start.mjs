/**
 * `npm start`: builds the twin when the build is missing or older than its sources, then serves it on
 * http://127.0.0.1:5173 (no other service needed: the built-in scenes and fleet ship inside the build).
 */
import { spawnSync } from 'node:child_process';
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
console.log('Serving the twin on http://127.0.0.1:5173');
run(['preview', '--host', '127.0.0.1', '--port', '5173', '--strictPort']);
