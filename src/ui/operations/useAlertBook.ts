import { useEffect, useMemo, useState } from 'react';
import type { BehaviorSubject } from 'rxjs';
import type { Scene } from '../../domain/sceneSchema';
import { AlertBook } from '../../telemetry/alerts/AlertBook';
import { ALERT_THRESHOLDS } from '../../telemetry/alerts/alertThresholds';
import type { SourceState } from '../../telemetry/TelemetrySource';
import { alertInputOf, checkpointsOf, restPlacesOf } from './alertInput';

/** A running source as the alerts see it: its state on an rxjs subject (status changes and 2 Hz snapshots). */
export interface AlertSource {
  readonly state$: Pick<BehaviorSubject<SourceState>, 'value' | 'subscribe'>;
}

export interface AlertBookHandle {
  readonly book: AlertBook;
  /** The book's version: changes whenever its list does (a dependency for memoised views). */
  readonly version: number;
  /** Acknowledges one alert (or all) by `by`, at the source's clock now. */
  acknowledge(id: string, by: string): void;
  acknowledgeAll(by: string): void;
}

/**
 * One alert book per source and scene, fed every state the source publishes, and started afresh after each seek
 * (a replay's scrub, step or jump), so what it lists is what held at the new time; re-renders when the book
 * changed, never per frame.
 */
export function useAlertBook(source: AlertSource, scene: Scene): AlertBookHandle {
  const checkpoints = useMemo(() => checkpointsOf(scene), [scene]);
  const current = useMemo(() => ({ book: new AlertBook(ALERT_THRESHOLDS, restPlacesOf(scene)), seeks: source.state$.value.seeks }), [source, scene]);
  // Counts changes across books too: a fresh book's own version starts again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const sub = source.state$.subscribe((state) => {
      if (state.seeks !== current.seeks) {
        current.seeks = state.seeks;
        current.book = new AlertBook(ALERT_THRESHOLDS, restPlacesOf(scene));
        setVersion((v) => v + 1);
      }
      const input = alertInputOf(state, checkpoints);
      if (!input) return;
      const before = current.book.version;
      current.book.update(input);
      if (current.book.version !== before) setVersion((v) => v + 1);
    });
    return () => sub.unsubscribe();
  }, [source, scene, current, checkpoints]);
  const book = current.book;
  return useMemo(
    () => ({
      book,
      version,
      acknowledge: (id: string, by: string) => {
        book.acknowledge(id, by, book.clockS);
        setVersion((v) => v + 1);
      },
      acknowledgeAll: (by: string) => {
        book.acknowledgeAll(by, book.clockS);
        setVersion((v) => v + 1);
      },
    }),
    [book, version],
  );
}
