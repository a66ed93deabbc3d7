import { describe, expect, it } from 'vitest';
import traffic from '../../../data/traffic.json' with { type: 'json' };
import type { ActionStateReport, AgvReport, BlockingType, OrderNodeReport, OrderReport } from '../vda5050/agvReport';
import { OrderActions } from './OrderActions';

const T0 = Date.UTC(2026, 10, 23, 1);
const PICK_S = traffic.actionDurationS.pick.value;
const header = { version: 2 as const, protocolVersion: '2.1.0', interfaceName: 'uagv', manufacturer: 'acme', serialNumber: 'AGV-1', key: 'acme/AGV-1' };

const action = (actionId: string, actionType: string, blockingType: BlockingType) => ({ actionId, actionType, blockingType });

function node(nodeId: string, sequenceId: number, actions: OrderNodeReport['actions'] = [], released = true): OrderNodeReport {
  return { nodeId, sequenceId, released, actions };
}

function order(orderUpdateId: number, nodes: OrderNodeReport[], orderId = 'o-1'): OrderReport {
  return { ...header, headerId: orderUpdateId + 1, timestampMs: T0, receivedMs: T0, orderId, orderUpdateId, nodes, edges: [] };
}

let headerId = 0;
function state(atS: number, lastNode: [string, number], ahead: [string, number][], actionStates: ActionStateReport[] = [], orderId = 'o-1'): AgvReport {
  return {
    ...header,
    headerId: ++headerId,
    timestampMs: T0 + atS * 1000,
    receivedMs: T0 + atS * 1000,
    orderId,
    lastNodeId: lastNode[0],
    lastNodeSequenceId: lastNode[1],
    nodeStates: ahead.map(([nodeId, sequenceId]) => ({ nodeId, sequenceId, released: true })),
    edgeStates: [],
    actionStates,
    errors: [],
  };
}

const A = node('A', 0);
const B = node('B', 2);
const C = node('C', 4, [action('pick-1', 'pick', 'HARD'), action('beep', 'beep', 'NONE')]);
const D = node('D', 6, [action('drop-1', 'drop', 'SOFT'), action('lift', 'liftUp', 'SINGLE')]);

describe('OrderActions (the stops an observed order makes a vehicle)', () => {
  it('times a pick at route node 2 with its duration from data/traffic.json; NONE and SINGLE do not stop the vehicle', () => {
    const actions = new OrderActions();
    expect(actions.apply(order(0, [A, B, C, D]))).toBe(true);
    const s = actions.stops(
      0,
      'acme/AGV-1',
      state(
        0,
        ['A', 0],
        [
          ['B', 2],
          ['C', 4],
          ['D', 6],
        ],
      ),
      T0,
      8,
    );
    expect([s.length, ...s.stopS.subarray(0, 3)]).toEqual([3, 0, PICK_S, traffic.actionDurationS.drop.value]);
    expect(s.departS).toBe(0);
  });

  it('drops a stop whose action the state reports FINISHED or FAILED, and one of another order or node', () => {
    const actions = new OrderActions();
    actions.apply(order(0, [A, B, C, D]));
    const done = state(
      1,
      ['A', 0],
      [
        ['B', 2],
        ['C', 4],
        ['D', 6],
      ],
      [
        { actionId: 'pick-1', actionType: 'pick', actionStatus: 'FINISHED' },
        { actionId: 'drop-1', actionStatus: 'FAILED' },
      ],
    );
    expect([...actions.stops(0, 'acme/AGV-1', done, T0, 8).stopS.subarray(0, 3)]).toEqual([0, 0, 0]);
    const other = state(
      2,
      ['A', 0],
      [
        ['B', 2],
        ['C', 4],
      ],
      [],
      'o-2',
    );
    expect([...actions.stops(0, 'acme/AGV-1', other, T0, 8).stopS.subarray(0, 2)]).toEqual([0, 0]);
    const moved = state(
      3,
      ['A', 0],
      [
        ['B', 2],
        ['C', 8],
      ],
    );
    expect(actions.stops(0, 'acme/AGV-1', moved, T0, 8).stopS[1]).toBe(0);
  });

  it('counts down the departure of a blocking action running at the node it stands on, from when it was first seen running', () => {
    const actions = new OrderActions();
    actions.apply(order(0, [A, B, C, D]));
    const running = (atS: number) => state(atS, ['C', 4], [['D', 6]], [{ actionId: 'pick-1', actionStatus: 'RUNNING' }]);
    const waiting = state(9, ['C', 4], [['D', 6]], [{ actionId: 'pick-1', actionStatus: 'WAITING' }]);
    expect(actions.stops(0, 'acme/AGV-1', waiting, T0 + 9000, 8).departS).toBe(PICK_S);
    expect(actions.stops(0, 'acme/AGV-1', running(10), T0 + 10_000, 8).departS).toBe(PICK_S);
    expect(actions.stops(0, 'acme/AGV-1', running(10), T0 + 25_000, 8).departS).toBe(PICK_S - 15);
    // A later state still running: counted from when it was first seen running, not from this state.
    expect(actions.stops(0, 'acme/AGV-1', running(30), T0 + 40_000, 8).departS).toBe(PICK_S - 30);
    expect(actions.stops(0, 'acme/AGV-1', running(30), T0 + 100_000, 8).departS).toBe(0);
  });

  it('stitches an update from its first node on, and ignores an equal or lower update', () => {
    const actions = new OrderActions();
    actions.apply(order(0, [A, node('B', 2), node('C', 4, [], false)]));
    const ahead = state(
      0,
      ['A', 0],
      [
        ['B', 2],
        ['C', 4],
        ['D', 6],
      ],
    );
    expect([...actions.stops(0, 'acme/AGV-1', ahead, T0, 8).stopS.subarray(0, 3)]).toEqual([0, 0, 0]);
    expect(actions.apply(order(1, [node('B', 2), C, D]))).toBe(true);
    expect(actions.orderOf('acme/AGV-1')?.nodes.map((n) => n.nodeId)).toEqual(['A', 'B', 'C', 'D']);
    expect([...actions.stops(0, 'acme/AGV-1', ahead, T0, 8).stopS.subarray(0, 3)]).toEqual([0, PICK_S, traffic.actionDurationS.drop.value]);
    expect(actions.apply(order(1, [node('B', 2)]))).toBe(false);
    expect(actions.apply(order(0, [A]))).toBe(false);
    expect(actions.orderOf('acme/AGV-1')?.orderUpdateId).toBe(1);
    expect(actions.apply(order(0, [A, B], 'o-2'))).toBe(true);
    expect(actions.orderOf('acme/AGV-1')?.nodes.map((n) => n.nodeId)).toEqual(['A', 'B']);
  });

  it('hands back the same stops, unchanged, while neither the state nor the order changes', () => {
    const actions = new OrderActions();
    actions.apply(order(0, [A, B, C, D]));
    const s = state(
      0,
      ['A', 0],
      [
        ['B', 2],
        ['C', 4],
      ],
    );
    const first = actions.stops(0, 'acme/AGV-1', s, T0, 8);
    const again = actions.stops(0, 'acme/AGV-1', s, T0 + 1000, 8);
    expect(again).toBe(first);
    expect(again.stopS[1]).toBe(PICK_S);
  });
});
