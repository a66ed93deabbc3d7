import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageHeader, VdaMajor } from './agvReport';
import { DROP_REASONS, type Decoded, type DropReason } from './decode';
import { encodeConnection, encodeVisualization } from './encode';
import { MessageGate } from './MessageGate';

const T0 = Date.UTC(2026, 2, 1, 8);

function vis(serial: string, headerId: number, timestampMs: number, version: VdaMajor = 2): [string, string] {
  const h: MessageHeader = { version, manufacturer: 'acme', serialNumber: serial, headerId, timestampMs };
  return [`uagv/v${version}/acme/${serial}/visualization`, JSON.stringify(encodeVisualization({ ...h, referenceStateHeaderId: 0 }))];
}

const reasonOf = (d: Decoded) => (d.kind === 'dropped' ? d.reason : 'accepted');

function sum(counts: Record<DropReason, number>): number {
  return DROP_REASONS.reduce((s, r) => s + counts[r], 0);
}

describe('MessageGate', () => {
  it('keeps the latest 50 drops, oldest first, with topic, reason, detail and time, and cuts hostile topics short', () => {
    const gate = new MessageGate();
    gate.admit('uagv/v2/acme/A/state', '{not json', 1);
    expect(gate.recentDrops()).toEqual([{ atMs: 1, topic: 'uagv/v2/acme/A/state', reason: 'malformed-json', detail: expect.any(String) }]);
    for (let k = 0; k < 60; k++) gate.admit(`x/${k}`, '{}', 100 + k);
    const recent = gate.recentDrops();
    expect(recent).toHaveLength(50);
    expect(recent[0]!.atMs).toBe(110);
    expect(recent.at(-1)!.atMs).toBe(159);
    expect(recent.every((d) => d.reason === 'topic')).toBe(true);
    gate.admit(`uagv/v2/acme/${'<img src=x>'.repeat(100)}/state`, '{}', 200);
    expect(gate.recentDrops().at(-1)!.topic.length).toBeLessThanOrEqual(201);
  });

  it('drops a repeated headerId and a timestamp going backwards, per vehicle and subtopic', () => {
    const gate = new MessageGate();
    const admit = ([topic, payload]: [string, string]) => reasonOf(gate.admit(topic, payload, 0));
    expect(admit(vis('A', 1, T0))).toBe('accepted');
    expect(admit(vis('A', 1, T0))).toBe('repeated-header'); // redelivered
    expect(admit(vis('A', 1, T0 + 100))).toBe('repeated-header');
    expect(admit(vis('A', 2, T0 - 1))).toBe('out-of-order');
    expect(admit(vis('A', 2, T0))).toBe('accepted'); // same instant is not backwards
    expect(admit(vis('A', 0, T0 + 5000))).toBe('accepted'); // restarted: counts from 0 again, clock goes on
    expect(admit(vis('B', 1, T0 - 60_000))).toBe('accepted'); // another vehicle keeps its own books
    expect(admit(vis('A', 1, T0 - 60_000, 3))).toBe('out-of-order'); // the same vehicle speaking 3.0
    const h: MessageHeader = { version: 2, manufacturer: 'acme', serialNumber: 'A', headerId: 0, timestampMs: T0 };
    expect(reasonOf(gate.admit('uagv/v2/acme/A/connection', JSON.stringify(encodeConnection(h, 'ONLINE')), 0))).toBe('accepted');
    expect(gate.received).toBe(9);
    expect(gate.accepted).toBe(5);
    expect(gate.dropped['repeated-header']).toBe(2);
    expect(gate.dropped['out-of-order']).toBe(2);
  });

  it('applies its size limit', () => {
    const gate = new MessageGate({ maxBytes: 64 });
    const [topic, payload] = vis('A', 1, T0);
    expect(payload.length).toBeGreaterThan(64);
    expect(reasonOf(gate.admit(topic, payload, 0))).toBe('too-large');
    expect(gate.dropped['too-large']).toBe(1);
  });

  it('tracks at most maxVehicles vehicles', () => {
    const gate = new MessageGate({ maxVehicles: 2 });
    const admit = ([topic, payload]: [string, string]) => reasonOf(gate.admit(topic, payload, 0));
    expect([admit(vis('A', 1, T0)), admit(vis('B', 1, T0)), admit(vis('C', 1, T0)), admit(vis('A', 2, T0))]).toEqual([
      'accepted',
      'accepted',
      'too-many-vehicles',
      'accepted',
    ]);
  });

  it('counts every message once: received = accepted + all drops, and each reason as often as it was returned', () => {
    // A stream from three vehicles with duplicates, reordering, garbage and oversize messages mixed in.
    const message = fc.oneof(
      fc
        .tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
        .map(([s, id, t]) => vis(s, id, T0 + t * 100)),
      fc.constant<[string, string]>(['uagv/v2/acme/A/visualization', '{"headerId":']),
      fc.constant<[string, string]>(['uagv/v7/acme/A/visualization', '{}']),
      fc.constant<[string, string]>(['uagv/v2/acme/A/order', '{}']),
      fc.constant<[string, string]>(['uagv/v2/acme/A/visualization', 'x'.repeat(70_000)]),
      fc.constant<[string, string]>(['uagv/v2/acme/A/visualization', '{"headerId":"1"}']),
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 60 }), (stream) => {
        const gate = new MessageGate();
        const seen = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
        let accepted = 0;
        for (const [topic, payload] of stream) {
          const d = gate.admit(topic, payload, 0);
          if (d.kind === 'dropped') seen[d.reason]++;
          else accepted++;
        }
        expect(gate.received).toBe(stream.length);
        expect(gate.accepted).toBe(accepted);
        expect(gate.dropped).toEqual(seen);
        expect(gate.accepted + sum(gate.dropped)).toBe(gate.received);
      }),
      { numRuns: 200, seed: 1119 },
    );
  });
});
