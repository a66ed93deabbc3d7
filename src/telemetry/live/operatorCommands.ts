/**
 * Operator commands as they go over the wire, and the audit trail they leave. A command is published with QoS 1
 * under the logged-in user; the broker's PUBACK says whether the ACL let it through (MQTT 5 reason code 135: not
 * authorised), and the vehicle's next states say whether it carried it out (its action's FINISHED or FAILED, or an
 * order error).
 */
import type { AgvReport } from '../vda5050/agvReport';

export type OperatorCommand = { readonly kind: 'pause' | 'resume' | 'cancel' } | { readonly kind: 'goto'; readonly nodeId: string };

export type AuditResult = 'sent' | 'refused by the broker' | 'failed to send' | 'finished' | 'failed';

export interface AuditEntry {
  readonly id: string;
  readonly who: string;
  /** When it was sent, ms since the Unix epoch. */
  readonly atMs: number;
  readonly vehicle: string;
  readonly what: string;
  result: AuditResult;
  /** Why, where the broker or the vehicle said. */
  detail?: string;
}

export function describeCommand(c: OperatorCommand): string {
  return c.kind === 'goto' ? `drive to node ${c.nodeId}` : c.kind === 'pause' ? 'pause' : c.kind === 'resume' ? 'resume' : 'cancel order';
}

/** Settles a sent command from a vehicle's state: its action's final status, or the fate of its order. */
export function settleFromState(entry: AuditEntry, state: AgvReport): void {
  if (entry.result !== 'sent') return;
  const action = state.actionStates.find((a) => a.actionId === entry.id);
  if (action && (action.actionStatus === 'FINISHED' || action.actionStatus === 'FAILED')) {
    entry.result = action.actionStatus === 'FINISHED' ? 'finished' : 'failed';
    if (action.resultDescription) entry.detail = action.resultDescription;
    return;
  }
  if (state.orderId === entry.id) {
    entry.result = 'finished';
    return;
  }
  const error = state.errors.find((e) => e.errorType === 'orderError' && e.errorDescription?.includes(entry.id));
  if (error) {
    entry.result = 'failed';
    if (error.errorDescription) entry.detail = error.errorDescription;
  }
}
