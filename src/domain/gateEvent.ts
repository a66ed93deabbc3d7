/**
 * The gate's own event feed: what its barriers and scanner bays report, one MQTT message an event, so the control
 * room counts the vehicles the gate really clears (not only what the AGVs do). Our own small format (no standard
 * covers it), documented by its JSON Schema (`public/schema/gate-event.schema.json`, generated from this file by
 * `npm run schema`).
 *
 * Topic: `gate/v1/<zone>/<facility>/event`, zone as its folder (`1119-1120`, `1088-2-1089`), facility the scene's id.
 * - `barrier-pass`: a truck passed a barrier, `in` (entering the gate area) or `out` (leaving it: cleared).
 * - `scan`: a truck's scan at a scanner bay finished, with the customs risk channel it was sent to.
 *
 * @example parseGateEvent('gate/v1/1119-1120/vn-barrier-exit/event', '{"version":"1.0.0",…,"kind":"barrier-pass","direction":"out"}')
 */
import { z } from 'zod';
import { zodProblems } from './zodProblems';

export const GATE_TOPIC_ROOT = 'gate/v1';
/** Every gate event. */
export const GATE_TOPIC_FILTER = `${GATE_TOPIC_ROOT}/+/+/event`;
/**
 * What the control-room servers subscribe to: an MQTT 5 shared subscription, so that two or more instances split
 * the feed and each event is counted by exactly one of them (their counts add up in the shared database).
 */
export const GATE_SHARED_FILTER = `$share/twin-gate/${GATE_TOPIC_FILTER}`;

const Text = (max: number) => z.string().min(1).max(max);
const Common = {
  version: z.string().regex(/^1\.\d+\.\d+$/, 'a 1.x.y version'),
  eventId: Text(100).meta({ description: 'Unique per reporting device; a repeated id is a repeat' }),
  timestamp: z.iso.datetime({ offset: true }).meta({ description: 'When it happened, ISO 8601' }),
  zone: Text(40),
  facilityId: Text(100),
  truck: Text(40).optional().meta({ description: "The truck's plate or the gate's own number for it, as text" }),
};

export const GateEvent = z.discriminatedUnion('kind', [
  z.strictObject({ ...Common, kind: z.literal('barrier-pass'), direction: z.enum(['in', 'out']) }),
  z.strictObject({ ...Common, kind: z.literal('scan'), channel: z.enum(['green', 'yellow', 'red']) }),
]);
export type GateEvent = z.infer<typeof GateEvent>;

export function gateEventTopic(zoneFolder: string, facilityId: string): string {
  return `${GATE_TOPIC_ROOT}/${zoneFolder}/${facilityId}/event`;
}

export type GateEventParse = { readonly ok: true; readonly event: GateEvent } | { readonly ok: false; readonly problem: string };

/** A message off the wire: the event, or what is wrong with it (field path and why), never a throw. */
export function parseGateEvent(topic: string, payload: string): GateEventParse {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== GATE_TOPIC_ROOT || parts[4] !== 'event') {
    return { ok: false, problem: `topic ${topic}: expected ${GATE_TOPIC_ROOT}/<zone>/<facility>/event` };
  }
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const r = GateEvent.safeParse(data, { reportInput: true });
  if (!r.success)
    return {
      ok: false,
      problem: zodProblems(r.error)
        .map((p) => `${p.path || '(message)'}: ${p.message}`)
        .join('; '),
    };
  if (r.data.facilityId !== parts[3]) return { ok: false, problem: `facilityId ${r.data.facilityId} is not the topic's ${parts[3]}` };
  return { ok: true, event: r.data };
}

/** The feed's JSON Schema (draft 2020-12), generated from the zod schema. */
export function gateEventJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(GateEvent, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://smart-gate-twin.local/schema/gate-event.schema.json',
    title: 'Smart Gate Twin gate event',
  };
}

export const GATE_EVENT_JSON_SCHEMA_PATH = 'public/schema/gate-event.schema.json';
