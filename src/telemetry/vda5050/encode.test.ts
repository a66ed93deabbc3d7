import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionStatus, AgvReport, ErrorLevel, MessageHeader, MotionFields, OperatingMode, VdaMajor } from './agvReport';
import { decodeMessage, type Decoded } from './decode';
import {
  encodeConnection,
  encodeInstantAction,
  encodeOrder,
  encodeState,
  encodeVisualization,
  type InstantCommand,
  type StateInput,
  type WireMessage,
} from './encode';
import { fieldsOutside20 } from './fixtures/fields20';
import { officialSchema, schemaErrors, SCHEMA_DIR } from './fixtures/officialSchemas';
import { formatTopic, type Subtopic } from './topic';

/** Validates what goes over the wire, failing with ajv's own words. */
function expectValid(version: VdaMajor, topic: string, message: unknown): void {
  expect(schemaErrors(version, topic, message), `${topic} ${SCHEMA_DIR[version]}`).toEqual([]);
}

function decodeAs(version: VdaMajor, subtopic: Subtopic, h: MessageHeader, message: unknown, receivedMs = 5): Decoded {
  const topic = formatTopic({ interfaceName: 'uagv', majorVersion: version, manufacturer: h.manufacturer, serialNumber: h.serialNumber, subtopic });
  return decodeMessage(topic, JSON.stringify(message), receivedMs);
}

// ---- generators --------------------------------------------------------------------------------------------------

/** A finite double without -0, which JSON writes as 0. */
const real = (min = -1e6, max = 1e6) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((d) => d + 0);
const angle = real(-Math.PI, Math.PI);
const text = fc.string({ maxLength: 12 });
const id = fc.string({ minLength: 1, maxLength: 10 });
/** Free text for a topic level: anything but `/`, `+`, `#`, `$` and NUL, markup included. */
const manufacturer = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constant('Acme <b>&amp;</b> "Co"')).filter((s) => !/[/+#$\u0000]/.test(s));
const serialNumber = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/);

/** 2.x headers say 2.0.0 or 2.1.0: the twin reads and writes both. */
const headerOf = (version: VdaMajor) =>
  fc.record({
    version: fc.constant(version),
    protocolVersion: version === 2 ? fc.constantFrom('2.0.0', '2.1.0') : fc.constant('3.0.0'),
    manufacturer,
    serialNumber,
    headerId: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    timestampMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
  });

const position = fc.record({ mapId: text, x: real(), y: real(), theta: angle, localized: fc.boolean() });
const velocity = fc.record({ vx: real(-20, 20), vy: real(-20, 20), omega: real(-3, 3) }, { requiredKeys: [] });
const plannedPath = fc.record(
  {
    degree: fc.integer({ min: 1, max: 3 }),
    knotVector: fc.array(real(0, 1), { maxLength: 6 }),
    controlPoints: fc.array(fc.record({ x: real(), y: real(), weight: real(0, 10) }, { requiredKeys: ['x', 'y'] }), { maxLength: 4 }),
    traversedNodes: fc.array(id, { maxLength: 3 }),
  },
  { requiredKeys: ['controlPoints'] },
);
const intermediatePath = fc.array(
  fc.record(
    { x: real(), y: real(), theta: angle, etaMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }) },
    { requiredKeys: ['x', 'y', 'etaMs'] },
  ),
  { maxLength: 4 },
);

/** Motion fields; 2.1 has no paths, so they are generated for 3.0 only. */
const motionOf = (version: VdaMajor): fc.Arbitrary<MotionFields> =>
  version === 2
    ? fc.record({ position, velocity }, { requiredKeys: [] })
    : fc.record({ position, velocity, plannedPath, intermediatePath }, { requiredKeys: [] });

const MODES_BOTH: OperatingMode[] = ['AUTOMATIC', 'SEMIAUTOMATIC', 'MANUAL', 'SERVICE', 'TEACH_IN'];
const LEVELS_BOTH: ErrorLevel[] = ['WARNING', 'FATAL'];
const STATUS_BOTH: ActionStatus[] = ['WAITING', 'INITIALIZING', 'RUNNING', 'FINISHED', 'FAILED'];

/**
 * State bodies: `common` keeps to what both versions can say (for the renaming property), otherwise each
 * version's whole vocabulary.
 */
function stateBodyOf(version: VdaMajor, common: boolean) {
  const v3 = version === 3 && !common;
  const modes: OperatingMode[] = v3 ? [...MODES_BOTH, 'STARTUP', 'INTERVENED'] : MODES_BOTH;
  const levels: ErrorLevel[] = v3 ? ['WARNING', 'URGENT', 'CRITICAL', 'FATAL'] : LEVELS_BOTH;
  const statuses: ActionStatus[] = v3 ? [...STATUS_BOTH, 'PAUSED', 'RETRIABLE'] : STATUS_BOTH;
  const stops = version === 2 && !common ? (['AUTOACK', 'MANUAL', 'REMOTE', 'NONE'] as const) : (['MANUAL', 'REMOTE', 'NONE'] as const);
  const action = fc.record(
    { actionId: id, actionType: text, actionStatus: fc.constantFrom(...statuses), resultDescription: text },
    { requiredKeys: ['actionId', 'actionStatus'] },
  );
  return fc.record({
    motion: common ? motionOf(2) : motionOf(version),
    loads: fc.option(fc.array(fc.record({ loadId: text, loadType: text }, { requiredKeys: [] }), { maxLength: 2 }), { nil: undefined }),
    battery: fc.record({ chargePercent: real(0, 100), charging: fc.boolean() }),
    operatingMode: fc.constantFrom(...modes),
    driving: fc.boolean(),
    paused: fc.option(fc.boolean(), { nil: undefined }),
    errors: fc.array(
      fc.record({ errorType: text, errorLevel: fc.constantFrom(...levels), errorDescription: text }, { requiredKeys: ['errorType', 'errorLevel'] }),
      { maxLength: 3 },
    ),
    safety: fc.record({ emergencyStop: fc.constantFrom(...stops), fieldViolation: fc.boolean() }),
    orderId: fc.option(id, { nil: undefined }),
    orderUpdateId: fc.nat(),
    lastNodeId: fc.option(id, { nil: undefined }),
    lastNodeSequenceId: fc.nat(),
    nodeStates: fc.array(
      fc.record(
        {
          nodeId: id,
          sequenceId: fc.nat(),
          released: fc.boolean(),
          nodePosition: fc.record({ x: real(), y: real(), theta: angle, mapId: text }, { requiredKeys: ['x', 'y', 'mapId'] }),
        },
        { requiredKeys: ['nodeId', 'sequenceId', 'released'] },
      ),
      { maxLength: 4 },
    ),
    edgeStates: fc.array(fc.record({ edgeId: id, sequenceId: fc.nat(), released: fc.boolean() }), { maxLength: 3 }),
    orderActions: fc.array(action, { maxLength: 3 }),
    instantActions: v3
      ? fc.array(
          action.map((a) => ({ ...a, instant: true })),
          { maxLength: 2 },
        )
      : fc.constant([]),
  });
}

type StateBody = ReturnType<typeof stateBodyOf> extends fc.Arbitrary<infer B> ? B : never;

function stateInput(h: MessageHeader, body: StateBody): StateInput {
  const { motion, orderActions, instantActions, ...rest } = body;
  // Order actions first, then instant ones: the order 3.0's two lists come back in.
  return { ...h, ...motion, ...rest, actionStates: [...orderActions, ...instantActions] };
}

const stateOf = (version: VdaMajor, common = false) => fc.tuple(headerOf(version), stateBodyOf(version, common)).map(([h, b]) => stateInput(h, b));

const VERSIONS: VdaMajor[] = [2, 3];
const RUNS = { numRuns: 150, seed: 5050 };

// ---- tests -------------------------------------------------------------------------------------------------------

describe('the schema check itself', () => {
  it('rejects what the official schemas reject, so the checks below can fail', () => {
    const h: MessageHeader = { version: 3, manufacturer: 'acme', serialNumber: 'AGV-7', headerId: 1, timestampMs: Date.UTC(2026, 2, 1) };
    const good = encodeConnection(h, 'ONLINE');
    expect(officialSchema(3, 'connection')(good)).toBe(true);
    expect(officialSchema(3, 'connection')({ ...good, connectionState: 'CONNECTIONBROKEN' })).toBe(false);
    expect(officialSchema(2, 'connection')({ ...good, timestamp: 'yesterday' })).toBe(false);
    const state = fc.sample(stateOf(3), { numRuns: 1, seed: 1 })[0]!;
    const { powerSupply: _, ...withoutPower } = encodeState(state) as Record<string, unknown>;
    expect(officialSchema(3, 'state')(withoutPower)).toBe(false);
  });
});

describe.each(VERSIONS)('encode for VDA 5050 v%i', (version) => {
  it('builds state messages the official schema accepts, and decoding gives the input back', () => {
    fc.assert(
      fc.property(stateOf(version), fc.integer({ min: 0, max: 2 ** 40 }), (input, receivedMs) => {
        const message = encodeState(input);
        expectValid(version, 'state', message);
        const d = decodeAs(version, 'state', input, message, receivedMs);
        const expected: AgvReport = {
          ...input,
          protocolVersion: input.protocolVersion!,
          interfaceName: 'uagv',
          key: `${input.manufacturer}/${input.serialNumber}`,
          receivedMs,
        };
        expect(d).toEqual({ kind: 'state', report: expected });
      }),
      RUNS,
    );
  });

  it('builds visualization messages the official schema accepts, and decoding gives the input back', () => {
    fc.assert(
      fc.property(headerOf(version), motionOf(version), fc.nat(), (h, motion, ref) => {
        const message = encodeVisualization({ ...h, ...motion, referenceStateHeaderId: ref });
        expectValid(version, 'visualization', message);
        const report = { ...h, ...motion, interfaceName: 'uagv', key: `${h.manufacturer}/${h.serialNumber}`, receivedMs: 5 };
        expect(decodeAs(version, 'visualization', h, message)).toEqual({
          kind: 'visualization',
          report: version === 3 ? { ...report, referenceStateHeaderId: ref } : report,
        });
      }),
      RUNS,
    );
  });

  it('builds connection messages the official schema accepts, and decoding gives the state back', () => {
    const states =
      version === 2 ? (['ONLINE', 'OFFLINE', 'CONNECTIONBROKEN'] as const) : (['ONLINE', 'OFFLINE', 'CONNECTIONBROKEN', 'HIBERNATING'] as const);
    fc.assert(
      fc.property(headerOf(version), fc.constantFrom(...states), (h, state) => {
        const message = encodeConnection(h, state);
        expectValid(version, 'connection', message);
        const d = decodeAs(version, 'connection', h, message);
        expect(d.kind === 'connection' && d.report.connectionState).toBe(state);
      }),
      RUNS,
    );
  });

  it('builds instantActions the official schema accepts: startPause, stopPause, cancelOrder', () => {
    const types: Record<InstantCommand, string> = { pause: 'startPause', resume: 'stopPause', cancel: 'cancelOrder' };
    fc.assert(
      fc.property(headerOf(version), fc.constantFrom<InstantCommand>('pause', 'resume', 'cancel'), id, (h, command, actionId) => {
        const message = encodeInstantAction(h, command, actionId);
        expectValid(version, 'instantActions', message);
        expect(message.actions).toEqual([{ actionId, actionType: types[command], blockingType: 'NONE' }]);
      }),
      RUNS,
    );
  });

  it('builds drive orders the official schema accepts: n released nodes, n−1 edges, sequence ids 0, 1, 2…', () => {
    const node = fc.record(
      { nodeId: id, position: fc.record({ x: real(), y: real(), theta: real(-10, 10), mapId: text }, { requiredKeys: ['x', 'y', 'mapId'] }) },
      { requiredKeys: ['nodeId'] },
    );
    fc.assert(
      fc.property(headerOf(version), id, fc.nat(), fc.array(node, { minLength: 1, maxLength: 6 }), (h, orderId, orderUpdateId, nodes) => {
        const message = encodeOrder(h, { orderId, orderUpdateId, nodes });
        expectValid(version, 'order', message);
        const wireNodes = message.nodes as { nodeId: string; sequenceId: number; released: boolean }[];
        const wireEdges = message.edges as { sequenceId: number; released: boolean; startNodeId?: string }[];
        expect(wireNodes.map((n) => n.nodeId)).toEqual(nodes.map((n) => n.nodeId));
        expect(wireEdges).toHaveLength(nodes.length - 1);
        const sequence = [...wireNodes, ...wireEdges].map((x) => x.sequenceId).sort((a, b) => a - b);
        expect(sequence).toEqual(sequence.map((_, i) => i));
        expect([...wireNodes, ...wireEdges].every((x) => x.released)).toBe(true);
        if (version === 2) expect(wireEdges.map((e) => e.startNodeId)).toEqual(nodes.slice(0, -1).map((n) => n.nodeId));
      }),
      RUNS,
    );
  });
});

describe('3.0 renamed fields', () => {
  it('decode to the same report as their 2.1 originals (generated states both versions can say)', () => {
    fc.assert(
      fc.property(stateOf(2, true), (input) => {
        const v2 = decodeAs(2, 'state', input, encodeState(input));
        const v3 = decodeAs(3, 'state', input, encodeState({ ...input, version: 3, protocolVersion: '3.0.0' }));
        expect(v2.kind).toBe('state');
        expect(v3).toEqual({ ...v2, report: { ...(v2 as { report: AgvReport }).report, version: 3, protocolVersion: '3.0.0' } });
      }),
      RUNS,
    );
  });

  // Written by hand from the two schemas, so that a name wrong in both encode and decode still shows.
  const common = {
    headerId: 7,
    timestamp: '2026-03-01T08:00:00.12Z',
    manufacturer: 'acme',
    serialNumber: 'AGV-7',
    orderId: 'o-1',
    orderUpdateId: 2,
    lastNodeId: 'yard-3',
    lastNodeSequenceId: 4,
    nodeStates: [{ nodeId: 'scanner-1', sequenceId: 6, released: true, nodePosition: { x: 120, y: 4, mapId: 'gate' } }],
    edgeStates: [{ edgeId: 'yard-3_scanner-1', sequenceId: 5, released: true }],
    driving: true,
    paused: false,
    velocity: { vx: 6.5, vy: 0, omega: 0.01 },
    loads: [{ loadId: 'MSCU1234565', loadType: '40HC' }],
    errors: [{ errorType: 'laserScannerDirty', errorLevel: 'WARNING', errorDescription: 'front scanner' }],
    information: [{ infoType: 'vendorSpecific', infoLevel: 'INFO' }],
  };
  const v21 = {
    ...common,
    version: '2.1.0',
    agvPosition: { x: 101.5, y: -3.25, theta: 1.5, mapId: 'gate', positionInitialized: true, localizationScore: 0.9 },
    batteryState: { batteryCharge: 64.5, charging: false, batteryVoltage: 48.2 },
    operatingMode: 'TEACHIN',
    safetyState: { eStop: 'REMOTE', fieldViolation: true },
    actionStates: [{ actionId: 'pick-1', actionType: 'pick', actionStatus: 'FINISHED', resultDescription: 'MSCU1234565' }],
  };
  const v30 = {
    ...common,
    version: '3.0.0',
    mobileRobotPosition: { x: 101.5, y: -3.25, theta: 1.5, mapId: 'gate', localized: true, localizationScore: 0.9 },
    powerSupply: { stateOfCharge: 64.5, charging: false, batteryCurrent: -12 },
    operatingMode: 'TEACH_IN',
    safetyState: { activeEmergencyStop: 'REMOTE', fieldViolation: true },
    actionStates: [{ actionId: 'pick-1', actionType: 'pick', actionStatus: 'FINISHED', actionResult: 'MSCU1234565' }],
    instantActionStates: [],
  };

  it('decode to the same report as their 2.1 originals (hand-written messages, valid against both schemas)', () => {
    expectValid(2, 'state', v21);
    expectValid(3, 'state', v30);
    const a = decodeMessage('uagv/v2/acme/AGV-7/state', JSON.stringify(v21), 9);
    const b = decodeMessage('uagv/v3/acme/AGV-7/state', JSON.stringify(v30), 9);
    expect(a).toEqual({
      kind: 'state',
      report: {
        key: 'acme/AGV-7',
        manufacturer: 'acme',
        serialNumber: 'AGV-7',
        version: 2,
        protocolVersion: '2.1.0',
        interfaceName: 'uagv',
        headerId: 7,
        timestampMs: Date.UTC(2026, 2, 1, 8, 0, 0, 120),
        receivedMs: 9,
        position: { mapId: 'gate', x: 101.5, y: -3.25, theta: 1.5, localized: true },
        velocity: { vx: 6.5, vy: 0, omega: 0.01 },
        loads: [{ loadId: 'MSCU1234565', loadType: '40HC' }],
        battery: { chargePercent: 64.5, charging: false },
        operatingMode: 'TEACH_IN',
        driving: true,
        paused: false,
        errors: [{ errorType: 'laserScannerDirty', errorLevel: 'WARNING', errorDescription: 'front scanner' }],
        safety: { emergencyStop: 'REMOTE', fieldViolation: true },
        orderId: 'o-1',
        orderUpdateId: 2,
        lastNodeId: 'yard-3',
        lastNodeSequenceId: 4,
        nodeStates: [{ nodeId: 'scanner-1', sequenceId: 6, released: true, nodePosition: { x: 120, y: 4, mapId: 'gate' } }],
        edgeStates: [{ edgeId: 'yard-3_scanner-1', sequenceId: 5, released: true }],
        actionStates: [{ actionId: 'pick-1', actionType: 'pick', actionStatus: 'FINISHED', resultDescription: 'MSCU1234565' }],
      },
    });
    expect(b).toEqual({ kind: 'state', report: { ...(a as { report: AgvReport }).report, version: 3, protocolVersion: '3.0.0' } });
  });

  it('3.0 CONNECTION_BROKEN is 2.1 CONNECTIONBROKEN; 3.0 instantActionStates come after the order actions, marked', () => {
    const conn = (v: string, state: string) =>
      JSON.stringify({ headerId: 1, timestamp: '2026-03-01T08:00:00Z', version: v, manufacturer: 'acme', serialNumber: 'AGV-7', connectionState: state });
    const a = decodeMessage('uagv/v2/acme/AGV-7/connection', conn('2.1.0', 'CONNECTIONBROKEN'), 0);
    const b = decodeMessage('uagv/v3/acme/AGV-7/connection', conn('3.0.0', 'CONNECTION_BROKEN'), 0);
    expect(a.kind === 'connection' && a.report.connectionState).toBe('CONNECTIONBROKEN');
    expect(b).toEqual({ ...a, report: { ...(a as { report: object }).report, version: 3, protocolVersion: '3.0.0' } });
    const withInstant = { ...v30, instantActionStates: [{ actionId: 'p-1', actionType: 'startPause', actionStatus: 'FINISHED' }] };
    const d = decodeMessage('uagv/v3/acme/AGV-7/state', JSON.stringify(withInstant), 0);
    expect(d.kind === 'state' && d.report.actionStates.map((s) => [s.actionId, s.instant])).toEqual([
      ['pick-1', undefined],
      ['p-1', true],
    ]);
  });
});

describe('encode refuses what a version cannot say', () => {
  const state = (version: VdaMajor): StateInput => ({
    ...fc.sample(stateOf(version), { numRuns: 1, seed: 7 })[0]!,
    protocolVersion: version === 2 ? '2.1.0' : '3.0.0',
  });

  it('names the value and the version', () => {
    expect(() => encodeState({ ...state(2), operatingMode: 'STARTUP' })).toThrow(/2\.1\.0 cannot say operatingMode "STARTUP"/);
    expect(() => encodeState({ ...state(3), safety: { emergencyStop: 'AUTOACK', fieldViolation: false } })).toThrow(/3\.0\.0 cannot say emergencyStop/);
    expect(() => encodeState({ ...state(3), battery: { chargePercent: 100.5, charging: true } })).toThrow(/chargePercent 100\.5/);
    expect(() => encodeState({ ...state(2), errors: [{ errorType: 'x', errorLevel: 'URGENT' }] })).toThrow(/errorLevel "URGENT"/);
    expect(() => encodeState({ ...state(2), actionStates: [{ actionId: 'a', actionStatus: 'PAUSED' }] })).toThrow(/actionStatus "PAUSED"/);
    const h: MessageHeader = { version: 2, manufacturer: 'acme', serialNumber: 'AGV-7', headerId: 0, timestampMs: 0 };
    expect(() => encodeConnection(h, 'HIBERNATING')).toThrow(/connectionState "HIBERNATING"/);
    expect(() => encodeOrder(h, { orderId: 'o', orderUpdateId: 0, nodes: [] })).toThrow(/at least one node/);
    const two = [{ nodeId: 'a' }, { nodeId: 'b' }];
    expect(() => encodeOrder(h, { orderId: 'o', orderUpdateId: 0, nodes: two, edgeIds: [] })).toThrow(/2 nodes needs 1 edge ids, not 0/);
    expect(() => encodeOrder(h, { orderId: 'o', orderUpdateId: 0, nodes: two, firstSequenceId: 3 })).toThrow(/first sequence id 3/);
    expect(() => encodeOrder(h, { orderId: 'o', orderUpdateId: 0, nodes: [{ nodeId: 'a', released: false }, { nodeId: 'b' }] })).toThrow(
      /a released node follows the horizon/,
    );
  });

  it.each([2, 3] as const)(
    'writes an order update with base and horizon: sequence ids from the stitching node, edges released like their end (%s.x)',
    (version) => {
      const h: MessageHeader = { version, manufacturer: 'acme', serialNumber: 'AGV-7', headerId: 4, timestampMs: 0 };
      const message = encodeOrder(h, {
        orderId: 'o-9',
        orderUpdateId: 2,
        firstSequenceId: 6,
        nodes: [{ nodeId: 'c' }, { nodeId: 'd' }, { nodeId: 'e', released: false }, { nodeId: 'f', released: false }],
        edgeIds: ['c-d', 'd-e', 'e-f'],
      });
      expectValid(version, 'order', message);
      expect((message.nodes as object[]).map((n) => ({ ...n, actions: undefined }))).toEqual([
        { nodeId: 'c', sequenceId: 6, released: true, actions: undefined },
        { nodeId: 'd', sequenceId: 8, released: true, actions: undefined },
        { nodeId: 'e', sequenceId: 10, released: false, actions: undefined },
        { nodeId: 'f', sequenceId: 12, released: false, actions: undefined },
      ]);
      expect((message.edges as { edgeId: string; sequenceId: number; released: boolean }[]).map((e) => [e.edgeId, e.sequenceId, e.released])).toEqual([
        ['c-d', 7, true],
        ['d-e', 9, false],
        ['e-f', 11, false],
      ]);
    },
  );

  it('refuses a header version that is not [Major].[Minor].[Patch] of the major it encodes', () => {
    const h: MessageHeader = { version: 2, manufacturer: 'acme', serialNumber: 'AGV-7', headerId: 0, timestampMs: 0 };
    expect(() => encodeConnection({ ...h, protocolVersion: '2.0' }, 'ONLINE')).toThrow(/"2\.0" is not \[Major\]\.\[Minor\]\.\[Patch\]/);
    expect(() => encodeInstantAction({ ...h, protocolVersion: '3.0.0' }, 'pause', 'p')).toThrow(/3\.0\.0 is not of major version 2/);
    expect(encodeConnection({ ...h, protocolVersion: '2.0.0' }, 'ONLINE').version).toBe('2.0.0');
    expect(encodeConnection(h, 'ONLINE').version).toBe('2.1.0');
  });

  it('wraps an angle outside [-π, π] instead of writing one the 3.0 schema refuses', () => {
    const s = { ...state(3), position: { mapId: 'gate', x: 0, y: 0, theta: 1.5 * Math.PI, localized: true } };
    const message = encodeState(s);
    expectValid(3, 'state', message);
    expect((message.mobileRobotPosition as { theta: number }).theta).toBeCloseTo(-0.5 * Math.PI, 12);
  });
});

describe('VDA 5050 2.0', () => {
  const header20 = headerOf(2).map((h) => ({ ...h, protocolVersion: '2.0.0' }));
  /** Valid against 2.1's schema (2.0's types and required fields), with 2.0's names only and its version. */
  const expect20 = (subtopic: Subtopic, message: WireMessage) => {
    expectValid(2, subtopic, message);
    expect(fieldsOutside20(subtopic, message), subtopic).toEqual([]);
    expect(message.version).toBe('2.0.0');
  };

  it('the field check names what 2.1 added, so the checks below can fail', () => {
    const good = encodeState({ ...fc.sample(stateOf(2), { numRuns: 1, seed: 3 })[0]!, protocolVersion: '2.0.0' });
    expect(fieldsOutside20('state', good)).toEqual([]);
    const with21 = {
      ...good,
      maps: [{ mapId: 'gate', mapVersion: '1', mapStatus: 'ENABLED' }],
      errors: [{ errorType: 'x', errorLevel: 'WARNING', errorHint: 'clean the scanner' }],
    };
    expectValid(2, 'state', with21);
    expect(fieldsOutside20('state', with21).sort()).toEqual(['errors[].errorHint', 'maps']);
    const edge21 = {
      edgeId: 'a_b',
      sequenceId: 1,
      released: true,
      startNodeId: 'a',
      endNodeId: 'b',
      actions: [],
      corridor: { leftWidth: 1, rightWidth: 1 },
    };
    expect(fieldsOutside20('order', { nodes: [], edges: [edge21] })).toEqual(['edges[].corridor']);
  });

  it('states, visualizations and connections a 2.0 vehicle sends hold only 2.0 fields and decode with their version', () => {
    fc.assert(
      fc.property(header20, stateBodyOf(2, false), motionOf(2), (h, body, motion) => {
        const state = encodeState(stateInput(h, body));
        expect20('state', state);
        const visualization = encodeVisualization({ ...h, ...motion, referenceStateHeaderId: 0 });
        expect20('visualization', visualization);
        expect20('connection', encodeConnection(h, 'ONLINE'));
        const d = decodeAs(2, 'state', h, state);
        expect(d.kind === 'state' && [d.report.version, d.report.protocolVersion]).toEqual([2, '2.0.0']);
      }),
      RUNS,
    );
  });

  it('commands to a 2.0 vehicle say 2.0.0 and hold only 2.0 fields', () => {
    fc.assert(
      fc.property(header20, id, fc.array(fc.record({ nodeId: id }), { minLength: 1, maxLength: 4 }), (h, orderId, nodes) => {
        expect20('instantActions', encodeInstantAction(h, 'pause', orderId));
        expect20('order', encodeOrder(h, { orderId, orderUpdateId: 0, nodes }));
      }),
      RUNS,
    );
  });

  it('decodes a hand-written 2.0 state, its 2.0-only fields ignored, under uagv and vda5050 alike', () => {
    const v20 = {
      headerId: 4,
      timestamp: '2026-03-01T08:00:00.12Z',
      version: '2.0.0',
      manufacturer: 'acme',
      serialNumber: 'AGV-7',
      orderId: '',
      orderUpdateId: 0,
      lastNodeId: '',
      lastNodeSequenceId: 0,
      nodeStates: [],
      edgeStates: [],
      driving: false,
      newBaseRequest: false,
      distanceSinceLastNode: 0.4,
      agvPosition: { x: 1, y: 2, theta: 0, mapId: 'gate', positionInitialized: true },
      actionStates: [],
      batteryState: { batteryCharge: 80, charging: false, reach: 4000 },
      operatingMode: 'AUTOMATIC',
      errors: [],
      safetyState: { eStop: 'NONE', fieldViolation: false },
    };
    expect(fieldsOutside20('state', v20)).toEqual([]);
    for (const interfaceName of ['uagv', 'vda5050']) {
      const d = decodeMessage(`${interfaceName}/v2/acme/AGV-7/state`, JSON.stringify(v20), 1);
      expect(d).toMatchObject({
        kind: 'state',
        report: {
          key: 'acme/AGV-7',
          version: 2,
          protocolVersion: '2.0.0',
          interfaceName,
          position: { x: 1, y: 2, localized: true },
          battery: { chargePercent: 80 },
        },
      });
    }
  });
});
