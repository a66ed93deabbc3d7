/**
 * VDA 5050 MQTT topics: `<interfaceName>/<majorVersion>/<manufacturer>/<serialNumber>/<topic>`, for example
 * `uagv/v2/acme/AGV-7/state` (VDA 5050 2.1, section 6.3). 3.0 keeps the levels and names `vda5050` as its
 * interface name (`vda5050/v3/acme/AGV-7/state`); the interface name is free text, so the twin reads any and
 * answers each vehicle under the one it publishes on.
 *
 * The spec forbids `/` inside a level (it separates levels) and `$` (brokers reserve it); MQTT forbids the
 * wildcards `+` and `#` in the name a message is published on. The serial number is further limited to
 * `A-Z a-z 0-9 _ . : -`, so a serial number can never carry markup into the twin through a topic.
 */

/** The interface name 2.x uses, and ours unless told otherwise. */
export const DEFAULT_INTERFACE_NAME = 'uagv';

/** The subtopics of VDA 5050 2.1 and 3.0 (3.0 adds `responses` and `zoneSet`). */
export const SUBTOPICS = ['order', 'instantActions', 'state', 'visualization', 'connection', 'factsheet', 'responses', 'zoneSet'] as const;
export type Subtopic = (typeof SUBTOPICS)[number];

/** The five levels of a topic; `majorVersion` is the number after the `v` (`v2` → 2). */
export interface TopicAddress {
  readonly interfaceName: string;
  readonly majorVersion: number;
  readonly manufacturer: string;
  readonly serialNumber: string;
  readonly subtopic: Subtopic;
}

export type ParsedTopic = { readonly ok: true; readonly address: TopicAddress } | { readonly ok: false; readonly error: string };

const FORBIDDEN_IN_LEVEL = /[+#$\u0000]/;
const SERIAL_NUMBER = /^[A-Za-z0-9_.:-]+$/;
const MAJOR_VERSION = /^v(\d{1,6})$/;
const SUBTOPIC_SET: ReadonlySet<string> = new Set(SUBTOPICS);

/** Why a free-text level (interface name, manufacturer) is unusable, or undefined when it is fine. */
function levelProblem(name: string, value: string): string | undefined {
  if (value.length === 0) return `${name} is empty`;
  if (value.includes('/')) return `${name} contains '/'`;
  const bad = FORBIDDEN_IN_LEVEL.exec(value);
  return bad ? `${name} contains ${JSON.stringify(bad[0])}` : undefined;
}

function serialProblem(value: string): string | undefined {
  if (value.length === 0) return 'serialNumber is empty';
  return SERIAL_NUMBER.test(value) ? undefined : 'serialNumber may hold only A-Z a-z 0-9 _ . : -';
}

/**
 * Splits a topic into its five levels; on failure the error names what is wrong.
 *
 * @example parseTopic('uagv/v2/acme/AGV-7/state')
 * // → { ok: true, address: { interfaceName: 'uagv', majorVersion: 2, manufacturer: 'acme', serialNumber: 'AGV-7', subtopic: 'state' } }
 * @example parseTopic('uagv/2/acme/AGV-7/state') // → { ok: false, error: "majorVersion '2' is not v<number>" }
 */
export function parseTopic(topic: string): ParsedTopic {
  const levels = topic.split('/');
  if (levels.length !== 5) {
    return { ok: false, error: `expected 5 levels <interfaceName>/<majorVersion>/<manufacturer>/<serialNumber>/<topic>, got ${levels.length}` };
  }
  const [interfaceName, version, manufacturer, serialNumber, subtopic] = levels as [string, string, string, string, string];
  const problem = levelProblem('interfaceName', interfaceName) ?? levelProblem('manufacturer', manufacturer) ?? serialProblem(serialNumber);
  if (problem !== undefined) return { ok: false, error: problem };
  const major = MAJOR_VERSION.exec(version);
  if (!major) return { ok: false, error: `majorVersion ${JSON.stringify(version)} is not v<number>` };
  if (!SUBTOPIC_SET.has(subtopic)) return { ok: false, error: `unknown subtopic ${JSON.stringify(subtopic)}` };
  return {
    ok: true,
    address: { interfaceName, majorVersion: Number(major[1]), manufacturer, serialNumber, subtopic: subtopic as Subtopic },
  };
}

/**
 * Joins the levels into a topic; throws a RangeError naming the level that cannot appear in one, so that we never
 * publish on a topic that our own parser (or another master control) would refuse.
 *
 * @example formatTopic({ interfaceName: 'uagv', majorVersion: 3, manufacturer: 'acme', serialNumber: 'AGV-7', subtopic: 'order' })
 * // → 'uagv/v3/acme/AGV-7/order'
 */
export function formatTopic(address: TopicAddress): string {
  const { interfaceName, majorVersion, manufacturer, serialNumber, subtopic } = address;
  const problem =
    levelProblem('interfaceName', interfaceName) ??
    levelProblem('manufacturer', manufacturer) ??
    serialProblem(serialNumber) ??
    (Number.isInteger(majorVersion) && majorVersion >= 0 ? undefined : `majorVersion ${majorVersion} is not a natural number`) ??
    (SUBTOPIC_SET.has(subtopic) ? undefined : `unknown subtopic ${JSON.stringify(subtopic)}`);
  if (problem !== undefined) throw new RangeError(`cannot format a VDA 5050 topic: ${problem}`);
  return `${interfaceName}/v${majorVersion}/${manufacturer}/${serialNumber}/${subtopic}`;
}
