/**
 * Starts a telemetry source on an engine served by a web worker (comlink), so that a worker which fails to load
 * (a script error, a blocked module) rejects with its message instead of leaving calls hanging, and disposing of
 * the source also releases the proxy and ends the worker. The caller creates the Worker itself, with a literal
 * `new URL(…, import.meta.url)`, so that Vite bundles the worker file.
 */
import * as Comlink from 'comlink';

export interface RunningSource<S> {
  readonly source: S;
  dispose(): void;
}

export async function runInWorker<E, S extends { dispose(): void }>(
  worker: Worker,
  what: string,
  start: (engine: Comlink.Remote<E>) => Promise<S>,
): Promise<RunningSource<S>> {
  const remote = Comlink.wrap<E>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`${what} worker failed: ${e.message || 'could not load'}`)));
  });
  try {
    const source = await Promise.race([start(remote), failed]);
    return {
      source,
      dispose: () => {
        source.dispose();
        remote[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}
