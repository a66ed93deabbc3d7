import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sceneToLif } from '../../domain/lif/sceneToLif';
import { parseScene } from '../../domain/parseScene';
import { formatProblem } from '../../domain/problem';
import { LayoutEditor } from '../../store/layout/LayoutEditor';
import { importLayoutText, sceneFileText } from './sceneFiles';

describe('scene file text', () => {
  it('reads back through parseScene after edits, as the same scene', () => {
    const r = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
    if (!r.ok) throw new Error('scene');
    const e = new LayoutEditor(r.scene);
    e.setAssumption('fleet.agv.count', 80, 'study 2026');
    e.rotateFacility('vn-customs', 0.5);
    const back = parseScene(sceneFileText(e.scene), 'edited.json');
    expect(back.ok).toBe(true);
    expect(back.scene).toEqual(e.scene);
  });
});

describe('importLayoutText', () => {
  const r = parseScene(readFileSync('scenes/1119-1120/proposed.json', 'utf8'));
  if (!r.ok) throw new Error('scene');
  const scene = r.scene;
  const lifText = `${JSON.stringify(sceneToLif(scene, { exportTimestamp: '2026-05-01T08:00:00Z' }))}\n`;

  it("puts a LIF file's lanes in the editor as one undo step, the checker's problems in its list", () => {
    const e = new LayoutEditor(scene);
    const narrow = lifText.replace('"laneWidthM":4.5', '"laneWidthM":2');
    const out = importLayoutText(e, 'lif', 'narrow.lif.json', narrow);
    expect(out.ok).toBe(true);
    expect(e.scene.lanes.edges[0]!.widthM).toBe(2);
    expect(e.getState().problems.map((p) => p.code)).toEqual(['lane-too-narrow']);
    e.undo();
    expect(e.scene.lanes).toEqual(scene.lanes);
  });

  it('changes nothing when the file is refused, and says why by path and line', () => {
    const e = new LayoutEditor(scene);
    const out = importLayoutText(e, 'lif', 'bad.lif.json', lifText.replace('"lifVersion":"1.0.0"', '"lifVersion":1'));
    expect(out.ok ? [] : out.problems.map((p) => formatProblem(p))).toEqual(['1:175 metaInformation.lifVersion: must be string']);
    expect(e.scene).toBe(scene);
    expect(e.getState().canUndo).toBe(false);
    const geo = importLayoutText(e, 'geojson', 'bad.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"}]}');
    expect(geo.ok ? [] : geo.problems.map((p) => formatProblem(p))).toEqual([
      '1:41 features[0].properties.layer: required: one of facility, lane-node, lane-edge, truck-route, border, border-marker (or a feature id starting facility:, node:, edge:)',
    ]);
    expect(e.scene).toBe(scene);
  });
});
