import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/random';
import { DistanceTables } from '../DistanceTables';
import { solveLacam } from '../lacam';
import { parseMovingAiMap, parseMovingAiScen } from '../movingAi';
import { NEIGHBOURHOOD_KINDS, Neighbourhoods } from './Neighbourhoods';
import { pathLoss, trimmedPath } from './pathCosts';
import { Reservations } from './Reservations';

const MAPF = new URL('../../../data/mapf/', import.meta.url);

describe('Neighbourhoods', () => {
  it('gives distinct agents, at most the size asked, and starts random walks at the most delayed agent', () => {
    const map = parseMovingAiMap(readFileSync(new URL('random-32-32-20.map', MAPF), 'utf8'), 'random-32-32-20.map');
    const { starts, goals } = parseMovingAiScen(readFileSync(new URL('random-32-32-20-random-1.scen', MAPF), 'utf8'), 'scen', map, 120);
    const first = solveLacam(map.graph, starts, goals, { timeLimitMs: 30_000, seed: 0 });
    const paths = first.paths!.map((p, i) => trimmedPath(p, goals[i]!));
    const costs = Int32Array.from(paths, (p, i) => pathLoss(p, goals[i]!));
    const tables = new DistanceTables(map.graph);
    const h = Array.from(goals, (g) => tables.table(g));
    const res = new Reservations(map.graph.nodeCount);
    paths.forEach((p, i) => res.add(i, p));
    const picker = new Neighbourhoods(map.graph, res, { paths, costs, h }, seededRandom(5));
    const delay = (i: number) => costs[i]! - h[i]![starts[i]!]!;
    const mostDelayed = Array.from(starts, (_, i) => i).sort((a, b) => delay(b) - delay(a) || a - b)[0]!;
    const out = new Int32Array(8);
    for (const kind of NEIGHBOURHOOD_KINDS) {
      for (let round = 0; round < 20; round++) {
        const k = picker.pick(kind, 8, out);
        expect(k).toBeGreaterThan(0);
        expect(k).toBeLessThanOrEqual(8);
        const agents = Array.from(out.subarray(0, k));
        expect(new Set(agents).size).toBe(k);
        for (const a of agents) expect(a >= 0 && a < 120).toBe(true);
        if (kind === 'random-walk' && round === 0) expect(agents[0]).toBe(mostDelayed);
      }
    }
  });
});
