import { describe, expect, it } from 'vitest';
import { decodeMessage } from './decode';
import { schemaErrors } from './fixtures/officialSchemas';

const T0 = '2026-03-01T08:00:00.00Z';

/** An order with a pick at its second node; `version` 2.x or 3.x, `extra` overrides or adds fields. */
function order(version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const v2 = version.startsWith('2');
  const edgeEnds = v2 ? { startNodeId: 'n1', endNodeId: 'n2' } : {};
  return {
    headerId: 4,
    timestamp: T0,
    version,
    manufacturer: 'acme',
    serialNumber: 'AGV-7',
    orderId: 'o-<b>1</b>',
    orderUpdateId: 2,
    nodes: [
      { nodeId: 'n1', sequenceId: 0, released: true, actions: [] },
      {
        nodeId: 'n2',
        sequenceId: 2,
        released: false,
        nodePosition: { x: 1, y: 2, mapId: 'site' },
        actions: [
          { actionId: 'a-1', actionType: 'pick', blockingType: 'HARD', actionParameters: [] },
          { actionId: 'a-2', actionType: 'beep', blockingType: v2 ? 'NONE' : 'SINGLE' },
        ],
      },
    ],
    edges: [{ edgeId: 'n1_n2', sequenceId: 1, released: false, ...edgeEnds, actions: [] }],
    ...extra,
  };
}

describe('decoding the orders master controls send', () => {
  it.each([
    ['uagv/v2/acme/AGV-7/order', '2.0.0'],
    ['uagv/v2/acme/AGV-7/order', '2.1.0'],
    ['vda5050/v3/acme/AGV-7/order', '3.0.0'],
  ])('reads %s %s: nodes, edges and their actions with blocking types, strings as text', (topic, version) => {
    expect(schemaErrors(version.startsWith('2') ? 2 : 3, 'order', order(version))).toEqual([]);
    const d = decodeMessage(topic, JSON.stringify(order(version)), 7);
    expect(d.kind).toBe('order');
    if (d.kind !== 'order') return;
    expect(d.report).toMatchObject({ key: 'acme/AGV-7', orderId: 'o-<b>1</b>', orderUpdateId: 2, protocolVersion: version, receivedMs: 7 });
    expect(d.report.nodes[1]).toEqual({
      nodeId: 'n2',
      sequenceId: 2,
      released: false,
      nodePosition: { x: 1, y: 2, mapId: 'site' },
      actions: [
        { actionId: 'a-1', actionType: 'pick', blockingType: 'HARD' },
        { actionId: 'a-2', actionType: 'beep', blockingType: version.startsWith('2') ? 'NONE' : 'SINGLE' },
      ],
    });
    expect(d.report.edges).toEqual([{ edgeId: 'n1_n2', sequenceId: 1, released: false, actions: [] }]);
  });

  it('drops a bad order naming the field: a wrong blocking type, SINGLE in 2.x, a missing action id', () => {
    const bad = (topic: string, body: Record<string, unknown>) => {
      const d = decodeMessage(topic, JSON.stringify(body), 0);
      return d.kind === 'dropped' ? `${d.reason}: ${d.detail}` : d.kind;
    };
    const withAction = (version: string, a: Record<string, unknown>) =>
      order(version, { nodes: [{ nodeId: 'n1', sequenceId: 0, released: true, actions: [a] }], edges: [] });
    expect(bad('uagv/v2/acme/AGV-7/order', withAction('2.1.0', { actionId: 'a', actionType: 'pick', blockingType: 'SINGLE' }))).toMatch(
      /^wrong-fields: nodes\.0\.actions\.0\.blockingType: /,
    );
    expect(bad('vda5050/v3/acme/AGV-7/order', withAction('3.0.0', { actionType: 'pick', blockingType: 'HARD' }))).toMatch(
      /^wrong-fields: nodes\.0\.actions\.0\.actionId: /,
    );
    expect(bad('uagv/v2/acme/AGV-7/order', order('2.1.0', { orderUpdateId: -1 }))).toMatch(/^wrong-fields: orderUpdateId: /);
    expect(bad('uagv/v2/acme/AGV-8/order', order('2.1.0'))).toBe('mismatch: manufacturer/serialNumber differ from the topic');
  });
});
