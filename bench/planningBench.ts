/**
 * Planner rows. (a) LaCAM on MovingAI benchmark instances: time to the first solution against the published LaCAM3
 * C++ figure on this kind of machine (data/mapf/README.md), so the speed-up column reads as ours vs C++;
 * the sum of costs against its lower bound (sum of breadth-first distances) is in the case text. (b) Lifelong
 * PIBT on a generated terminal lane grid with random goals: one replanning step for the whole fleet, and a
 * 30-step rolling window.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../src/domain/random';
import { DistanceTables } from '../src/planning/DistanceTables';
import { solveLacam } from '../src/planning/lacam';
import { laneCells } from '../src/planning/laneCells';
import { parseMovingAiMap, parseMovingAiScen } from '../src/planning/movingAi';
import { Pibt } from '../src/planning/Pibt';
import { terminalGrid } from '../src/planning/terminalGrid';
import { median, type Row } from './measure';

const MAPF = new URL('../data/mapf/', import.meta.url);
const TIME_LIMIT_MS = 30_000;
/** LaCAM3 first-solution times in ms, from data/mapf/README.md. */
const CPP_MS: Record<string, Record<number, number>> = {
  'random-32-32-20': { 100: 44, 200: 119, 300: 334, 400: 274 },
  'warehouse-10-20-10-2-1': { 100: 124, 300: 466, 500: 747, 1000: 2247 },
};
/** 20 m cells: a 15.6 m AGV plus 4.4 m clearance; 30 × 30 lanes 60 m apart hold about 4,400 cells. */
const GRID = { rows: 30, columns: 30, blockM: 60 };
const CELL_M = 20;

export function planningBench(): Row[] {
  return [...movingAiRows(), ...laneRows()];
}

function movingAiRows(): Row[] {
  const rows: Row[] = [];
  for (const [name, counts] of Object.entries(CPP_MS)) {
    const map = parseMovingAiMap(readFileSync(new URL(`${name}.map`, MAPF), 'utf8'), `${name}.map`);
    const scen = readFileSync(new URL(`${name}-random-1.scen`, MAPF), 'utf8');
    const tables = new DistanceTables(map.graph, Number.MAX_SAFE_INTEGER);
    for (const [n, cppMs] of Object.entries(counts).map(([k, v]) => [Number(k), v] as const)) {
      const { starts, goals } = parseMovingAiScen(scen, `${name}-random-1.scen`, map, n);
      let lowerBound = 0;
      for (let i = 0; i < n; i++) lowerBound += tables.distance(goals[i]!, starts[i]!);
      const r = solveLacam(map.graph, starts, goals, { timeLimitMs: TIME_LIMIT_MS, seed: 0 });
      const quality = r.solved
        ? `soc ${r.soc} = ${(r.soc / lowerBound).toFixed(2)} × bound ${lowerBound}, makespan ${r.makespan}`
        : `not solved in ${TIME_LIMIT_MS / 1000} s`;
      rows.push({
        group: 'planner (Node)',
        case: `LaCAM first solution, ${name} random-1, ${n} agents (${quality}; ${r.expanded} configurations)`,
        value: r.ms,
        unit: 'ms',
        baseline: cppMs,
        goal: 'solved',
        pass: r.solved,
      });
    }
  }
  return rows;
}

function laneRows(): Row[] {
  const { nodes, edges } = terminalGrid(GRID);
  const g = laneCells(nodes, edges, CELL_M).graph;
  const V = g.nodeCount;
  return [100, 500, 1000].flatMap((n) => {
    const next = seededRandom(n);
    const perm = Array.from({ length: V }, (_, i) => i);
    for (let k = V - 1; k > 0; k--) {
      const r = Math.floor(next() * (k + 1));
      [perm[k], perm[r]] = [perm[r]!, perm[k]!];
    }
    const cur = Int32Array.from(perm.slice(0, n));
    const goal = Int32Array.from({ length: n }, () => Math.floor(next() * V));
    const hold = new Uint8Array(n);
    const out = new Int32Array(n);
    const pibt = new Pibt(g, n, 1);
    let arrivals = 0;
    let waits = 0;
    const step = () => {
      waits += pibt.step(n, cur, goal, hold, out);
      for (let i = 0; i < n; i++) {
        cur[i] = out[i]!;
        if (cur[i] === goal[i]) {
          arrivals++;
          goal[i] = Math.floor(next() * V);
        }
      }
    };
    for (let t = 0; t < 100; t++) step();
    const single: number[] = [];
    const windows: number[] = [];
    arrivals = 0;
    waits = 0;
    for (let w = 0; w < 20; w++) {
      const w0 = performance.now();
      for (let t = 0; t < 30; t++) {
        const t0 = performance.now();
        step();
        single.push(performance.now() - t0);
      }
      windows.push(performance.now() - w0);
    }
    const steps = single.length;
    const traffic = `${n} AGVs on ${V.toLocaleString('en')} cells of ${CELL_M} m; ${(arrivals / steps).toFixed(1)} arrivals and ${(waits / steps).toFixed(1)} waits per step`;
    const replan = median(single);
    return [
      {
        group: 'planner (Node)',
        case: `lifelong PIBT replan (one step, all AGVs), terminal grid ${GRID.rows}×${GRID.columns}, ${traffic}`,
        value: replan,
        unit: 'ms',
        ...(n === 500 ? { goal: '< 50 ms', pass: replan < 50 } : {}),
      },
      { group: 'planner (Node)', case: `lifelong PIBT rolling window of 30 steps, ${n} AGVs`, value: median(windows), unit: 'ms' },
    ];
  });
}
