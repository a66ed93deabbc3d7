/**
 * The moments in a recording an operator jumps to: a vehicle raising an error, hitting an emergency stop or a
 * protective-field violation, or losing its connection (not signing off). Only the onset counts (the state messages that follow,
 * still carrying the same error, do not add alerts), so "next alert" walks from one incident to the next.
 */
import type { RecordingReader } from '../recording/RecordingReader';
import { decodeMessage } from '../vda5050/decode';

export interface ReplayAlert {
  /** Log time, seconds since the Unix epoch. */
  readonly atS: number;
  /** `manufacturer/serial`, from the wire: show as text. */
  readonly vehicle: string;
  readonly kind: 'error' | 'emergency-stop' | 'field-violation' | 'connection-lost';
  /** The first error's type and description, or the connection state. From the wire: show as text. */
  readonly detail: string;
}

/** Alerts kept: a recording with more incidents than this is a fault storm; the first ones tell the story. */
const MAX_ALERTS = 2000;

const NS_PER_MS = 1_000_000n;

/** Scans the `state` and `connection` topics of a recording for alert onsets, in time order. */
export async function findAlerts(reader: RecordingReader, topics: readonly string[]): Promise<ReplayAlert[]> {
  const wanted = topics.filter((t) => t.endsWith('/state') || t.endsWith('/connection'));
  const alerts: ReplayAlert[] = [];
  if (wanted.length === 0) return alerts;
  /** Per vehicle and topic kind, whether the last message was already in alert. */
  const active = new Set<string>();
  for await (const m of reader.messages({ topics: wanted })) {
    const ms = Number(m.logTimeNs / NS_PER_MS);
    const d = decodeMessage(m.topic, m.data, ms);
    if (d.kind === 'dropped' || d.kind === 'visualization' || d.kind === 'order') continue;
    let alert: Pick<ReplayAlert, 'kind' | 'detail'> | undefined;
    if (d.kind === 'connection') {
      // OFFLINE is a vehicle signing off cleanly; only a broken link (the broker's last will) is an incident.
      if (d.report.connectionState === 'CONNECTIONBROKEN') alert = { kind: 'connection-lost', detail: 'CONNECTIONBROKEN' };
    } else {
      const r = d.report;
      const e = r.errors[0];
      if (e) alert = { kind: 'error', detail: `${e.errorLevel} ${e.errorType}${e.errorDescription ? `: ${e.errorDescription}` : ''}` };
      else if (r.safety && r.safety.emergencyStop !== 'NONE') alert = { kind: 'emergency-stop', detail: r.safety.emergencyStop };
      else if (r.safety?.fieldViolation) alert = { kind: 'field-violation', detail: 'protective field violated' };
    }
    const id = `${d.kind}:${d.report.key}`;
    if (!alert) {
      active.delete(id);
      continue;
    }
    if (active.has(id)) continue;
    active.add(id);
    alerts.push({ atS: ms / 1000, vehicle: d.report.key, ...alert });
    if (alerts.length >= MAX_ALERTS) break;
  }
  return alerts;
}
