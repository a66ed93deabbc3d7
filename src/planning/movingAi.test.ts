import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMovingAiMap, parseMovingAiScen } from './movingAi';

const MAPF = new URL('../../data/mapf/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, MAPF), 'utf8');

describe('MovingAI files', () => {
  it('reads the shipped maps and scenarios into 4-connected graphs', () => {
    for (const [name, scen, agents] of [
      ['random-32-32-20', 'random-32-32-20-random-1', 400],
      ['warehouse-10-20-10-2-1', 'warehouse-10-20-10-2-1-random-1', 1000],
    ] as const) {
      const text = read(`${name}.map`);
      const map = parseMovingAiMap(text, `${name}.map`);
      const rows = text.trim().split('\n').slice(4);
      expect(rows.length).toBe(map.height);
      const free = rows.join('').replace(/[^.GS]/g, '').length;
      expect(map.graph.nodeCount).toBe(free);
      // Every edge joins 4-neighbours and has its reverse.
      const g = map.graph;
      const edges = new Set<string>();
      for (let v = 0; v < g.nodeCount; v++) {
        for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
          const u = g.targets[k]!;
          expect(Math.abs(g.x[u]! - g.x[v]!) + Math.abs(g.y[u]! - g.y[v]!)).toBe(1);
          edges.add(`${v}-${u}`);
        }
      }
      for (const e of edges) expect(edges.has(e.split('-').reverse().join('-'))).toBe(true);
      const { starts, goals } = parseMovingAiScen(read(`${scen}.scen`), `${scen}.scen`, map, agents);
      expect(new Set(starts).size).toBe(agents);
      expect(new Set(goals).size).toBe(agents);
      // Line 2 of the scenario is agent 0: start (x, y) = (column, row).
      const first = read(`${scen}.scen`).split('\n')[1]!.split('\t');
      expect([g.x[starts[0]!], g.y[starts[0]!], g.x[goals[0]!], g.y[goals[0]!]]).toEqual(first.slice(4, 8).map(Number));
    }
  });

  it('names file and line on bad input', () => {
    const map = parseMovingAiMap('type octile\nheight 2\nwidth 3\nmap\n..@\nG.S\n', 'ok.map');
    expect(map.graph.nodeCount).toBe(5);
    expect(map.vertexAt[2]).toBe(-1);
    expect(() => parseMovingAiMap('type octile\nheight 2\nwidth 3\nmap\n..@\n.x.\n', 'a.map')).toThrow('a.map:6: column 2: unknown cell "x"');
    expect(() => parseMovingAiMap('type octile\nheight 2\nwidth 3\nmap\n..@\n..\n', 'b.map')).toThrow(
      'b.map:6: row 1 has 2 cells, the header says width 3',
    );
    expect(() => parseMovingAiMap('type octile\nheight 3\nwidth 3\nmap\n..@\n...\n', 'c.map')).toThrow('c.map:7: row 2 missing');
    expect(() => parseMovingAiMap('type octile\nheight two\nwidth 3\nmap\n', 'd.map')).toThrow('d.map:2: expected');
    expect(() => parseMovingAiMap('type octile\nheight 2\nwidth 3\n', 'e.map')).toThrow('e.map:3: no "map" line');
    const scen = (lines: string[]) => ['version 1', ...lines].join('\n');
    const line = (sx: number, sy: number, gx: number, gy: number, w = 3) => `0\tok.map\t${w}\t2\t${sx}\t${sy}\t${gx}\t${gy}\t3`;
    expect(parseMovingAiScen(scen([line(0, 0, 2, 1)]), 's.scen', map, 1).goals[0]).toBe(map.vertexAt[5]);
    expect(() => parseMovingAiScen(scen([line(0, 0, 2, 1)]), 's.scen', map, 2)).toThrow('2 agents asked for, the file has 1');
    expect(() => parseMovingAiScen(scen([line(2, 0, 0, 0)]), 's.scen', map, 1)).toThrow('s.scen:2: start (2, 0) is a blocked cell');
    expect(() => parseMovingAiScen(scen([line(0, 0, 0, 5)]), 's.scen', map, 1)).toThrow('s.scen:2: goal (0, 5) is outside the map');
    expect(() => parseMovingAiScen(scen([line(0, 0, 1, 1, 4)]), 's.scen', map, 1)).toThrow('s.scen:2: scenario is for a 4×2 map');
    expect(() => parseMovingAiScen(scen(['0\tok.map\t3\t2\t0']), 's.scen', map, 1)).toThrow('s.scen:2: expected 9 columns');
    expect(() => parseMovingAiScen('version 2\n', 's.scen', map, 1)).toThrow('s.scen:1: expected "version 1"');
  });
});
