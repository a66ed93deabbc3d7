import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/Simulation';
import { loadScene } from '../../sim/testScenes';
import type { VdaMajor } from '../vda5050/agvReport';
import { encodeInstantAction, encodeOrder, type WireMessage } from '../vda5050/encode';
import { schemaErrors } from '../vda5050/officialSchemas';
import { FleetPublisher } from './FleetPublisher';

const scene = loadScene('scenes/1088-2-1089/proposed.json');
const map = scene.telemetry!.maps[0]!;

function run(version: VdaMajor) {
  const sim = new Simulation(scene, { seed: 3, hours: 2, agvs: 6 });
  const pub = new FleetPublisher(sim, { version, manufacturer: 'smartgate', map });
  const sent: { topic: string; message: WireMessage; retain: boolean }[] = [];
  const publish = (topic: string, message: WireMessage, retain: boolean) => sent.push({ topic, message, retain });
  return { sim, pub, sent, publish };
}

describe('FleetPublisher (the simulated fleet speaking VDA 5050)', { timeout: 60_000 }, () => {
  it.each([2, 3] as const)('publishes only messages valid against the official %s.x schemas', (version) => {
    const { sim, pub, sent, publish } = run(version);
    for (let i = 0; i < sim.fleet!.n; i++) sent.push({ topic: pub.topic(i, 'connection'), message: pub.connection(i, 'ONLINE', 0), retain: true });
    for (let t = 1; t <= 60; t++) {
      sim.advanceTo(t * 60);
      pub.tick(1_772_352_000_000 + t * 1000, publish);
    }
    const byTopic = new Map<string, number>();
    for (const { topic, message } of sent) {
      const subtopic = topic.split('/').at(-1)!;
      byTopic.set(subtopic, (byTopic.get(subtopic) ?? 0) + 1);
      expect(schemaErrors(version, subtopic, message), `${topic}`).toEqual([]);
      expect(topic.startsWith(`uagv/v${version}/smartgate/AGV-`)).toBe(true);
    }
    expect(byTopic.get('visualization')).toBe(60 * 6);
    expect(byTopic.get('state')).toBeGreaterThan(6);
    expect(byTopic.get('connection')).toBe(6);
  });

  it('obeys instantActions and orders and answers in its next state, refusing what it cannot do', () => {
    const { sim, pub, sent, publish } = run(2);
    sim.advanceTo(600);
    const h = (serialNumber: string, headerId: number) => ({ version: 2 as const, manufacturer: 'smartgate', serialNumber, headerId, timestampMs: 1_772_352_000_000 });
    expect(pub.handle(pub.topic(0, 'instantActions'), JSON.stringify(encodeInstantAction(h('AGV-001', 1), 'pause', 'op-1')))).toBe(true);
    expect(sim.motion!.paused[0]).toBe(1);
    pub.handle(pub.topic(1, 'order'), JSON.stringify(encodeOrder(h('AGV-002', 1), { orderId: 'o-1', orderUpdateId: 0, nodes: [{ nodeId: 'x' }, { nodeId: 'nowhere' }] })));
    pub.handle(pub.topic(2, 'instantActions'), '{"actions": [{"actionId": "a", "actionType": "jump"}]}');
    pub.handle(pub.topic(3, 'order'), 'not json');
    expect(pub.handle('uagv/v2/smartgate/AGV-999/order', '{}')).toBe(false);
    pub.tick(1_772_352_001_000, publish);
    const stateOf = (serial: string) => sent.filter((s) => s.topic === `uagv/v2/smartgate/${serial}/state`).at(-1)!.message as Record<string, unknown>;
    expect(stateOf('AGV-001')).toMatchObject({ paused: true, actionStates: [{ actionId: 'op-1', actionType: 'startPause', actionStatus: 'FINISHED' }] });
    expect(stateOf('AGV-002').errors).toEqual([{ errorType: 'orderError', errorLevel: 'WARNING', errorDescription: 'order o-1: no lane node "nowhere"' }]);
    expect(stateOf('AGV-003').actionStates).toEqual([{ actionId: 'a', actionType: 'jump', actionStatus: 'FAILED', resultDescription: 'action type jump is not supported' }]);
    expect((stateOf('AGV-004').errors as { errorType: string }[])[0]!.errorType).toBe('validationError');
    for (const serial of ['AGV-001', 'AGV-002', 'AGV-003', 'AGV-004']) expect(schemaErrors(2, 'state', stateOf(serial))).toEqual([]);
  });
});
