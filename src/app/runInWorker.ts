/**
 * Starts a telemetry source on an engine served by a web worker (comlink), so that a worker which fails to load
 * (a script error, a blocked module) rejects with its message instead of leaving calls hanging, and disposing of
 * the source also releases the proxy and ends the worker. The caller creates the Worker itself, with a literal
 * `new URL(…, import.meta.url)`, so that Vite bundles the worker file.
 */
import type * as Comlink from 'comlink';
import { workerHandle } from './workerHandle';

export interface RunningSource<S> {
  readonly source: S;
  dispose(): void;
}

export async function runInWorker<E, S extends { dispose(): void }>(
  worker: Worker,
  what: string,
  start: (engine: Comlink.Remote<E>) => Promise<S>,
): Promise<RunningSource<S>> {
  const { remote, failed, end } = workerHandle<E>(worker, what);
  try {
    const source = await Promise.race([start(remote), failed]);
    return {
      source,
      dispose: () => {
        source.dispose();
        end();
      },
    };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}
