/**
 * Every number of the model that carries its source in the scene: `{value, source}` values (fleet, service
 * times, scanner, crane, barrier, charging, road figures) and the other sourced groups (capacity target range,
 * opening hours, arrival profile, geo anchor). Listed generically, so a field added to the schema shows up in
 * the assumptions panel without touching it.
 */
import { formatPath, type PathSegment } from '../../domain/problem';
import type { Scene } from '../../domain/sceneSchema';
import { facilityKey, sectionKey, type RecordKey } from './sceneDiff';

export interface AssumptionField {
  /** `value`, `min`, `openHour`, `hourlyShare[7]`… */
  readonly name: string;
  readonly value: number;
}

export interface Assumption {
  /** Where it is in the scene, e.g. `fleet.agv.count` or `facilities[4].scanTimeS`. */
  readonly path: string;
  /** The record that holds it and the path inside that record. */
  readonly record: RecordKey;
  readonly inner: readonly PathSegment[];
  readonly fields: readonly AssumptionField[];
  readonly source: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numericFields(o: Record<string, unknown>): AssumptionField[] {
  const out: AssumptionField[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number') out.push({ name: k, value: v });
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) v.forEach((x: number, i) => out.push({ name: `${k}[${i}]`, value: x }));
  }
  return out;
}

/** A group of sourced numbers found inside a value: where it is in that value, its numbers and their source. */
export interface SourcedGroup {
  readonly inner: readonly PathSegment[];
  readonly fields: readonly AssumptionField[];
  readonly source: string;
}

function walk(v: unknown, inner: PathSegment[], out: SourcedGroup[]): void {
  if (!isObject(v)) return;
  if (typeof v.source === 'string') {
    const fields = numericFields(v);
    if (fields.length > 0) out.push({ inner, fields, source: v.source });
    return;
  }
  for (const [k, child] of Object.entries(v)) walk(child, [...inner, k], out);
}

/**
 * The `{…numbers, source}` groups inside `v` in document order: a scene's section or facility, or a data file
 * (`data/simulation.json`), whose numbers carry their sources the same way.
 *
 * @example
 *   sourcedGroups({ a: { value: 2, source: 'x' } }); // [{ inner: ['a'], fields: [{ name: 'value', value: 2 }], source: 'x' }]
 */
export function sourcedGroups(v: unknown): SourcedGroup[] {
  const out: SourcedGroup[] = [];
  walk(v, [], out);
  return out;
}

/** The scene's sourced numbers, sections first (zone, fleet, process), then facility by facility. */
export function listAssumptions(scene: Scene): Assumption[] {
  const out: Assumption[] = [];
  const add = (record: RecordKey, outer: readonly PathSegment[], v: unknown) => {
    for (const g of sourcedGroups(v)) out.push({ path: formatPath([...outer, ...g.inner]), record, ...g });
  };
  for (const key of Object.keys(scene) as (keyof Scene)[]) {
    if (key === 'facilities' || key === 'lanes') continue;
    add(sectionKey(key as Exclude<keyof Scene, 'facilities' | 'lanes'>), [key], scene[key]);
  }
  scene.facilities.forEach((f, i) => add(facilityKey(f.id), ['facilities', i], f));
  return out;
}

/** A copy of `record` with the group at `inner` given new field values and source (fields not named stay). */
export function withAssumption(record: unknown, inner: readonly PathSegment[], values: Readonly<Record<string, number>>, source: string): unknown {
  if (inner.length === 0) {
    if (!isObject(record)) throw new Error('not a sourced value');
    const next: Record<string, unknown> = { ...record, source };
    for (const [name, value] of Object.entries(values)) {
      const m = /^(\w+)\[(\d+)\]$/.exec(name);
      if (m) {
        const list = [...(next[m[1]!] as number[])];
        list[Number(m[2])] = value;
        next[m[1]!] = list;
      } else {
        if (typeof next[name] !== 'number') throw new Error(`"${name}" is not a number of this value`);
        next[name] = value;
      }
    }
    return next;
  }
  const [head, ...rest] = inner;
  if (!isObject(record)) throw new Error(`no "${String(head)}" here`);
  return { ...record, [head!]: withAssumption(record[head as string], rest, values, source) };
}
