/**
 * Building VDA 5050 2.0, 2.1 and 3.0 messages from the twin's data: what a vehicle publishes (`state`,
 * `visualization`, `connection`; our fleet simulator uses these) and what an operator publishes (`instantActions`
 * to pause, resume or cancel; `order` to drive to a node). Every message validates against the official schema of
 * its version (see encode.test.ts); the caller serialises it with `JSON.stringify`.
 *
 * The header comes from the arguments: nothing here reads a clock or makes up an id. A value that the target
 * version cannot say (operating mode `STARTUP` in 2.x, e-stop `AUTOACK` in 3.0, a charge over 100 % in 3.0) throws a
 * RangeError naming it (also 2.x's PAUSED action status, missing from its schema), rather than being swapped for a near one that would mislead whoever reads the message.
 * Fields a version does not have (3.0's `plannedPath` in 2.x) are left out.
 *
 * 2.0 and 2.1 differ, for what is written here, in the header's version only: every field below is in 2.0, and
 * what 2.1 added (state `maps`, error `errorHint`, edge `corridor`, the map actions) is never written.
 */
import type { ActionStateReport, ConnectionState, MessageHeader, MotionFields, StateFields, VdaMajor } from './agvReport';

/** The version string each major version writes in its header unless the header names another. */
const VERSION_STRING: Readonly<Record<VdaMajor, string>> = { 2: '2.1.0', 3: '3.0.0' };
const SEMVER = /^(\d+)\.\d+\.\d+$/;

/**
 * The version a header says: `protocolVersion`, or the twin's own for the major. Throws a RangeError for one that
 * is not `[Major].[Minor].[Patch]` of that major, which no vehicle of the major would take.
 */
export function versionString(major: VdaMajor, protocolVersion?: string): string {
  const v = protocolVersion;
  if (v === undefined) return VERSION_STRING[major];
  const m = SEMVER.exec(v);
  if (!m) throw new RangeError(`VDA 5050 version ${JSON.stringify(v)} is not [Major].[Minor].[Patch]`);
  if (Number(m[1]) !== major) throw new RangeError(`VDA 5050 version ${v} is not of major version ${major}`);
  return v;
}

/** A message ready for `JSON.stringify`. */
export type WireMessage = Readonly<Record<string, unknown>>;

/** What `encodeState` needs: a state report without the twin's bookkeeping, with what the schema requires. */
export type StateInput = MessageHeader & StateFields & Required<Pick<StateFields, 'battery' | 'operatingMode' | 'driving' | 'safety'>>;

/** What `encodeVisualization` needs; 3.0 requires the headerId of the last state sent. */
export type VisualizationInput = MessageHeader & MotionFields & { readonly referenceStateHeaderId: number };

/** The instant actions an operator sends from the console. */
export type InstantCommand = 'pause' | 'resume' | 'cancel';
const ACTION_TYPE: Readonly<Record<InstantCommand, string>> = {
  pause: 'startPause',
  resume: 'stopPause',
  cancel: 'cancelOrder',
};

/**
 * A node of a drive order; the first is where the vehicle stands (VDA 5050 6.6.1: trivially reachable), or in an
 * order update the last node of the base so far (the stitching node).
 */
export interface OrderNode {
  readonly nodeId: string;
  readonly position?: { readonly x: number; readonly y: number; readonly theta?: number; readonly mapId: string };
  /** Part of the base (default); false: the horizon, which the vehicle may plan with but not drive to yet. */
  readonly released?: boolean;
}

/**
 * A drive order: the nodes from the vehicle's node (or the stitching node) to the target. Released nodes come
 * first; an edge is released like the node it leads to.
 */
export interface DriveOrder {
  readonly orderId: string;
  readonly orderUpdateId: number;
  readonly nodes: readonly OrderNode[];
  /** The first node's sequence id (default 0); an update goes on from the stitching node's, as VDA 5050 requires. */
  readonly firstSequenceId?: number;
  /** The lane edge ids between the nodes (`edgeIds[k]` from node k to k + 1); default `from_to`. */
  readonly edgeIds?: readonly string[];
}

function header(h: MessageHeader): Record<string, unknown> {
  return {
    headerId: h.headerId,
    timestamp: new Date(h.timestampMs).toISOString(),
    version: versionString(h.version, h.protocolVersion),
    manufacturer: h.manufacturer,
    serialNumber: h.serialNumber,
  };
}

function unsayable(what: string, value: unknown, h: MessageHeader): never {
  throw new RangeError(`VDA 5050 ${versionString(h.version, h.protocolVersion)} cannot say ${what} ${JSON.stringify(value)}`);
}

/** Both versions bound theta to [-π, π] (3.0 in its schema, 2.1 in its text); wrap what lies outside. */
function wrapAngle(theta: number): number {
  return theta > Math.PI || theta < -Math.PI ? Math.atan2(Math.sin(theta), Math.cos(theta)) : theta;
}

function motion(m: MotionFields, version: VdaMajor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const p = m.position;
  if (p) {
    const pose = { x: p.x, y: p.y, theta: wrapAngle(p.theta), mapId: p.mapId };
    if (version === 2) out.agvPosition = { ...pose, positionInitialized: p.localized };
    else out.mobileRobotPosition = { ...pose, localized: p.localized };
  }
  if (m.velocity) out.velocity = { ...m.velocity };
  if (version === 3 && m.plannedPath) {
    const { traversedNodes, ...trajectory } = m.plannedPath;
    out.plannedPath = traversedNodes ? { trajectory, traversedNodes } : { trajectory };
  }
  if (version === 3 && m.intermediatePath) {
    out.intermediatePath = {
      polyline: m.intermediatePath.map((q) => ({
        x: q.x,
        y: q.y,
        ...(q.theta === undefined ? {} : { theta: wrapAngle(q.theta) }),
        eta: new Date(q.etaMs).toISOString(),
      })),
    };
  }
  return out;
}

function actionState(a: ActionStateReport, h: MessageHeader): Record<string, unknown> {
  const version = h.version;
  // 2.1's text defines PAUSED (6.11) but its schema does not list it; we write what the schema accepts.
  if (version === 2 && (a.actionStatus === 'RETRIABLE' || a.actionStatus === 'PAUSED')) {
    unsayable('actionStatus', a.actionStatus, h);
  }
  const out: Record<string, unknown> = { actionId: a.actionId, actionStatus: a.actionStatus };
  if (a.actionType !== undefined) out.actionType = a.actionType;
  if (a.resultDescription !== undefined) out[version === 2 ? 'resultDescription' : 'actionResult'] = a.resultDescription;
  return out;
}

/**
 * The `state` message a vehicle publishes. Absent `orderId`/`lastNodeId` become "" and absent update and sequence
 * ids 0, as the spec says for "none yet"; 3.0 lists actions marked `instant` under `instantActionStates`.
 *
 * @example JSON.stringify(encodeState({ version: 3, manufacturer: 'acme', serialNumber: 'AGV-7', headerId: 42,
 *   timestampMs: 1_772_352_000_000, battery: { chargePercent: 80, charging: false }, operatingMode: 'AUTOMATIC',
 *   driving: false, safety: { emergencyStop: 'NONE', fieldViolation: false }, errors: [], nodeStates: [],
 *   edgeStates: [], actionStates: [] }))
 */
export function encodeState(s: StateInput): WireMessage {
  const v = s.version;
  if (v === 2 && (s.operatingMode === 'STARTUP' || s.operatingMode === 'INTERVENED')) {
    unsayable('operatingMode', s.operatingMode, s);
  }
  if (v === 3 && s.safety.emergencyStop === 'AUTOACK') unsayable('emergencyStop', s.safety.emergencyStop, s);
  if (v === 3 && !(s.battery.chargePercent >= 0 && s.battery.chargePercent <= 100)) {
    unsayable('chargePercent', s.battery.chargePercent, s);
  }
  for (const e of s.errors) {
    if (v === 2 && e.errorLevel !== 'WARNING' && e.errorLevel !== 'FATAL') unsayable('errorLevel', e.errorLevel, s);
  }
  const orderActions: Record<string, unknown>[] = [];
  const instantActions: Record<string, unknown>[] = [];
  for (const a of s.actionStates) (v === 3 && a.instant ? instantActions : orderActions).push(actionState(a, s));

  const out: Record<string, unknown> = {
    ...header(s),
    orderId: s.orderId ?? '',
    orderUpdateId: s.orderUpdateId ?? 0,
    lastNodeId: s.lastNodeId ?? '',
    lastNodeSequenceId: s.lastNodeSequenceId ?? 0,
    nodeStates: s.nodeStates.map((n) => ({
      nodeId: n.nodeId,
      sequenceId: n.sequenceId,
      released: n.released,
      ...(n.nodePosition ? { nodePosition: nodePosition(n.nodePosition) } : {}),
    })),
    edgeStates: s.edgeStates.map((e) => ({ edgeId: e.edgeId, sequenceId: e.sequenceId, released: e.released })),
    ...motion(s, v),
    driving: s.driving,
    actionStates: orderActions,
    operatingMode: v === 2 && s.operatingMode === 'TEACH_IN' ? 'TEACHIN' : s.operatingMode,
    errors: s.errors.map((e) => ({ ...e })),
    safetyState:
      v === 2
        ? { eStop: s.safety.emergencyStop, fieldViolation: s.safety.fieldViolation }
        : { activeEmergencyStop: s.safety.emergencyStop, fieldViolation: s.safety.fieldViolation },
  };
  if (s.paused !== undefined) out.paused = s.paused;
  if (s.loads) out.loads = s.loads.map((l) => ({ ...l }));
  if (v === 2) out.batteryState = { batteryCharge: s.battery.chargePercent, charging: s.battery.charging };
  else {
    out.powerSupply = { stateOfCharge: s.battery.chargePercent, charging: s.battery.charging };
    out.instantActionStates = instantActions;
  }
  return out;
}

function nodePosition(p: NonNullable<OrderNode['position']>): Record<string, unknown> {
  return p.theta === undefined ? { x: p.x, y: p.y, mapId: p.mapId } : { x: p.x, y: p.y, theta: wrapAngle(p.theta), mapId: p.mapId };
}

/** The `visualization` message a vehicle publishes between states, at a higher rate. */
export function encodeVisualization(m: VisualizationInput): WireMessage {
  return {
    ...header(m),
    ...(m.version === 3 ? { referenceStateHeaderId: m.referenceStateHeaderId } : {}),
    ...motion(m, m.version),
  };
}

/** The `connection` message (retained; the last will carries CONNECTIONBROKEN). 2.1 has no HIBERNATING. */
export function encodeConnection(h: MessageHeader, state: ConnectionState): WireMessage {
  if (h.version === 2 && state === 'HIBERNATING') unsayable('connectionState', state, h);
  return {
    ...header(h),
    connectionState: h.version === 3 && state === 'CONNECTIONBROKEN' ? 'CONNECTION_BROKEN' : state,
  };
}

/**
 * An `instantActions` message with one action: `pause` → startPause, `resume` → stopPause, `cancel` →
 * cancelOrder. Blocking type NONE, the only one 3.0 allows for instant actions.
 *
 * @example encodeInstantAction({ version: 2, manufacturer: 'acme', serialNumber: 'AGV-7', headerId: 3,
 *   timestampMs: 1_772_352_000_000 }, 'pause', 'op-pause-3')
 */
export function encodeInstantAction(h: MessageHeader, command: InstantCommand, actionId: string): WireMessage {
  return {
    ...header(h),
    actions: [{ actionId, actionType: ACTION_TYPE[command], blockingType: 'NONE' }],
  };
}

/**
 * An `order` driving through `order.nodes` to the last one: nodes get the even sequence ids from
 * `firstSequenceId` (0, 2, 4… by default), the edge between nodes i−1 and i the odd id between and its id from
 * `edgeIds` (else `<from>_<to>`); nodes are released as given (default released), each edge like its end node;
 * nothing carries an action. Throws a RangeError for an order without nodes (the spec requires at least one), a
 * released node after a horizon one, edge ids that do not fit the nodes, or an odd first sequence id.
 *
 * @example encodeOrder(header, { orderId: 'o-17', orderUpdateId: 0,
 *   nodes: [{ nodeId: 'yard-3' }, { nodeId: 'scanner-1', position: { x: 120, y: 4, mapId: 'gate' } }] })
 */
export function encodeOrder(h: MessageHeader, order: DriveOrder): WireMessage {
  if (order.nodes.length === 0) throw new RangeError('an order needs at least one node');
  if (order.edgeIds && order.edgeIds.length !== order.nodes.length - 1) {
    throw new RangeError(`an order of ${order.nodes.length} nodes needs ${order.nodes.length - 1} edge ids, not ${order.edgeIds.length}`);
  }
  const horizon = order.nodes.findIndex((n) => n.released === false);
  if (horizon >= 0 && order.nodes.slice(horizon).some((n) => n.released !== false)) {
    throw new RangeError(`order ${order.orderId}: a released node follows the horizon (node ${horizon}); the base comes first`);
  }
  const first = order.firstSequenceId ?? 0;
  if (!Number.isInteger(first) || first < 0 || first % 2 !== 0) throw new RangeError(`first sequence id ${first}: nodes take even ids from 0`);
  const nodes = order.nodes.map((n, i) => ({
    nodeId: n.nodeId,
    sequenceId: first + 2 * i,
    released: n.released ?? true,
    ...(n.position ? { nodePosition: nodePosition(n.position) } : {}),
    actions: [],
  }));
  const edges = order.nodes.slice(1).map((to, i) => {
    const from = order.nodes[i]!;
    const ends = h.version === 2 ? { startNodeId: from.nodeId, endNodeId: to.nodeId } : {};
    return {
      edgeId: order.edgeIds?.[i] ?? `${from.nodeId}_${to.nodeId}`,
      sequenceId: first + 2 * i + 1,
      released: to.released ?? true,
      ...ends,
      actions: [],
    };
  });
  return { ...header(h), orderId: order.orderId, orderUpdateId: order.orderUpdateId, nodes, edges };
}
