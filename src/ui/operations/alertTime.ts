import type { TFunction } from 'i18next';
import type { SourceKind } from '../../telemetry/TelemetrySource';
import { gateTime } from '../gateTime';

/**
 * An alert's time at the gate: the simulation's clock is simulated seconds since midnight of day 1 at the gate
 * (`Day 1 · 08:03:20`); live and replayed clocks are epoch seconds, shown in the gate's time zone.
 */
export function alertTime(s: number, kind: SourceKind, lang: string, t: TFunction): string {
  if (kind !== 'sim') return gateTime(s, lang);
  const day = Math.floor(s / 86400) + 1;
  const secs = Math.floor(s % 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  return t('alerts.simTime', { day, time: `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}` });
}
