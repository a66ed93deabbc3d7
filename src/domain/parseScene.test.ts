import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineColumn } from './jsonText';
import { parseScene } from './parseScene';
import { formatProblem } from './problem';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const minimalText = fixture('minimal.json');
const problemsOf = (text: string) => parseScene(text).problems.map((p) => `${p.path}: ${p.message}`);

/** 1-based line number of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in the fixture`);
  return i + 1;
}

describe('parseScene on the minimal fixture', () => {
  it('accepts it and fills defaults', () => {
    const r = parseScene(minimalText, 'minimal.json');
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scene.facilities).toHaveLength(11);
    expect(r.scene.lanes.nodes.find((n) => n.id === 'vn-a')?.role).toBe('waypoint');
    expect(r.file).toBe('minimal.json');
  });
});

/** Each broken fixture is the minimal scene with one fault; the checker names exactly that fault. */
const BROKEN: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['wrong-type.json', ['facilities[0].lanes: expected number, got string "four"']],
  ['negative-size.json', ['facilities[4].footprint.size[0]: must be > 0']],
  ['unknown-field.json', ['facilities[3].colour: unknown field']],
  [
    'unknown-kind.json',
    [
      'facilities[5].kind: must be one of "import-storage", "export-storage", "scanner-bay", "admin-building", "barrier", ' +
        '"camera", "crane", "agv-charging", "truck-holding", "road"',
    ],
  ],
  ['duplicate-facility-id.json', ['facilities[10].id: duplicate facility id "customs" (first at facilities[4])']],
  ['edge-missing-node.json', ['lanes.edges[9].to: names no node ("vn-depot")']],
  ['overlapping-buildings.json', ['facilities[11].footprint: overlaps facilities[4] ("customs", admin-building) by 15.0 m']],
  ['lane-through-building.json', ['lanes.edges[0]: lane vn-a → cn-b crosses facilities[4] ("customs", admin-building)']],
  ['wrong-cross-border.json', ['lanes.edges[3].crossBorder: is false but the edge crosses the border line']],
  ['yard-dead-end.json', ['facilities[6]: "vn-import" cannot be reached by AGV lanes (there and back) from the VN and CN side']],
  ['scanner-off-route.json', ['facilities[3].footprint: scanner-bay "scanner" is not on any truck route']],
  ['risk-shares.json', ['process.riskChannels: green + yellow + red must add up to 1 (they add up to 1.25)']],
  ['wrong-side.json', ["facilities[9].side: says CN but its footprint's centre lies on the VN side of the border"]],
  ['charge-node-serves-yard.json', ['lanes.nodes[7].serves: a "charge" node must serve a facility of kind agv-charging ("vn-import" is import-storage)']],
  ['charging-unreachable.json', ['facilities[9]: "charging" cannot be reached by AGV lanes (there and back) from the VN side']],
  [
    'lane-island.json',
    ['lanes.edges[9]: lane vn-e → vn-f is cut off from the AGV network (no AGV can reach it from the network or leave it back to the network)'],
  ],
  ['duplicate-map-id.json', ['telemetry.maps[1].mapId: duplicate mapId "site" (first at telemetry.maps[0])']],
];

describe('parseScene on broken fixtures', () => {
  it.each(BROKEN)('%s gives exactly its fault', (name, expected) => {
    const r = parseScene(fixture(`broken/${name}`));
    expect(r.ok).toBe(false);
    expect(r.scene).toBeUndefined();
    expect(problemsOf(fixture(`broken/${name}`))).toEqual(expected);
  });

  it('locates a shape problem at the offending field', () => {
    const text = fixture('broken/unknown-field.json');
    const [p] = parseScene(text).problems;
    expect(p).toMatchObject({ line: lineOf(text, '"colour"'), column: 7 });
    const typed = fixture('broken/wrong-type.json');
    expect(parseScene(typed).problems[0]).toMatchObject({ line: lineOf(typed, '"four"') });
  });

  it('locates a meaning problem at the offending field', () => {
    const text = fixture('broken/wrong-side.json');
    const line = lineOf(text, '"id": "charging"') + 2;
    expect(text.split('\n')[line - 1]).toContain('"side": "CN"');
    expect(parseScene(text).problems[0]).toMatchObject({ line, column: 7 });
  });

  it('reports malformed JSON at the line and column where the comma is missing', () => {
    const text = fixture('broken/missing-comma.json');
    const lines = text.split('\n');
    expect(lines[4]).toBe('  "variant": "proposed"');
    const r = parseScene(text, 'missing-comma.json');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      { path: '', message: 'malformed JSON: expected a comma between items', line: 6, column: 3, code: 'json-syntax', params: { error: 'CommaExpected' } },
    ]);
    expect(lines[5]!.slice(2)).toMatch(/^"title"/);
    expect(formatProblem(r.problems[0]!, r.file)).toBe('missing-comma.json:6:3 (file): malformed JSON: expected a comma between items');
  });

  it('reports every meaning problem of a file at once', () => {
    expect(problemsOf(fixture('broken/several-faults.json'))).toEqual([
      'facilities[10].id: duplicate facility id "customs" (first at facilities[4])',
      'lanes.edges[3].crossBorder: is false but the edge crosses the border line',
      'facilities[3].footprint: scanner-bay "scanner" is not on any truck route',
      'process.riskChannels: green + yellow + red must add up to 1 (they add up to 1.25)',
    ]);
  });

  it('reports every shape problem of a file at once, each at its own line', () => {
    const scene = JSON.parse(minimalText);
    scene.facilities[0].lanes = 'four';
    scene.facilities[4].footprint.size[0] = -40;
    delete scene.process.exportShare;
    scene.views[0].zoom = 2;
    const text = JSON.stringify(scene, null, 2);
    const r = parseScene(text);
    expect(r.problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual(
      [
        'facilities[0].lanes: expected number, got string "four"',
        'facilities[4].footprint.size[0]: must be > 0',
        'process.exportShare: required (object)',
        'views[0].zoom: unknown field',
      ].sort(),
    );
    const at = (path: string) => r.problems.find((p) => p.path === path)?.line;
    expect(at('facilities[0].lanes')).toBe(lineOf(text, '"four"'));
    expect(at('views[0].zoom')).toBe(lineOf(text, '"zoom"'));
    // A missing field is reported at its parent object.
    expect(at('process.exportShare')).toBe(lineOf(text, '"process"'));
  });

  it('reports a facility of an unknown kind and still checks the rest: a duplicate id is not hidden', () => {
    const scene = JSON.parse(minimalText);
    scene.facilities[5].kind = 'toll-booth';
    scene.facilities[10].id = scene.facilities[4].id;
    const text = JSON.stringify(scene, null, 2);
    const r = parseScene(text);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^facilities\[5\]\.kind: must be one of /),
      'facilities[10].id: duplicate facility id "customs" (first at facilities[4])',
    ]);
    const second = text.split('\n').findLastIndex((l) => l.includes('"id": "customs"')) + 1;
    expect(r.problems[1]).toMatchObject({ line: second, params: { first: 'facilities[4]' } });
  });

  it('names problems of the rest at their place in the file, not in the list without the bad item', () => {
    const scene = JSON.parse(minimalText);
    scene.facilities[0].kind = 'toll-booth';
    scene.facilities[10].id = scene.facilities[4].id;
    expect(problemsOf(JSON.stringify(scene))).toContain('facilities[10].id: duplicate facility id "customs" (first at facilities[4])');
  });

  it('says nothing that only follows from an item left out: a yard of an unknown kind, a node of a wrong shape', () => {
    const yard = JSON.parse(minimalText);
    yard.facilities[6].kind = 'warehouse'; // vn-import: a crane and a node serve it
    expect(problemsOf(JSON.stringify(yard))).toEqual([expect.stringMatching(/^facilities\[6\]\.kind: must be one of /)]);
    const node = JSON.parse(minimalText);
    node.lanes.nodes[0].position = 'north'; // vn-a: edges lead to and from it
    node.facilities[10].id = node.facilities[4].id;
    expect(problemsOf(JSON.stringify(node))).toEqual([
      'lanes.nodes[0].position: expected tuple, got string "north"',
      'facilities[10].id: duplicate facility id "customs" (first at facilities[4])',
    ]);
  });

  it('checks nothing more when the shape is wrong outside the lists (no scene is left to check)', () => {
    const scene = JSON.parse(minimalText);
    delete scene.process.exportShare;
    scene.facilities[10].id = scene.facilities[4].id;
    expect(problemsOf(JSON.stringify(scene))).toEqual(['process.exportShare: required (object)']);
  });

  it('reports an empty file and trailing garbage as malformed', () => {
    expect(parseScene('').problems).toEqual([
      { path: '', message: 'malformed JSON: expected a value', line: 1, column: 1, code: 'json-syntax', params: { error: 'ValueExpected' } },
    ]);
    expect(parseScene('{}\n}').problems[0]).toMatchObject({
      message: 'malformed JSON: unexpected text after the end of the document',
      line: 2,
      column: 1,
    });
    expect(parseScene('[]').problems[0]).toMatchObject({ path: '', message: 'expected object, got an array' });
  });
});

describe('parseScene and byte-order marks', () => {
  it('reads a file saved with a UTF-8 byte-order mark like one without', () => {
    expect(parseScene(`\ufeff${minimalText}`).problems).toEqual([]);
    const comma = fixture('broken/missing-comma.json');
    expect(parseScene(`\ufeff${comma}`).problems).toEqual(parseScene(comma).problems);
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 7)).toEqual({ line: 4, column: 1 });
    expect(lineColumn(text, 8)).toEqual({ line: 4, column: 2 });
  });
});
