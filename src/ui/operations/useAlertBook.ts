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
 * One alert book per source and scene, fed every state the source publishes; re-renders when the book changed,
 * never per frame.
 */
export function useAlertBook(source: AlertSource, scene: Scene): AlertBookHandle {
  const book = useMemo(() => new AlertBook(ALERT_THRESHOLDS, restPlacesOf(scene)), [source, scene]);
  const checkpoints = useMemo(() => checkpointsOf(scene), [scene]);
  const [version, setVersion] = useState(book.version);
  useEffect(() => {
    const sub = source.state$.subscribe((state) => {
      const input = alertInputOf(state, checkpoints);
      if (!input) return;
      book.update(input);
      setVersion(book.version);
    });
    return () => sub.unsubscribe();
  }, [source, book, checkpoints]);
  return useMemo(
    () => ({
      book,
      version,
      acknowledge: (id: string, by: string) => {
        book.acknowledge(id, by, book.clockS);
        setVersion(book.version);
      },
      acknowledgeAll: (by: string) => {
        book.acknowledgeAll(by, book.clockS);
        setVersion(book.version);
      },
    }),
    [book, version],
  );
}
