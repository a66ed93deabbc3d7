import { describe, expect, it } from 'vitest';
import type { AgvReport } from '../vda5050/agvReport';
import { OrderKeeper } from './OrderKeeper';

// A straight lane n0 → n1 → … → n9, edges e0 (n0 → n1) … e8.
const nodes = Array.from({ length: 10 }, (_, k) => ({ id: `n${k}`, position: [10 * k, 0] as [number, number] }));
const edges = Array.from({ length: 9 }, (_, k) => ({ id: `e${k}` }));
const route = { nodes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], edges: [0, 1, 2, 3, 4, 5, 6, 7, 8] };
const KEY = 'acme/AGV-1';

/** A state of the vehicle on order `orderId`, last at route node `at` (sequence id 2·at), with `left` nodes ahead. */
function report(orderId: string | undefined, at: number, left = 3, more: Partial<AgvReport> = {}): AgvReport {
  return {
    version: 2,
    protocolVersion: '2.1.0',
    interfaceName: 'uagv',
    manufacturer: 'acme',
    serialNumber: 'AGV-1',
    key: KEY,
    headerId: 1,
    timestampMs: 0,
    receivedMs: 0,
    errors: [],
    ...(orderId ? { orderId } : {}),
    lastNodeId: `n${at}`,
    lastNodeSequenceId: 2 * at,
    nodeStates: Array.from({ length: left }, (_, j) => ({ nodeId: `n${at + 1 + j}`, sequenceId: 2 * (at + 1 + j), released: true })),
    edgeStates: [],
    actionStates: [],
    ...more,
  };
}

const released = (o: { nodes: readonly { nodeId: string; released?: boolean }[] }) => o.nodes.filter((n) => n.released !== false).map((n) => n.nodeId);
const horizon = (o: { nodes: readonly { nodeId: string; released?: boolean }[] }) => o.nodes.filter((n) => n.released === false).map((n) => n.nodeId);

describe('OrderKeeper (the twin releasing its own orders)', () => {
  it('sends an order with the start and the next three nodes released, the rest as horizon, edges by lane id', () => {
    const keeper = new OrderKeeper(nodes, edges, 3);
    const o = keeper.order(KEY, 'o-1', route);
    expect(o).toMatchObject({ orderId: 'o-1', orderUpdateId: 0, firstSequenceId: 0, edgeIds: edges.map((e) => e.id) });
    expect(released(o)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(horizon(o)).toEqual(['n4', 'n5', 'n6', 'n7', 'n8', 'n9']);
    // A short route is released whole.
    expect(horizon(keeper.order('acme/AGV-2', 'o-2', { nodes: [4, 5], edges: [4] }))).toEqual([]);
  });

  it('extends the base as the vehicle passes nodes: same order, update + 1, stitched at the base end, never past the route', () => {
    const keeper = new OrderKeeper(nodes, edges, 3);
    keeper.order(KEY, 'o-1', route);
    // The vehicle still tells of its order before: nothing to do yet.
    expect(keeper.state(KEY, report('old', 0), 0)).toEqual([]);
    expect(keeper.state(KEY, report('o-1', 0), 0)).toEqual([]);
    const [u1] = keeper.state(KEY, report('o-1', 1), 0);
    expect(u1!.order).toMatchObject({ orderId: 'o-1', orderUpdateId: 1, firstSequenceId: 6 });
    expect(u1!.order.edgeIds).toEqual(['e3', 'e4', 'e5', 'e6', 'e7', 'e8']);
    expect(released(u1!.order)).toEqual(['n3', 'n4']);
    expect(horizon(u1!.order)).toEqual(['n5', 'n6', 'n7', 'n8', 'n9']);
    expect(u1!.releasedUpTo).toBe('n4');
    // The same state again, or a tick: nothing more.
    expect(keeper.state(KEY, report('o-1', 1), 0)).toEqual([]);
    expect(keeper.tick(1000)).toEqual([]);
    // Skipping nodes (states are not sent for every node) releases up to three ahead of the node passed.
    const [u2] = keeper.state(KEY, report('o-1', 3), 0);
    expect(u2!.order).toMatchObject({ orderUpdateId: 2, firstSequenceId: 8 });
    expect(released(u2!.order)).toEqual(['n4', 'n5', 'n6']);
    const [u3] = keeper.state(KEY, report('o-1', 6), 0);
    expect(released(u3!.order)).toEqual(['n6', 'n7', 'n8', 'n9']);
    expect(horizon(u3!.order)).toEqual([]);
    expect(keeper.state(KEY, report('o-1', 8, 1), 0)).toEqual([]);
    // Reached the end: no nodes left, the order leaves the ledger.
    expect(keeper.state(KEY, report('o-1', 9, 0), 0)).toEqual([]);
    expect(keeper.orderOf(KEY)).toBeUndefined();
  });

  it('finds the node passed by its id when the vehicle numbers its sequence afresh', () => {
    const keeper = new OrderKeeper(nodes, edges, 3);
    keeper.order(KEY, 'o-1', route);
    const [u] = keeper.state(KEY, report('o-1', 2, 3, { lastNodeSequenceId: 0 }), 0);
    expect(released(u!.order)).toEqual(['n3', 'n4', 'n5']);
  });

  it('withholds releases beyond a held node until its time, then releases and settles the hold', () => {
    const keeper = new OrderKeeper(nodes, edges, 3);
    keeper.order(KEY, 'o-1', route);
    keeper.state(KEY, report('o-1', 0), 0);
    expect(keeper.hold(KEY, 'n5', 60_000, 'h-1', 0)).toEqual({ ok: true });
    const commitment = { holdNode: 0, holdUntilMs: 0 };
    expect(keeper.commitment(KEY, commitment)).toBe(true);
    expect(commitment).toEqual({ holdNode: 5, holdUntilMs: 60_000 });
    const [u1] = keeper.state(KEY, report('o-1', 2), 10_000);
    expect(released(u1!.order)).toEqual(['n3', 'n4', 'n5']);
    // At the held node, waiting: nothing beyond it is released however long the vehicle stands there.
    expect(keeper.state(KEY, report('o-1', 5, 4), 30_000)).toEqual([]);
    expect(keeper.tick(59_999)).toEqual([]);
    expect(keeper.settled()).toEqual([]);
    // Its time comes with no state from the vehicle: the tick releases.
    const [u2] = keeper.tick(60_000);
    expect(u2!.order).toMatchObject({ orderUpdateId: 2, firstSequenceId: 10 });
    expect(released(u2!.order)).toEqual(['n5', 'n6', 'n7', 'n8']);
    expect(keeper.settled()).toEqual([{ id: 'h-1', key: KEY, result: 'finished', detail: 'released past node n5 (order update 2)' }]);
    expect(keeper.commitment(KEY, commitment)).toBe(true);
    expect(commitment.holdNode).toBe(-1);
  });

  it('refuses a hold with the reason: no order from the twin, a node not ahead, inside the released base, a time past', () => {
    const keeper = new OrderKeeper(nodes, edges, 3);
    expect(keeper.hold(KEY, 'n5', 60_000, 'h', 0)).toEqual({ ok: false, reason: 'acme/AGV-1 has no order from the twin to hold' });
    keeper.order(KEY, 'o-1', { nodes: [0, 1, 2, 3, 4, 5, 6], edges: [0, 1, 2, 3, 4, 5] });
    keeper.state(KEY, report('o-1', 1), 0);
    expect(keeper.hold(KEY, 'n9', 60_000, 'h', 0)).toEqual({ ok: false, reason: "node n9 is not ahead on acme/AGV-1's route" });
    expect(keeper.hold(KEY, 'n1', 60_000, 'h', 0)).toEqual({ ok: false, reason: "node n1 is not ahead on acme/AGV-1's route" });
    expect(keeper.hold(KEY, 'ghost', 60_000, 'h', 0)).toMatchObject({ ok: false, reason: "node ghost is not ahead on acme/AGV-1's route" });
    expect(keeper.hold(KEY, 'n3', 60_000, 'h', 0)).toEqual({
      ok: false,
      reason: "node n3 lies inside acme/AGV-1's released base (up to node n4), which cannot be taken back",
    });
    expect(keeper.hold(KEY, 'n4', 0, 'h', 0)).toMatchObject({ ok: false, reason: expect.stringMatching(/before it begins/) });
    // At the base's end is allowed: nothing beyond it is released yet.
    expect(keeper.hold(KEY, 'n4', 60_000, 'h', 0)).toEqual({ ok: true });
  });

  it('drops an order the vehicle cancelled, replaced or refused, cutting its hold short', () => {
    const keeper = new OrderKeeper(nodes, edges, 3);
    const c = { holdNode: 0, holdUntilMs: 0 };
    keeper.order(KEY, 'o-1', route);
    keeper.state(KEY, report('o-1', 0), 0);
    keeper.hold(KEY, 'n6', 60_000, 'h-1', 0);
    keeper.state(KEY, report('o-1', 1, 0), 1000);
    expect(keeper.commitment(KEY, c)).toBe(false);
    expect(keeper.settled()).toEqual([{ id: 'h-1', key: KEY, result: 'failed', detail: 'the order ended (finished or cancelled) before the hold ended' }]);
    keeper.order(KEY, 'o-2', route);
    keeper.state(KEY, report('o-2', 0), 0);
    keeper.state(KEY, report('elsewhere', 0), 0);
    expect(keeper.orderOf(KEY)).toBeUndefined();
    keeper.order(KEY, 'o-3', route);
    const refusal = { errorType: 'orderError', errorLevel: 'WARNING' as const, errorDescription: 'order o-3: charging' };
    keeper.state(KEY, report('o-2', 0, 3, { errors: [refusal] }), 0);
    expect(keeper.orderOf(KEY)).toBeUndefined();
    // A second hold replaces the first, which settles as failed.
    keeper.order(KEY, 'o-4', route);
    keeper.hold(KEY, 'n5', 60_000, 'h-2', 0);
    keeper.hold(KEY, 'n6', 60_000, 'h-3', 0);
    expect(keeper.settled()).toEqual([{ id: 'h-2', key: KEY, result: 'failed', detail: 'replaced by a later hold at node n6' }]);
  });
});
