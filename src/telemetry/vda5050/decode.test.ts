import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, decodeMessage, type Decoded } from './decode';

const T0 = '2026-03-01T08:00:00.00Z';
const STATE_TOPIC = 'uagv/v2/acme/AGV-7/state';

/** A minimal 2.1 state; `extra` overrides or adds fields. */
function state(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    headerId: 1,
    timestamp: T0,
    version: '2.1.0',
    manufacturer: 'acme',
    serialNumber: 'AGV-7',
    orderId: '',
    orderUpdateId: 0,
    lastNodeId: '',
    lastNodeSequenceId: 0,
    nodeStates: [],
    edgeStates: [],
    driving: false,
    actionStates: [],
    batteryState: { batteryCharge: 80, charging: false },
    operatingMode: 'AUTOMATIC',
    errors: [],
    safetyState: { eStop: 'NONE', fieldViolation: false },
    ...extra,
  };
}

const decode = (payload: Uint8Array | string, topic = STATE_TOPIC): Decoded => decodeMessage(topic, payload, 0);
const dropReason = (d: Decoded) => (d.kind === 'dropped' ? `${d.reason}: ${d.detail}` : d.kind);

describe('decodeMessage on hostile input', () => {
  it('accepts a well-formed 2.1 state, from a string and from bytes alike', () => {
    const text = JSON.stringify(state());
    const fromString = decode(text);
    expect(fromString.kind).toBe('state');
    expect(decode(new TextEncoder().encode(text))).toEqual(fromString);
  });

  it('drops malformed JSON and invalid UTF-8 as malformed-json', () => {
    expect(dropReason(decode('{"headerId":'))).toMatch(/^malformed-json: /);
    expect(dropReason(decode(''))).toMatch(/^malformed-json: /);
    expect(dropReason(decode(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toMatch(/^malformed-json: /);
  });

  it('drops wrong types as wrong-fields, naming the field path', () => {
    expect(dropReason(decode(JSON.stringify(state({ agvPosition: { x: '1', y: 0, theta: 0, mapId: 'm', positionInitialized: true } }))))).toBe(
      'wrong-fields: agvPosition.x: Invalid input: expected number, received string',
    );
    expect(dropReason(decode(JSON.stringify(state({ errors: [{ errorType: 'e', errorLevel: 'PANIC' }] }))))).toMatch(
      /^wrong-fields: errors\.0\.errorLevel: /,
    );
    expect(dropReason(decode(JSON.stringify(state({ headerId: -1 }))))).toMatch(/^wrong-fields: headerId: /);
    expect(dropReason(decode(JSON.stringify(state({ headerId: 2 ** 32 }))))).toMatch(/^wrong-fields: headerId: /);
    expect(dropReason(decode(JSON.stringify(state({ timestamp: 'yesterday' }))))).toMatch(/^wrong-fields: timestamp: /);
    expect(dropReason(decode(JSON.stringify(state({ timestamp: '2026-02-30T08:00:00Z' }))))).toMatch(/^wrong-fields: timestamp: /);
    expect(dropReason(decode('[1, 2]'))).toBe('wrong-fields: (root): expected an object');
    expect(dropReason(decode('null'))).toBe('wrong-fields: (root): expected an object');
    expect(dropReason(decode(JSON.stringify(state({ version: 2 }))))).toBe('wrong-fields: version: expected string');
    expect(dropReason(decode(JSON.stringify(state({ version: '2.1' }))))).toMatch(/^wrong-fields: version: /);
  });

  it('drops a number JSON can only write as infinity (1e999)', () => {
    const text = JSON.stringify(state({ velocity: { vx: 1 } })).replace('"vx":1', '"vx":1e999');
    expect(dropReason(decode(text))).toMatch(/^wrong-fields: velocity\.vx: /);
  });

  it('drops unknown versions, in the topic and in the message, and a version that contradicts the topic', () => {
    expect(dropReason(decode(JSON.stringify(state()), 'uagv/v9/acme/AGV-7/state'))).toMatch(/^unknown-version: topic version v9/);
    expect(dropReason(decode(JSON.stringify(state({ version: '9.0.0' }))))).toMatch(/^unknown-version: version 9\.0\.0/);
    expect(dropReason(decode(JSON.stringify(state({ version: '3.0.0' }))))).toBe('mismatch: version 3.0.0 on a v2 topic');
    expect(decode(JSON.stringify(state({ version: '2.0.0' }))).kind).toBe('state');
  });

  it('drops bad topics and subtopics the twin does not read, as topic', () => {
    expect(dropReason(decode(JSON.stringify(state()), 'uagv/v2/acme/state'))).toMatch(/^topic: expected 5 levels/);
    expect(dropReason(decode(JSON.stringify(state()), 'uagv/v2/acme/AGV-7/instantActions'))).toBe('topic: the twin does not read subtopic instantActions');
    expect(dropReason(decode(JSON.stringify(state()), 'uagv/v2/acme/AGV-7/stat'))).toMatch(/^topic: unknown subtopic/);
  });

  it('drops payloads over the limit before parsing them, counting UTF-8 bytes, and takes one exactly at it', () => {
    const base = JSON.stringify(state());
    const atLimit = base + ' '.repeat(DEFAULT_MAX_BYTES - base.length);
    expect(decode(atLimit).kind).toBe('state');
    expect(dropReason(decode(atLimit + ' '))).toBe(`too-large: payload over ${DEFAULT_MAX_BYTES} bytes`);
    expect(dropReason(decode(new Uint8Array(DEFAULT_MAX_BYTES + 1)))).toMatch(/^too-large/);
    // 30,000 characters but 90,000 bytes in UTF-8: measured in bytes, not characters.
    const wide = JSON.stringify(state({ errors: [{ errorType: 'x', errorLevel: 'WARNING', errorDescription: '边'.repeat(30_000) }] }));
    expect(wide.length).toBeLessThan(DEFAULT_MAX_BYTES);
    expect(dropReason(decode(wide))).toMatch(/^too-large/);
    expect(dropReason(decodeMessage(STATE_TOPIC, '{"headerId":', 0, 4))).toMatch(/^too-large/);
  });

  it('keeps markup in free text verbatim as a plain string; a serial number cannot carry it', () => {
    const html = '<img src=x onerror="alert(1)">&amp;<script>alert(2)</script>';
    const d = decode(JSON.stringify(state({ errors: [{ errorType: 'x', errorLevel: 'FATAL', errorDescription: html }] })));
    expect(d.kind === 'state' && d.report.errors[0]?.errorDescription).toBe(html);

    const maker = 'Acme <b onclick="x()">&amp; "Co"'; // no '/': it separates topic levels
    const topic = `uagv/v2/${maker}/AGV-7/state`;
    const m = decode(JSON.stringify(state({ manufacturer: maker })), topic);
    expect(m.kind === 'state' && m.report.manufacturer).toBe(maker);
    expect(m.kind === 'state' && m.report.key).toBe(`${maker}/AGV-7`);

    const serial = '<img src=x onerror=alert(1)>';
    expect(dropReason(decode(JSON.stringify(state({ serialNumber: serial })), `uagv/v2/acme/${serial}/state`))).toMatch(
      /^topic: serialNumber may hold only/,
    );
    expect(dropReason(decode(JSON.stringify(state({ serialNumber: serial }))))).toBe('mismatch: manufacturer/serialNumber differ from the topic');
  });

  it('tolerates fields it does not use and fields a vehicle leaves out, but not a half position', () => {
    const d = decode(
      JSON.stringify({ headerId: 3, timestamp: T0, version: '2.1.0', manufacturer: 'acme', serialNumber: 'AGV-7', vendorField: { a: [1] } }),
    );
    expect(d).toEqual({
      kind: 'state',
      report: {
        key: 'acme/AGV-7',
        manufacturer: 'acme',
        serialNumber: 'AGV-7',
        version: 2,
        protocolVersion: '2.1.0',
        interfaceName: 'uagv',
        headerId: 3,
        timestampMs: Date.parse(T0),
        receivedMs: 0,
        errors: [],
        nodeStates: [],
        edgeStates: [],
        actionStates: [],
      },
    });
    expect(dropReason(decode(JSON.stringify(state({ agvPosition: { x: 1, y: 2 } }))))).toMatch(/^wrong-fields: agvPosition\.theta: /);
  });
});
