import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts `vite preview` of dist/ on 127.0.0.1:`port` for a browser benchmark and resolves once it answers (60 s
 * at most); rejects naming the cause when it exits or never answers (and stops it). The caller kills it.
 */
export async function startPreview(port: number): Promise<ChildProcess> {
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`preview server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`preview server did not answer at ${url} within 60 s`);
}
