import { useEffect, useMemo, useState } from 'react';
import type { BehaviorSubject } from 'rxjs';
import type { Scene } from '../../domain/sceneSchema';
import { AlertBook, type Alert, type AlertKind } from '../../telemetry/alerts/AlertBook';
import { ALERT_THRESHOLDS } from '../../telemetry/alerts/alertThresholds';
import type { TrafficSnapshot, TrafficStore } from '../../store/traffic/trafficStore';
import type { SourceState } from '../../telemetry/TelemetrySource';
import { alertInputOf, checkpointsOf, restPlacesOf } from '../../telemetry/alerts/alertInput';

/** A running source as the alerts see it: its state on an rxjs subject (status changes and 2 Hz snapshots). */
export interface AlertSource {
  readonly state$: Pick<BehaviorSubject<SourceState>, 'value' | 'subscribe'>;
}

/**
 * The control room's shared book, kept by the server over the same live feed (app/server/ServerSocket.ts): its
 * alerts replace this console's own, but for what only this console predicts (traffic prediction runs in the page).
 */
export interface SharedBook {
  readonly alerts: readonly Alert[];
  /** Whether the signed-in user may acknowledge (an operator or an admin). */
  readonly canAcknowledge: boolean;
  /** Why the last acknowledgement failed or the server's socket dropped, as text. */
  readonly problem?: string;
  acknowledge(ids: readonly string[] | 'all'): void;
}

export interface AlertBookHandle {
  /** Every alert listed, newest first. */
  readonly list: readonly Alert[];
  readonly unacknowledged: number;
  /** Whether acknowledging is open to this console (always on its own book; by role on a shared one). */
  readonly canAcknowledge: boolean;
  /** Acknowledges one alert (or all) by `by`, at the source's clock now; on the shared book, as the signed-in user. */
  acknowledge(id: string, by: string): void;
  acknowledgeAll(by: string): void;
}

/** What only this console knows: traffic prediction's alerts. */
const PREDICTED: ReadonlySet<AlertKind> = new Set(['predicted-conflict', 'predicted-deadlock', 'blocked-route']);

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
export function useAlertBook(source: AlertSource, scene: Scene, traffic?: TrafficStore, shared?: SharedBook): AlertBookHandle {
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
  return useMemo(() => {
    if (!shared) {
      const list = book.list();
      return {
        list,
        unacknowledged: book.unacknowledged(),
        canAcknowledge: true,
        acknowledge: (id: string, by: string) => {
          book.acknowledge(id, by, book.clockS);
          setVersion((v) => v + 1);
        },
        acknowledgeAll: (by: string) => {
          book.acknowledgeAll(by, book.clockS);
          setVersion((v) => v + 1);
        },
      };
    }
    const own = book.list().filter((a) => PREDICTED.has(a.kind));
    const list = own.length === 0 ? shared.alerts : [...shared.alerts, ...own].sort((a, b) => b.openedS - a.openedS);
    const sharedIds = new Set(shared.alerts.map((a) => a.id));
    return {
      list,
      unacknowledged: list.filter((a) => !a.ack).length,
      canAcknowledge: shared.canAcknowledge,
      acknowledge: (id: string, by: string) => {
        if (sharedIds.has(id)) return shared.acknowledge([id]);
        book.acknowledge(id, by, book.clockS);
        setVersion((v) => v + 1);
      },
      acknowledgeAll: (by: string) => {
        shared.acknowledge('all');
        book.acknowledgeAll(by, book.clockS);
        setVersion((v) => v + 1);
      },
    };
    // `version` stands for the book's contents: a new version, a new list.
  }, [book, version, shared]);
}
