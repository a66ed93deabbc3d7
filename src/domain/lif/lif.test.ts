import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedScene, SHIPPED_SCENE_FILES } from '../fixtures/shippedScenes';
import { readImportDefaults } from '../layoutImport';
import { formatProblem } from '../problem';
import type { Scene } from '../sceneSchema';
import { lifToScene } from './lifToScene';
import { TWIN_VEHICLE_TYPE, type LifDocument } from './lifTypes';
import { sceneToLif } from './sceneToLif';
import { lifSchemaProblems, pointerToPath, readLif } from './validateLif';

const root = new URL('../../../', import.meta.url);
const defaults = readImportDefaults(JSON.parse(readFileSync(new URL('data/editor.json', root), 'utf8')));
const SCENES = SHIPPED_SCENE_FILES;
const load = loadShippedScene;

const proposed = load('scenes/1119-1120/proposed.json');
const STAMP = { exportTimestamp: '2026-05-01T08:00:00.00Z' };
const text = (lif: unknown) => `${JSON.stringify(lif, null, 2)}\n`;
/** The proposed scene's LIF, changed by `edit` (a deep copy), as file text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits the document freely, into invalid shapes too
function edited(edit: (lif: any) => void): string {
  const lif = JSON.parse(JSON.stringify(sceneToLif(proposed, STAMP)));
  edit(lif);
  return text(lif);
}
function refusal(source: string, base: Scene = proposed): string[] {
  const r = lifToScene(source, base, { defaults });
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems.map((p) => formatProblem(p));
}

describe('LIF export → official schema → import', () => {
  it.each(SCENES)('%s comes back with the same lane network', (file) => {
    const scene = load(file);
    const lif = sceneToLif(scene, STAMP);
    expect(lifSchemaProblems(lif)).toEqual([]);
    // Through the file text, as a user would hand it over; into a scene whose lanes are gone.
    const r = lifToScene(text(lif), { ...scene, lanes: { nodes: [], edges: [] } }, { defaults });
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    expect(r.check).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.scene.lanes.nodes).toEqual(scene.lanes.nodes);
    expect(r.scene.lanes.edges).toEqual(scene.lanes.edges);
    expect(r.scene).toEqual(scene);
  });

  it('writes LIF the way the specification reads: stations by facility, roles by VDA 5050 actions, one vehicle type', () => {
    const lif = sceneToLif(proposed, STAMP);
    const [layout] = lif.layouts;
    expect(lif.metaInformation).toMatchObject({ lifVersion: '1.0.0', exportTimestamp: STAMP.exportTimestamp });
    expect(layout!.nodes).toHaveLength(proposed.lanes.nodes.length);
    const yard = layout!.stations.find((s) => s.stationId === 'vn-import-yard')!;
    expect(yard.interactionNodeIds).toEqual(proposed.lanes.nodes.filter((n) => n.serves === 'vn-import-yard').map((n) => n.id));
    const node = layout!.nodes.find((n) => n.nodeId === yard.interactionNodeIds[0])!;
    expect(node.vehicleTypeNodeProperties).toEqual([
      { vehicleTypeId: TWIN_VEHICLE_TYPE, actions: [{ actionType: 'drop', requirementType: 'CONDITIONAL', blockingType: 'HARD' }] },
    ]);
    const edge = layout!.edges[0]!;
    const twin = proposed.lanes.edges[0]!;
    expect(edge).toEqual({
      edgeId: twin.id,
      startNodeId: twin.from,
      endNodeId: twin.to,
      vehicleTypeEdgeProperties: [
        { vehicleTypeId: TWIN_VEHICLE_TYPE, rotationAllowed: false, maxSpeed: twin.speedLimitMps, smartGateTwin: { laneWidthM: twin.widthM } },
      ],
    });
    // A parking node serves nothing, so no station says it: the extension does.
    const park = proposed.lanes.nodes.find((n) => n.role === 'park')!;
    expect(layout!.nodes.find((n) => n.nodeId === park.id)!.vehicleTypeNodeProperties[0]!.smartGateTwin).toEqual({ role: 'park' });
  });
});

describe('LIF import of a file without the twin extension', () => {
  it('fills the lane width with the named default, takes no maxSpeed as the AGV top speed, and says both', () => {
    const source = edited((lif) => {
      for (const e of lif.layouts[0]!.edges) {
        delete e.vehicleTypeEdgeProperties[0].smartGateTwin;
        delete e.vehicleTypeEdgeProperties[0].maxSpeed;
      }
    });
    const r = lifToScene(source, proposed, { defaults });
    if (!r.ok) throw new Error('refused');
    expect(r.scene.lanes.edges.every((e) => e.widthM === defaults.laneWidthM.value && e.speedLimitMps === proposed.fleet.agv.maxSpeedMps.value)).toBe(
      true,
    );
    const n = proposed.lanes.edges.length;
    expect(r.notes.map((p) => p.message)).toEqual([
      `lane width (m) not in the file: 4.5 used for ${n} (${defaults.laneWidthM.source})`,
      `speed limit (m/s) not in the file: 6.94 used for ${n} (no limit in LIF: the AGV's top speed, fleet.agv.maxSpeedMps (${proposed.fleet.agv.maxSpeedMps.source}))`,
    ]);
    expect(r.notes[0]).toMatchObject({ path: 'layouts[0].edges[0].vehicleTypeEdgeProperties[0]', line: expect.any(Number) });
  });

  it('says what it cannot keep (a trajectory, rotation) and leaves out what is for another vehicle type', () => {
    const source = edited((lif) => {
      const p = lif.layouts[0]!.edges[2].vehicleTypeEdgeProperties[0];
      p.trajectory = {
        degree: 1,
        knotVector: [0, 0, 1, 1],
        controlPoints: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
      };
      p.rotationAllowed = true;
      lif.layouts[0]!.nodes.push({
        nodeId: 'forklift-only',
        nodePosition: { x: 0, y: 0 },
        vehicleTypeNodeProperties: [{ vehicleTypeId: 'acme.forklift' }],
      });
    });
    const r = lifToScene(source, proposed, { defaults, vehicleTypeId: TWIN_VEHICLE_TYPE });
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    expect(r.notes.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "layouts[0].edges[2].vehicleTypeEdgeProperties[0].trajectory: trajectories not kept: the twin's lanes run straight between their nodes (1 in the file)",
      'layouts[0].edges[2].vehicleTypeEdgeProperties[0]: rotation on edges and at nodes not kept: the twin does not model AGVs turning (1 in the file)',
      'layouts[0].nodes: 1 left out: not for vehicle type "smart-gate-twin.container-agv"',
    ]);
    expect(r.scene.lanes).toEqual(proposed.lanes);
  });
});

describe('LIF import refusals', () => {
  it('names malformed JSON by line and column', () => {
    const source = text(sceneToLif(proposed, STAMP)).replace('"layouts": [', '"layouts": [,');
    const line = source.split('\n').findIndex((l) => l.includes('"layouts": [,')) + 1;
    expect(refusal(source)).toEqual([`${line}:15 (file): malformed JSON: expected a value`]);
  });

  it('names schema violations by path and line', () => {
    const source = edited((lif) => {
      lif.layouts[0]!.nodes[1].nodePosition.x = '12';
      delete lif.layouts[0]!.edges[0].vehicleTypeEdgeProperties[0].rotationAllowed;
      delete lif.metaInformation.lifVersion;
      lif.layouts[0]!.nodes[3].vehicleTypeNodeProperties[0].actions = [{ actionType: 'pick', blockingType: 'SOMETIMES' }];
    });
    const lines = source.split('\n');
    const lineOf = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
    expect(refusal(source)).toEqual([
      `2:22 metaInformation.lifVersion: required by the LIF schema`,
      `${lineOf('"x": "12"')}:13 layouts[0].nodes[1].nodePosition.x: must be number`,
      `${lineOf('"blockingType": "SOMETIMES"')}:19 layouts[0].nodes[3].vehicleTypeNodeProperties[0].actions[0].blockingType: must be one of "NONE", "SOFT", "HARD"`,
      `${lineOf('"vehicleTypeId"', lineOf('"edges": [')) - 1}:13 layouts[0].edges[0].vehicleTypeEdgeProperties[0].rotationAllowed: required by the LIF schema`,
    ]);
  });

  it('refuses an edge to an unknown node, a station for a facility not in the scene, a node in two stations, repeated ids', () => {
    const N = proposed.lanes.nodes.length;
    const source = edited((lif) => {
      const [l] = lif.layouts;
      l!.edges[5].endNodeId = 'nowhere';
      l!.stations[0].stationId = 'no-such-yard';
      l!.stations[2].interactionNodeIds.push(l!.stations[1].interactionNodeIds[0]);
      const type = [{ vehicleTypeId: TWIN_VEHICLE_TYPE }];
      l!.nodes.push({ nodeId: l!.nodes[3].nodeId, nodePosition: { x: 1, y: 2 }, vehicleTypeNodeProperties: type });
      l!.nodes.push({ nodeId: 'has space', nodePosition: { x: 1, y: 2 }, vehicleTypeNodeProperties: type });
    });
    expect(refusal(source).map((s) => s.replace(/^\d+:\d+ /, ''))).toEqual([
      `layouts[0].nodes[${N}].nodeId: repeats the id "${proposed.lanes.nodes[3]!.id}" of layouts[0].nodes[3]`,
      `layouts[0].nodes[${N + 1}].nodeId: "has space" cannot be a twin id: letters, digits and _ . : / - only, no spaces`,
      'layouts[0].stations[0].stationId: names no facility of the scene ("no-such-yard"): a station is the facility its nodes serve',
      expect.stringMatching(
        /^layouts\[0\]\.stations\[2\]\.interactionNodeIds\[\d+\]: node "[^"]+" is already in layouts\[0\]\.stations\[1\]\.interactionNodeIds\[0\]: a twin node serves one facility$/,
      ),
      'layouts[0].edges[5].endNodeId: names no node of vehicle type "smart-gate-twin.container-agv" in this layout ("nowhere")',
    ]);
  });

  it('asks for a choice where the file has several layouts or vehicle types, and reads no LIF 2', () => {
    const two = edited((lif) => {
      lif.layouts.push({ ...lif.layouts[0]!, layoutId: 'level-2' });
    });
    expect(refusal(two)).toEqual([expect.stringMatching(/ layouts: the file has 2 layouts \(1119-1120-proposed, level-2\): choose one$/)]);
    const r = lifToScene(two, proposed, { defaults, layoutId: 'level-2' });
    expect(r.ok).toBe(true);
    const types = edited((lif) => {
      lif.layouts[0]!.edges[0].vehicleTypeEdgeProperties.push({ vehicleTypeId: 'acme.forklift', rotationAllowed: false });
    });
    expect(refusal(types)).toEqual([
      expect.stringMatching(/ layouts\[0\]: the file has 2 vehicle types \(smart-gate-twin.container-agv, acme.forklift\): choose one$/),
    ]);
    const v2 = edited((lif) => {
      lif.metaInformation.lifVersion = '2.0.0';
    });
    expect(refusal(v2)).toEqual(['6:5 metaInformation.lifVersion: LIF 2.0.0 is not read: this twin reads LIF 1.x']);
  });

  it('returns the checker problems of the new scene, traced to the edge in the file', () => {
    const source = edited((lif) => {
      lif.layouts[0]!.edges[7].vehicleTypeEdgeProperties[0].smartGateTwin.laneWidthM = 1;
    });
    const r = lifToScene(source, proposed, { defaults });
    if (!r.ok) throw new Error('refused');
    expect(r.check).toEqual([
      {
        problem: expect.objectContaining({ path: 'lanes.edges[7].widthM', code: 'lane-too-narrow' }),
        at: { path: 'layouts[0].edges[7]', line: expect.any(Number), column: 9 },
      },
    ]);
  });
});

describe('JSON Pointer to field path', () => {
  it('reads escapes and indexes', () => {
    expect(pointerToPath('/layouts/0/nodes/12/nodePosition')).toBe('layouts[0].nodes[12].nodePosition');
    expect(pointerToPath('/a~1b/c~0d')).toBe('a/b.c~d');
    expect(pointerToPath('')).toBe('');
  });

  it('reads the official example of a charging station as invalid (its stationHeight is a string)', () => {
    const r = readLif(
      '{"metaInformation":{"projectIdentification":"x","creator":"y","exportTimestamp":"z","lifVersion":"0.11.0"},"layouts":[{"layoutId":"L","layoutVersion":"1","nodes":[],"edges":[],"stations":[{"stationId":"S","interactionNodeIds":[],"stationHeight":"0.0"}]}]}',
    );
    expect(r.ok ? [] : r.problems.map((p) => formatProblem(p))).toEqual(['1:230 layouts[0].stations[0].stationHeight: must be number']);
  });
});

export type { LifDocument };
