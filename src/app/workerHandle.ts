/**
 * A web worker's engine through comlink, with what every starter needs: `failed` rejects with the worker's
 * message when it cannot load or crashes (so calls never hang unanswered), and `end` releases the proxy and
 * terminates the worker. The caller creates the Worker itself, with a literal `new URL(…, import.meta.url)`, so
 * that Vite bundles the worker file.
 */
import * as Comlink from 'comlink';

export interface WorkerHandle<T> {
  readonly remote: Comlink.Remote<T>;
  readonly failed: Promise<never>;
  end(): void;
}

export function workerHandle<T>(worker: Worker, what: string): WorkerHandle<T> {
  const remote = Comlink.wrap<T>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`${what} worker failed: ${e.message || 'could not load'}`)));
  });
  // Observed by whoever races it; a failure nobody awaits is not an unhandled rejection.
  failed.catch(() => undefined);
  return {
    remote,
    failed,
    end: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
