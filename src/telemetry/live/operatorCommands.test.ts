import { describe, expect, it } from 'vitest';
import type { AgvReport } from '../vda5050/agvReport';
import { describeCommand, describeRelease, settleUpdateFromState, type AuditEntry } from './operatorCommands';

const state = (more: Partial<AgvReport>): AgvReport => ({
  version: 2,
  protocolVersion: '2.1.0',
  interfaceName: 'uagv',
  manufacturer: 'acme',
  serialNumber: 'AGV-1',
  key: 'acme/AGV-1',
  headerId: 1,
  timestampMs: 0,
  receivedMs: 0,
  errors: [],
  nodeStates: [],
  edgeStates: [],
  actionStates: [],
  ...more,
});
const entry = (): AuditEntry => ({ id: 'o-1/2', who: 'operator', atMs: 0, vehicle: 'acme/AGV-1', what: describeRelease('n5', 2), result: 'sent' });

describe('operator commands in the audit log', () => {
  it('says what a hold and a release do, the hold’s end in gate time', () => {
    // 01:00:05 UTC is 08:00:05 at the gate (UTC+7).
    expect(describeCommand({ kind: 'hold', nodeId: 'vn-ys-1', untilMs: Date.UTC(2026, 11, 4, 1, 0, 5) })).toBe('hold at node vn-ys-1 until 08:00:05');
    expect(describeRelease('vn-ys-1', 3)).toBe('release up to node vn-ys-1 (order update 3)');
  });

  it('settles an order update from the vehicle’s states: taken once the state carries it, failed on an error naming it', () => {
    const e = entry();
    settleUpdateFromState(e, 'o-1', 2, state({ orderId: 'o-1', orderUpdateId: 1 }));
    expect(e.result).toBe('sent');
    settleUpdateFromState(e, 'o-1', 2, state({ orderId: 'o-1', orderUpdateId: 2 }));
    expect(e.result).toBe('finished');
    const refused = entry();
    const why = 'order o-1 update 2: starts at node n4, which does not start at the base end (node n5)';
    settleUpdateFromState(
      refused,
      'o-1',
      2,
      state({ orderId: 'o-1', orderUpdateId: 1, errors: [{ errorType: 'orderUpdateError', errorLevel: 'WARNING', errorDescription: why }] }),
    );
    expect(refused).toMatchObject({ result: 'failed', detail: why });
  });
});
