/**
 * What changed in an alert book since the consoles were last sent it: the alerts new or different (whole) and the
 * ids no longer kept. `sent` (each alert's last sent form, JSON, by id) is brought up to date.
 */
import type { Alert } from '../../src/telemetry/alerts/AlertBook';
import type { AlertChange } from './SharedAlerts';

export function bookChange(sent: Map<string, string>, list: readonly Alert[]): AlertChange | undefined {
  const changed: Alert[] = [];
  const kept = new Set<string>();
  for (const a of list) {
    kept.add(a.id);
    const json = JSON.stringify(a);
    if (sent.get(a.id) === json) continue;
    sent.set(a.id, json);
    changed.push(a);
  }
  const removed = [...sent.keys()].filter((id) => !kept.has(id));
  for (const id of removed) sent.delete(id);
  return changed.length === 0 && removed.length === 0 ? undefined : { alerts: changed, removed };
}
