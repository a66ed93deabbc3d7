/**
 * Operator commands as they go over the wire, and the audit trail they leave. A command is published with QoS 1
 * under the logged-in user; the broker's PUBACK says whether the ACL let it through (MQTT 5 reason code 135: not
 * authorised), and the vehicle's next states say whether it carried it out (its action's FINISHED or FAILED, or an
 * order error). A hold goes nowhere over the wire: the twin withholds the releases of its own order (OrderKeeper),
 * and the entry settles when the release at the hold's end is sent.
 */
import { gateClock } from '../../domain/gateClock';
import type { AgvReport } from '../vda5050/agvReport';

/** How the ids of the twin's commands and orders begin (`twin-<user>-<ms>-<n>`), so any console knows an order of the twin's. */
export const TWIN_ORDER_PREFIX = 'twin-';

export type OperatorCommand =
  | { readonly kind: 'pause' | 'resume' | 'cancel' }
  | { readonly kind: 'goto'; readonly nodeId: string }
  /** Release nothing beyond lane node `nodeId` of the vehicle's order from the twin before `untilMs` (ms since the Unix epoch). */
  | { readonly kind: 'hold'; readonly nodeId: string; readonly untilMs: number };

/** `refused by the server`: the control-room server did not send it (the role may not, or its fleet link is down). */
export type AuditResult = 'sent' | 'refused by the broker' | 'refused by the server' | 'failed to send' | 'finished' | 'failed';

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
  switch (c.kind) {
    case 'goto':
      return `drive to node ${c.nodeId}`;
    case 'hold':
      return `hold at node ${c.nodeId} until ${gateClock(c.untilMs / 1000, false)}`;
    case 'pause':
      return 'pause';
    case 'resume':
      return 'resume';
    case 'cancel':
      return 'cancel order';
  }
}

/** What an order update the twin sent says in the audit log. */
export function describeRelease(nodeId: string, orderUpdateId: number): string {
  return `release up to node ${nodeId} (order update ${orderUpdateId})`;
}

/**
 * Settles the audit entry of order update `orderUpdateId` of order `orderId` from a vehicle's state: finished once
 * the state carries that update (or a later one), failed when the vehicle reports an error naming the order.
 */
export function settleUpdateFromState(entry: AuditEntry, orderId: string, orderUpdateId: number, state: AgvReport): void {
  if (entry.result !== 'sent') return;
  if (state.orderId === orderId && (state.orderUpdateId ?? 0) >= orderUpdateId) {
    entry.result = 'finished';
    return;
  }
  const error = state.errors.find((e) => e.errorDescription?.includes(orderId) && e.errorDescription.includes(`update ${orderUpdateId}`));
  if (error) {
    entry.result = 'failed';
    entry.detail = error.errorDescription!;
  }
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
