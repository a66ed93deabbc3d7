import { planGraph, type PlanGraph } from './PlanGraph';

export interface MovingAiMap {
  readonly width: number;
  readonly height: number;
  /** 4-connected, both directions; vertex positions are x = column, y = row. */
  readonly graph: PlanGraph;
  /** vertexAt[row * width + column]: the cell's vertex, or -1 where blocked. */
  readonly vertexAt: Int32Array;
}

export interface MovingAiScenario {
  readonly starts: Int32Array;
  readonly goals: Int32Array;
}

const FREE = new Set(['.', 'G', 'S']);
const BLOCKED = new Set(['@', 'O', 'T', 'W']);

/**
 * Parses a MovingAI grid map (https://movingai.com/benchmarks/formats.html): `type`, `height`, `width`, `map`,
 * then the rows; `.` `G` `S` are free, `@` `O` `T` `W` blocked. One vertex per free cell, edges to the four
 * free neighbours. Errors name the file and line.
 *
 * @example
 *   const map = parseMovingAiMap(readFileSync('random-32-32-20.map', 'utf8'), 'random-32-32-20.map');
 *   map.graph.nodeCount; // free cells
 */
export function parseMovingAiMap(text: string, file: string): MovingAiMap {
  const lines = text.trimEnd().split(/\r?\n/);
  const fail = (line: number, message: string): never => {
    throw new Error(`${file}:${line}: ${message}`);
  };
  let width = -1;
  let height = -1;
  let row0 = -1;
  for (let k = 0; k < lines.length && row0 < 0; k++) {
    const [key, value, extra] = lines[k]!.trim().split(/\s+/);
    if (key === 'type' || key === '') continue;
    if (key === 'map' && value === undefined) {
      row0 = k + 1;
    } else if ((key === 'height' || key === 'width') && value !== undefined && extra === undefined && /^[1-9]\d*$/.test(value)) {
      if (key === 'height') height = Number(value);
      else width = Number(value);
    } else {
      fail(k + 1, `expected "type", "height H", "width W" or "map", found "${lines[k]!.trim()}"`);
    }
  }
  if (row0 < 0) fail(lines.length, 'no "map" line');
  if (width < 0 || height < 0) fail(row0, `"map" before ${width < 0 ? 'width' : 'height'}`);
  const vertexAt = new Int32Array(width * height).fill(-1);
  let count = 0;
  for (let r = 0; r < height; r++) {
    const line = lines[row0 + r];
    if (line === undefined) fail(row0 + r + 1, `row ${r} missing: the header says height ${height}`);
    const row = line!.replace(/\r$/, '');
    if (row.length !== width) fail(row0 + r + 1, `row ${r} has ${row.length} cells, the header says width ${width}`);
    for (let c = 0; c < width; c++) {
      const ch = row[c]!;
      if (FREE.has(ch)) vertexAt[r * width + c] = count++;
      else if (!BLOCKED.has(ch)) fail(row0 + r + 1, `column ${c + 1}: unknown cell "${ch}"`);
    }
  }
  for (let k = row0 + height; k < lines.length; k++) if (lines[k]!.trim() !== '') fail(k + 1, `text after the ${height} rows`);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const from: number[] = [];
  const to: number[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = vertexAt[r * width + c]!;
      if (v < 0) continue;
      x[v] = c;
      y[v] = r;
      // Neighbour order up, left, right, down: a fixed order keeps runs repeatable.
      for (const [dr, dc] of [
        [-1, 0],
        [0, -1],
        [0, 1],
        [1, 0],
      ] as const) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr < 0 || rr >= height || cc < 0 || cc >= width) continue;
        const u = vertexAt[rr * width + cc]!;
        if (u >= 0) {
          from.push(v);
          to.push(u);
        }
      }
    }
  }
  return { width, height, graph: planGraph(count, Int32Array.from(from), Int32Array.from(to), x, y), vertexAt };
}

/**
 * Reads the first `agents` instances of a MovingAI scenario (`version 1`, then per line: bucket, map, width,
 * height, start x, start y, goal x, goal y, optimal length; x = column, y = row) against a parsed map. The
 * optimal length is octile (8-connected), so it is checked as a number but not kept: for 4-connected moves
 * the lower bound is the breadth-first distance.
 *
 * @example
 *   const { starts, goals } = parseMovingAiScen(text, 'random-32-32-20-random-1.scen', map, 100);
 */
export function parseMovingAiScen(text: string, file: string, map: MovingAiMap, agents: number): MovingAiScenario {
  const lines = text.trimEnd().split(/\r?\n/);
  const fail = (line: number, message: string): never => {
    throw new Error(`${file}:${line}: ${message}`);
  };
  if (!/^version\s+1(\.0)?$/.test(lines[0]?.trim() ?? '')) fail(1, `expected "version 1", found "${lines[0]?.trim() ?? ''}"`);
  const starts = new Int32Array(agents);
  const goals = new Int32Array(agents);
  let k = 1;
  for (let i = 0; i < agents; i++, k++) {
    while (k < lines.length && lines[k]!.trim() === '') k++;
    if (k >= lines.length) fail(k, `${agents} agents asked for, the file has ${i}`);
    const cols = lines[k]!.trim().split(/\t/);
    const parts = cols.length === 9 ? cols : lines[k]!.trim().split(/\s+/);
    if (parts.length !== 9)
      fail(k + 1, `expected 9 columns (bucket, map, width, height, start x, start y, goal x, goal y, optimal), found ${parts.length}`);
    const nums = [2, 3, 4, 5, 6, 7].map((c) => Number(parts[c]));
    const optimal = Number(parts[8]);
    if (!nums.every((v) => Number.isInteger(v) && v >= 0) || !Number.isFinite(optimal))
      fail(k + 1, 'width, height, coordinates and optimal length must be numbers');
    const [w, h, sx, sy, gx, gy] = nums as [number, number, number, number, number, number];
    if (w !== map.width || h !== map.height) fail(k + 1, `scenario is for a ${w}×${h} map, the map is ${map.width}×${map.height}`);
    const cell = (cx: number, cy: number, what: string): number => {
      if (cx >= map.width || cy >= map.height) fail(k + 1, `${what} (${cx}, ${cy}) is outside the map`);
      const v = map.vertexAt[cy * map.width + cx]!;
      if (v < 0) fail(k + 1, `${what} (${cx}, ${cy}) is a blocked cell`);
      return v;
    };
    starts[i] = cell(sx, sy, 'start');
    goals[i] = cell(gx, gy, 'goal');
  }
  return { starts, goals };
}
