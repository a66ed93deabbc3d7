import { useEffect, useMemo, useState } from 'react';
import type { BehaviorSubject } from 'rxjs';
import type { Scene } from '../../domain/sceneSchema';
import { AlertBook } from '../../telemetry/alerts/AlertBook';
import { ALERT_THRESHOLDS } from '../../telemetry/alerts/alertThresholds';
import type { TrafficSnapshot, TrafficStore } from '../../store/traffic/trafficStore';
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
 * A prediction older than this (source s) against the state it would join is not used: after a seek, or when
 * prediction has stalled, its alerts would describe another moment.
 */
const PREDICTION_MAX_AGE_S = 30;

const current = (snapshot: TrafficSnapshot | undefined, clockS: number) =>
  snapshot && Math.abs(clockS - snapshot.clockS) <= PREDICTION_MAX_AGE_S ? snapshot : undefined;

/**
 * One alert book per source and scene, fed every state the source publishes and told of each seek (a replay's
 * scrub, step or jump) before the state at the new time, so what it lists is what held then; re-renders when the
 * book changed, never per frame. With a traffic store, each state also brings the latest prediction round (its
 * predicted conflicts, deadlocks and blocked routes).
 */
export function useAlertBook(source: AlertSource, scene: Scene, traffic?: TrafficStore): AlertBookHandle {
  const checkpoints = useMemo(() => checkpointsOf(scene), [scene]);
  const book = useMemo(() => new AlertBook(ALERT_THRESHOLDS, restPlacesOf(scene)), [source, scene]);
  // Mutable on purpose: the seek marker last seen, compared in the subscription, never rendered.
  const seen = useMemo(() => ({ seeks: source.state$.value.seeks }), [source]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const sub = source.state$.subscribe((state) => {
      const before = book.version;
      if (state.seeks !== seen.seeks) {
        seen.seeks = state.seeks;
        book.seek(state.clockS);
      }
      const input = alertInputOf(state, checkpoints);
      const predictions = current(traffic?.getState().snapshot, state.clockS);
      if (input) book.update(predictions ? { ...input, predictions } : input);
      if (book.version !== before) setVersion((v) => v + 1);
    });
    return () => sub.unsubscribe();
  }, [source, book, seen, checkpoints, traffic]);
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
