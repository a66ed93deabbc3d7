import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATE_EVENT_JSON_SCHEMA_PATH, gateEventJsonSchema, gateEventTopic, parseGateEvent } from './gateEvent';

const event = {
  version: '1.0.0',
  eventId: 'e-1',
  timestamp: '2026-12-04T08:00:00+07:00',
  zone: '1119-1120',
  facilityId: 'vn-barrier-exit',
  kind: 'barrier-pass',
  direction: 'out',
  truck: '12C-345.67',
};
const topic = gateEventTopic('1119-1120', 'vn-barrier-exit');

describe('the gate event feed', () => {
  it('reads a barrier pass and a scan under gate/v1/<zone>/<facility>/event', () => {
    expect(topic).toBe('gate/v1/1119-1120/vn-barrier-exit/event');
    expect(parseGateEvent(topic, JSON.stringify(event))).toEqual({ ok: true, event });
    const scan = { ...event, facilityId: 'vn-scanner-1', kind: 'scan', channel: 'red', direction: undefined };
    expect(parseGateEvent(gateEventTopic('1119-1120', 'vn-scanner-1'), JSON.stringify(scan)).ok).toBe(true);
  });

  it('names what is wrong with a bad message, by field', () => {
    const bad = (t: string, p: unknown) => {
      const r = parseGateEvent(t, typeof p === 'string' ? p : JSON.stringify(p));
      return r.ok ? 'ok' : r.problem;
    };
    expect(bad(topic, '{"version":')).toBe('not JSON');
    expect(bad('gate/v2/1119-1120/x/event', event)).toMatch(/^topic gate\/v2\/1119-1120\/x\/event: expected gate\/v1/);
    expect(bad(topic, { ...event, direction: 'sideways' })).toMatch(/^direction: /);
    expect(bad(topic, { ...event, timestamp: 'yesterday' })).toMatch(/^timestamp: /);
    expect(bad(topic, { ...event, extra: 1 })).toMatch(/extra/);
    expect(bad(gateEventTopic('1119-1120', 'vn-barrier-entry'), event)).toBe("facilityId vn-barrier-exit is not the topic's vn-barrier-entry");
  });

  it(`${GATE_EVENT_JSON_SCHEMA_PATH} is what gateEventJsonSchema() generates now (run npm run schema)`, () => {
    const published: unknown = JSON.parse(readFileSync(new URL(`../../${GATE_EVENT_JSON_SCHEMA_PATH}`, import.meta.url), 'utf8'));
    expect(published).toEqual(gateEventJsonSchema());
  });
});
