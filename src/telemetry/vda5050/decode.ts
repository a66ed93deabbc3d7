/**
 * Decoding of VDA 5050 2.x and 3.x messages (`state`, `visualization`, `connection`, and the `order` a master
 * control sends a vehicle, whose blocking actions time its stops) into the twin's reports, each
 * with the exact version its header names and the topic's interface name (`uagv`, 3.0's `vda5050`, or another),
 * so that the twin can answer a vehicle in its own version and under its own prefix. 2.0 reads as 2.1 does: the
 * fields the twin uses are the same in both.
 *
 * Every message from the broker is hostile until checked: it is measured before it is parsed, its topic must name
 * a version we read, its JSON must parse, its fields must have the types of the official schema, and its header
 * must agree with its topic. Anything else comes back as `dropped` with a reason from a small fixed set (counted
 * by `MessageGate`) and a detail naming the field (`agvPosition.x: Invalid input: expected number, received
 * string`). Strings from the wire are kept verbatim as plain strings, never interpreted as HTML.
 *
 * The zod schemas cover the fields the twin reads and ignore the rest, so a vendor's extra fields or a later minor
 * version do no harm. They accept a vehicle that leaves out fields the official schema requires but the twin can
 * do without (a state without `batteryState` still places the AGV), while every field present must be right.
 */
import { z } from 'zod';
import type {
  ActionStateReport,
  AgvReport,
  BlockingType,
  ConnectionReport,
  ConnectionState,
  EmergencyStop,
  ErrorLevel,
  IntermediatePoint,
  MotionFields,
  OperatingMode,
  OrderReport,
  Position,
  ReportHeader,
  VdaMajor,
  VisualizationReport,
} from './agvReport';
import { parseTopic, type TopicAddress } from './topic';

/** Why a message was not accepted. The gate adds the last three; the rest come from decoding. */
export const DROP_REASONS = [
  'too-large',
  'topic',
  'unknown-version',
  'malformed-json',
  'wrong-fields',
  'mismatch',
  'repeated-header',
  'out-of-order',
  'too-many-vehicles',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export type Decoded =
  | { readonly kind: 'state'; readonly report: AgvReport }
  | { readonly kind: 'visualization'; readonly report: VisualizationReport }
  | { readonly kind: 'connection'; readonly report: ConnectionReport }
  | { readonly kind: 'order'; readonly report: OrderReport }
  | { readonly kind: 'dropped'; readonly reason: DropReason; readonly detail: string };

export type DroppedMessage = Extract<Decoded, { kind: 'dropped' }>;

/**
 * 64 KiB: a 2.1 state with 50 nodes, 50 edges, 20 actions and 10 errors is about 15 KB, so four times that is
 * generous for an honest vehicle and small enough that one hostile message cannot stall the telemetry worker.
 */
export const DEFAULT_MAX_BYTES = 64 * 1024;

/** Details quote the parser's message, which may quote the payload: keep them short enough for a log line. */
const MAX_DETAIL = 200;

const num = z.number(); // zod 4 refuses NaN and ±Infinity (JSON.parse('1e999') is Infinity)
const int = z.number().int();
const uint32 = z.number().int().min(0).max(0xffff_ffff);
/** ISO-8601 with Z or an offset; the refinement catches calendar nonsense the pattern lets through (2026-02-30). */
const isoTime = z.iso.datetime({ offset: true }).refine((s) => !Number.isNaN(Date.parse(s)), 'not a calendar date');
const optStr = z.string().optional();

const header = {
  headerId: uint32,
  timestamp: isoTime,
  version: z.string(),
  manufacturer: z.string(),
  serialNumber: z.string(),
};

const velocity = z.object({ vx: num.optional(), vy: num.optional(), omega: num.optional() });
const loads = z.array(z.object({ loadId: optStr, loadType: optStr }));
const nodeStates = z.array(
  z.object({
    nodeId: z.string(),
    sequenceId: int,
    released: z.boolean(),
    nodePosition: z.object({ x: num, y: num, theta: num.optional(), mapId: z.string() }).optional(),
  }),
);
const edgeStates = z.array(z.object({ edgeId: z.string(), sequenceId: int, released: z.boolean() }));
const errorOf = <const L extends readonly [ErrorLevel, ...ErrorLevel[]]>(levels: L) =>
  z.array(z.object({ errorType: z.string(), errorLevel: z.enum(levels), errorDescription: optStr }));
/** 2.1's schema omits PAUSED, which its text (6.11) defines: accept it, as vehicles send it. */
const ACTION_STATUS_V2 = ['WAITING', 'INITIALIZING', 'RUNNING', 'PAUSED', 'FINISHED', 'FAILED'] as const;
const ACTION_STATUS_V3 = ['WAITING', 'INITIALIZING', 'RUNNING', 'PAUSED', 'RETRIABLE', 'FINISHED', 'FAILED'] as const;

/** Fields whose names and meaning are the same in both versions. */
const stateCommon = {
  ...header,
  orderId: optStr,
  orderUpdateId: int.optional(),
  lastNodeId: optStr,
  lastNodeSequenceId: int.optional(),
  driving: z.boolean().optional(),
  paused: z.boolean().optional(),
  velocity: velocity.optional(),
  loads: loads.optional(),
  nodeStates: nodeStates.optional(),
  edgeStates: edgeStates.optional(),
};

const positionV2 = z.object({ x: num, y: num, theta: num, mapId: z.string(), positionInitialized: z.boolean() });
const positionV3 = z.object({ x: num, y: num, theta: num, mapId: z.string(), localized: z.boolean() });
const trajectory = z.object({
  degree: int.optional(),
  knotVector: z.array(num).optional(),
  controlPoints: z.array(z.object({ x: num, y: num, weight: num.optional() })),
});
const plannedPath = z.object({ trajectory, traversedNodes: z.array(z.string()).optional() });
const intermediatePath = z.object({
  polyline: z.array(z.object({ x: num, y: num, theta: num.optional(), eta: isoTime })),
});

const StateV2 = z.object({
  ...stateCommon,
  agvPosition: positionV2.optional(),
  batteryState: z.object({ batteryCharge: num, charging: z.boolean() }).optional(),
  operatingMode: z.enum(['AUTOMATIC', 'SEMIAUTOMATIC', 'MANUAL', 'SERVICE', 'TEACHIN']).optional(),
  errors: errorOf(['WARNING', 'FATAL']).optional(),
  safetyState: z.object({ eStop: z.enum(['AUTOACK', 'MANUAL', 'REMOTE', 'NONE']), fieldViolation: z.boolean() }).optional(),
  actionStates: z
    .array(z.object({ actionId: z.string(), actionType: optStr, actionStatus: z.enum(ACTION_STATUS_V2), resultDescription: optStr }))
    .optional(),
});

const actionStateV3 = z.object({
  actionId: z.string(),
  actionType: optStr,
  actionStatus: z.enum(ACTION_STATUS_V3),
  actionResult: optStr,
});
const StateV3 = z.object({
  ...stateCommon,
  mobileRobotPosition: positionV3.optional(),
  plannedPath: plannedPath.optional(),
  intermediatePath: intermediatePath.optional(),
  powerSupply: z.object({ stateOfCharge: num, charging: z.boolean() }).optional(),
  operatingMode: z.enum(['STARTUP', 'AUTOMATIC', 'SEMIAUTOMATIC', 'INTERVENED', 'MANUAL', 'SERVICE', 'TEACH_IN']).optional(),
  errors: errorOf(['WARNING', 'URGENT', 'CRITICAL', 'FATAL']).optional(),
  safetyState: z.object({ activeEmergencyStop: z.enum(['MANUAL', 'REMOTE', 'NONE']), fieldViolation: z.boolean() }).optional(),
  actionStates: z.array(actionStateV3).optional(),
  instantActionStates: z.array(actionStateV3).optional(),
});

const VisualizationV2 = z.object({ ...header, agvPosition: positionV2.optional(), velocity: velocity.optional() });
const VisualizationV3 = z.object({
  ...header,
  referenceStateHeaderId: uint32.optional(),
  mobileRobotPosition: positionV3.optional(),
  velocity: velocity.optional(),
  plannedPath: plannedPath.optional(),
  intermediatePath: intermediatePath.optional(),
});

const ConnectionV2 = z.object({ ...header, connectionState: z.enum(['ONLINE', 'OFFLINE', 'CONNECTIONBROKEN']) });
const ConnectionV3 = z.object({
  ...header,
  connectionState: z.enum(['ONLINE', 'OFFLINE', 'HIBERNATING', 'CONNECTION_BROKEN']),
});

/** Only what the twin reads of an order: its nodes and edges, and their actions' blocking types (3.0 adds SINGLE). */
const orderOf = <const B extends readonly [BlockingType, ...BlockingType[]]>(blocking: B) => {
  const actions = z.array(z.object({ actionId: z.string(), actionType: z.string(), blockingType: z.enum(blocking) }));
  return z.object({
    ...header,
    orderId: z.string(),
    orderUpdateId: uint32,
    nodes: z.array(
      z.object({
        nodeId: z.string(),
        sequenceId: int.min(0),
        released: z.boolean(),
        nodePosition: z.object({ x: num, y: num, theta: num.optional(), mapId: z.string() }).optional(),
        actions,
      }),
    ),
    edges: z.array(z.object({ edgeId: z.string(), sequenceId: int.min(0), released: z.boolean(), actions })),
  });
};
const OrderV2 = orderOf(['NONE', 'SOFT', 'HARD']);
const OrderV3 = orderOf(['NONE', 'SINGLE', 'SOFT', 'HARD']);

const SEMVER = /^(\d+)\.\d+\.\d+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const EMPTY: readonly never[] = [];

function dropped(reason: DropReason, detail: string): DroppedMessage {
  return { kind: 'dropped', reason, detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail };
}

/** UTF-8 size of a string, counting no further than `limit + 1`: enough to tell whether it is over. */
function utf8Bytes(s: string, limit: number): number {
  if (s.length > limit) return s.length;
  if (s.length * 3 <= limit) return s.length;
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function issueDetail(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const path = issue.path.length === 0 ? '(root)' : issue.path.join('.');
  return `${path}: ${issue.message}`;
}

function position(p: { x: number; y: number; theta: number; mapId: string } | undefined, localized: boolean | undefined): Position | undefined {
  return p === undefined || localized === undefined ? undefined : { mapId: p.mapId, x: p.x, y: p.y, theta: p.theta, localized };
}

function motionV3(m: {
  mobileRobotPosition?: z.infer<typeof positionV3> | undefined;
  velocity?: z.infer<typeof velocity> | undefined;
  plannedPath?: z.infer<typeof plannedPath> | undefined;
  intermediatePath?: z.infer<typeof intermediatePath> | undefined;
}): MotionFields {
  const planned = m.plannedPath;
  return {
    position: position(m.mobileRobotPosition, m.mobileRobotPosition?.localized),
    velocity: m.velocity,
    plannedPath: planned && { ...planned.trajectory, traversedNodes: planned.traversedNodes },
    intermediatePath: m.intermediatePath?.polyline.map((p): IntermediatePoint => ({ x: p.x, y: p.y, theta: p.theta, etaMs: Date.parse(p.eta) })),
  };
}

const ACTION_V3 = (a: z.infer<typeof actionStateV3>): ActionStateReport => ({
  actionId: a.actionId,
  actionType: a.actionType,
  actionStatus: a.actionStatus,
  resultDescription: a.actionResult,
});
const INSTANT_ACTION_V3 = (a: z.infer<typeof actionStateV3>): ActionStateReport => ({ ...ACTION_V3(a), instant: true });

type SharedKeys = 'driving' | 'paused' | 'errors' | 'orderId' | 'orderUpdateId' | 'lastNodeId' | 'lastNodeSequenceId' | 'nodeStates' | 'edgeStates';
type SharedState = Pick<z.infer<typeof StateV2>, SharedKeys> | Pick<z.infer<typeof StateV3>, SharedKeys>;

/** The state fields 2.1 and 3.0 spell alike; the wire's "" for an id means none yet. */
function sharedState(m: SharedState) {
  return {
    driving: m.driving,
    paused: m.paused,
    errors: m.errors ?? EMPTY,
    orderId: m.orderId || undefined,
    orderUpdateId: m.orderUpdateId,
    lastNodeId: m.lastNodeId || undefined,
    lastNodeSequenceId: m.lastNodeSequenceId,
    nodeStates: m.nodeStates ?? EMPTY,
    edgeStates: m.edgeStates ?? EMPTY,
  };
}

function stateFromV2(h: ReportHeader, m: z.infer<typeof StateV2>): AgvReport {
  return {
    ...h,
    ...sharedState(m),
    position: position(m.agvPosition, m.agvPosition?.positionInitialized),
    velocity: m.velocity,
    loads: m.loads,
    battery: m.batteryState && { chargePercent: m.batteryState.batteryCharge, charging: m.batteryState.charging },
    operatingMode: m.operatingMode === 'TEACHIN' ? 'TEACH_IN' : m.operatingMode,
    safety: m.safetyState && { emergencyStop: m.safetyState.eStop, fieldViolation: m.safetyState.fieldViolation },
    actionStates: m.actionStates ?? EMPTY,
  };
}

function stateFromV3(h: ReportHeader, m: z.infer<typeof StateV3>): AgvReport {
  const actions = m.actionStates?.map(ACTION_V3) ?? [];
  if (m.instantActionStates) for (const a of m.instantActionStates) actions.push(INSTANT_ACTION_V3(a));
  const emergencyStop: EmergencyStop | undefined = m.safetyState?.activeEmergencyStop;
  const operatingMode: OperatingMode | undefined = m.operatingMode;
  return {
    ...h,
    ...sharedState(m),
    ...motionV3(m),
    loads: m.loads,
    battery: m.powerSupply && { chargePercent: m.powerSupply.stateOfCharge, charging: m.powerSupply.charging },
    operatingMode,
    safety: m.safetyState && emergencyStop && { emergencyStop, fieldViolation: m.safetyState.fieldViolation },
    actionStates: actions,
  };
}

function orderReport(h: ReportHeader, m: z.infer<typeof OrderV2> | z.infer<typeof OrderV3>): OrderReport {
  return { ...h, orderId: m.orderId, orderUpdateId: m.orderUpdateId, nodes: m.nodes, edges: m.edges };
}

const CONNECTION_V3: Readonly<Record<z.infer<typeof ConnectionV3>['connectionState'], ConnectionState>> = {
  ONLINE: 'ONLINE',
  OFFLINE: 'OFFLINE',
  HIBERNATING: 'HIBERNATING',
  CONNECTION_BROKEN: 'CONNECTIONBROKEN',
};

interface WireHeader {
  headerId: number;
  timestamp: string;
  version: string;
  manufacturer: string;
  serialNumber: string;
}

/** Validates `json` with `schema`, checks its header against the topic, and builds the report with `build`. */
function accept<T extends WireHeader>(
  schema: z.ZodType<T>,
  json: unknown,
  address: TopicAddress,
  major: VdaMajor,
  receivedMs: number,
  build: (h: ReportHeader, m: T) => Decoded,
): Decoded {
  const result = schema.safeParse(json);
  if (!result.success) return dropped('wrong-fields', issueDetail(result.error));
  const m = result.data;
  if (m.manufacturer !== address.manufacturer || m.serialNumber !== address.serialNumber) {
    return dropped('mismatch', 'manufacturer/serialNumber differ from the topic');
  }
  const h: ReportHeader = {
    key: `${m.manufacturer}/${m.serialNumber}`,
    manufacturer: m.manufacturer,
    serialNumber: m.serialNumber,
    version: major,
    protocolVersion: m.version,
    interfaceName: address.interfaceName,
    headerId: m.headerId,
    timestampMs: Date.parse(m.timestamp),
    receivedMs,
  };
  return build(h, m);
}

/**
 * Decodes one MQTT message into a report, or says why it was dropped. Pure: `receivedMs` is the caller's clock,
 * stored in the report. Payloads over `maxBytes` (UTF-8) are refused before anything else looks at them.
 *
 * @example
 * const d = decodeMessage('uagv/v2/acme/AGV-7/connection',
 *   '{"headerId":1,"timestamp":"2026-03-01T08:00:00.00Z","version":"2.1.0","manufacturer":"acme",' +
 *   '"serialNumber":"AGV-7","connectionState":"ONLINE"}', 1_772_352_000_050);
 * // d.kind === 'connection', d.report.connectionState === 'ONLINE', d.report.key === 'acme/AGV-7'
 */
export function decodeMessage(topic: string, payload: Uint8Array | string, receivedMs: number, maxBytes: number = DEFAULT_MAX_BYTES): Decoded {
  const size = typeof payload === 'string' ? utf8Bytes(payload, maxBytes) : payload.byteLength;
  if (size > maxBytes) return dropped('too-large', `payload over ${maxBytes} bytes`);

  const parsed = parseTopic(topic);
  if (!parsed.ok) return dropped('topic', parsed.error);
  const address = parsed.address;
  const { subtopic } = address;
  if (subtopic !== 'state' && subtopic !== 'visualization' && subtopic !== 'connection' && subtopic !== 'order') {
    return dropped('topic', `the twin does not read subtopic ${subtopic}`);
  }
  if (address.majorVersion !== 2 && address.majorVersion !== 3) {
    return dropped('unknown-version', `topic version v${address.majorVersion}; the twin reads v2 and v3`);
  }
  const major: VdaMajor = address.majorVersion;

  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : utf8.decode(payload));
  } catch (e) {
    return dropped('malformed-json', e instanceof Error ? e.message : String(e));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return dropped('wrong-fields', '(root): expected an object');
  }
  const version: unknown = (json as { version?: unknown }).version;
  if (typeof version !== 'string') return dropped('wrong-fields', 'version: expected string');
  const semver = SEMVER.exec(version);
  if (!semver) return dropped('wrong-fields', 'version: expected [Major].[Minor].[Patch]');
  const payloadMajor = Number(semver[1]);
  if (payloadMajor !== 2 && payloadMajor !== 3) {
    return dropped('unknown-version', `version ${version}; the twin reads 2.x and 3.x`);
  }
  if (payloadMajor !== major) return dropped('mismatch', `version ${version} on a v${major} topic`);

  switch (subtopic) {
    case 'state':
      return major === 2
        ? accept(StateV2, json, address, major, receivedMs, (h, m) => ({ kind: 'state', report: stateFromV2(h, m) }))
        : accept(StateV3, json, address, major, receivedMs, (h, m) => ({ kind: 'state', report: stateFromV3(h, m) }));
    case 'visualization':
      return major === 2
        ? accept(VisualizationV2, json, address, major, receivedMs, (h, m) => ({
            kind: 'visualization',
            report: { ...h, position: position(m.agvPosition, m.agvPosition?.positionInitialized), velocity: m.velocity },
          }))
        : accept(VisualizationV3, json, address, major, receivedMs, (h, m) => ({
            kind: 'visualization',
            report: { ...h, referenceStateHeaderId: m.referenceStateHeaderId, ...motionV3(m) },
          }));
    case 'connection':
      return major === 2
        ? accept(ConnectionV2, json, address, major, receivedMs, (h, m) => ({
            kind: 'connection',
            report: { ...h, connectionState: m.connectionState },
          }))
        : accept(ConnectionV3, json, address, major, receivedMs, (h, m) => ({
            kind: 'connection',
            report: { ...h, connectionState: CONNECTION_V3[m.connectionState] },
          }));
    case 'order':
      return accept(major === 2 ? OrderV2 : OrderV3, json, address, major, receivedMs, (h, m) => ({ kind: 'order', report: orderReport(h, m) }));
  }
}
