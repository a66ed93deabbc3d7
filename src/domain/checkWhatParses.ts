/**
 * The meaning checks on the part of a scene that has the right shape, for a file whose shape is wrong only inside
 * some items of its lists (a facility of an unknown kind, a node with a wrong field): those items are left out,
 * the rest is checked as a scene, and each problem is named at its item's place in the file. So a file with an
 * unknown kind and a duplicate id reports both at once, not the kind alone.
 *
 * What the left-out items would have changed is not said twice: a problem that only follows from an item being
 * left out (a node serving a facility that failed its shape, an edge to a node that did) is dropped, and so are
 * the lane network's problems when a node or edge was left out (the network checked is not the file's).
 *
 * @example
 *   const shape = Scene.safeParse(data);
 *   if (!shape.success) problems.push(...checkWhatParses(data, shape.error)); // [] when nothing else can be read
 */
import type { z } from 'zod';
import { checkScene } from './checks/checkScene';
import { parsePath, type Problem } from './problem';
import { Scene } from './sceneSchema';

/** The lists whose items are checked one by one, by their field path. */
const LISTS = ['facilities', 'lanes.nodes', 'lanes.edges', 'truckRoutes', 'views'] as const;
type List = (typeof LISTS)[number];

/** Problems about the lane network as a whole: not said when nodes or edges of the file were left out. */
const NETWORK_CODES: ReadonlySet<string> = new Set(['facility-unserved', 'facility-unreachable', 'lane-stranded', 'node-unjoined']);

/** An item reference in a path or a message: `facilities[3]`, `lanes.edges[12]`. */
const REF = /(facilities|lanes\.nodes|lanes\.edges|truckRoutes|views)\[(\d+)\]/g;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function listAt(data: Json, list: List): unknown[] | undefined {
  let at: unknown = data;
  for (const key of list.split('.')) at = isObject(at) ? at[key] : undefined;
  return Array.isArray(at) ? at : undefined;
}

/** The list and index of the item an issue lies in, or undefined when it lies outside every list's items. */
function itemOf(issue: z.core.$ZodIssue): { list: List; index: number } | undefined {
  for (const list of LISTS) {
    const keys = list.split('.');
    if (keys.every((k, i) => issue.path[i] === k) && typeof issue.path[keys.length] === 'number') {
      return { list, index: issue.path[keys.length] as number };
    }
  }
  return undefined;
}

export function checkWhatParses(data: unknown, error: z.ZodError): Problem[] {
  if (!isObject(data)) return [];
  const bad = new Map<List, Set<number>>();
  for (const issue of error.issues) {
    const item = itemOf(issue);
    if (!item) return []; // wrong outside the lists' items: what is left is no scene to check
    bad.set(item.list, (bad.get(item.list) ?? new Set()).add(item.index));
  }

  // The scene without the bad items; kept[list][j] is the file's index of the j-th item kept.
  const kept = new Map<List, number[]>();
  const droppedIds = new Map<List, Set<unknown>>();
  const rest: Json = { ...data, ...(isObject(data.lanes) ? { lanes: { ...data.lanes } } : {}) };
  for (const list of LISTS) {
    const items = listAt(data, list);
    if (!items) continue;
    const out = bad.get(list) ?? new Set<number>();
    kept.set(
      list,
      items.flatMap((_, i) => (out.has(i) ? [] : [i])),
    );
    droppedIds.set(list, new Set([...out].map((i) => (isObject(items[i]) ? items[i].id : undefined)).filter((id) => typeof id === 'string')));
    const keptItems = items.filter((_, i) => !out.has(i));
    if (list === 'lanes.nodes' || list === 'lanes.edges') (rest.lanes as Json)[list.slice('lanes.'.length)] = keptItems;
    else rest[list] = keptItems;
  }
  const shape = Scene.safeParse(rest);
  if (!shape.success) return [];

  const renumber = (text: string) => text.replace(REF, (_, list: List, j: string) => `${list}[${kept.get(list)?.[Number(j)] ?? j}]`);
  const dropped = (list: List, id: unknown) => droppedIds.get(list)?.has(id) ?? false;
  const networkCut = bad.has('lanes.nodes') || bad.has('lanes.edges');

  /** Whether a problem only follows from items left out. */
  const follows = (p: Problem): boolean => {
    const params = (p.params ?? {}) as Record<string, unknown>;
    if (p.code === 'unknown-facility' && dropped('facilities', params.id)) return true;
    if (p.code === 'unknown-node' && dropped('lanes.nodes', params.id)) return true;
    if (p.code === 'tour-unknown-view' && dropped('views', params.view)) return true;
    if (p.code === 'off-truck-route' && bad.has('truckRoutes')) return true;
    if (p.code !== undefined && NETWORK_CODES.has(p.code) && networkCut) return true;
    // A problem on an item that refers to a left-out one (a crane or node serving it, an edge to or from it).
    const [head, a, b] = parsePath(p.path);
    const list = (typeof a === 'string' ? `${head}.${a}` : head) as List;
    const index = typeof a === 'number' ? a : b;
    const item = typeof index === 'number' ? listAt(data, list)?.[index] : undefined;
    if (!isObject(item)) return false;
    if ((list === 'facilities' || list === 'lanes.nodes') && dropped('facilities', item.serves)) return true;
    return list === 'lanes.edges' && (dropped('lanes.nodes', item.from) || dropped('lanes.nodes', item.to));
  };

  return checkScene(shape.data)
    .map((p): Problem => {
      const params = p.params as Record<string, unknown> | undefined;
      const fixed = params && { ...params };
      for (const key of ['first', 'other']) if (fixed && typeof fixed[key] === 'string') fixed[key] = renumber(fixed[key]);
      return { ...p, path: renumber(p.path), message: renumber(p.message), ...(fixed ? { params: fixed as Problem['params'] } : {}) };
    })
    .filter((p) => !follows(p));
}
