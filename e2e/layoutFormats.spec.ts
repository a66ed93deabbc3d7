import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openTwin, settle, watchErrors } from './twinPage';

const URL = '?mode=engineering&zone=1119-1120&scene=proposed&lang=en';

// SwiftShader WebGL on a shared machine: a page load takes 30–90 s, a drawn frame up to a second.
test.describe.configure({ timeout: 600_000 });

const editor = (page: Page) =>
  page.evaluate(() => {
    const e = window.__EDITOR__!;
    return { nodes: e.nodes, problems: e.problems, historySize: e.historySize };
  });

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const pick = (page: Page, format: 'lif' | 'geojson', name: string, text: string) =>
  page.getByTestId(`import-${format}-file`).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('LIF out and back in, a broken LIF refused with its reasons, a GeoJSON sketch back in; each import one undo step', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, URL);
  await settle(page, 10);
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');
  const before = await editor(page);

  // Export: an official-looking LIF file of the lane network.
  const lif = await download(page, 'export-lif');
  expect(lif.name).toBe('1119-1120-proposed.lif.json');
  const doc = JSON.parse(lif.text) as { metaInformation: { lifVersion: string }; layouts: { nodes: unknown[]; edges: unknown[]; stations: unknown[] }[] };
  expect(doc.metaInformation.lifVersion).toBe('1.0.0');
  expect(doc.layouts[0]!.nodes).toHaveLength(before.nodes.length);

  // Back in, with narrower lanes so the import shows: one undo step, the checker's problems in the list.
  const narrow = lif.text.replace(/"laneWidthM": 4\.5/g, '"laneWidthM": 2.5');
  await pick(page, 'lif', 'narrow.lif.json', narrow);
  await expect(page.getByTestId('import-done')).toContainText(`Imported narrow.lif.json (LIF): ${before.nodes.length} lane nodes`);
  await expect(page.getByTestId('layout-problems')).toContainText('narrower than an AGV');
  expect((await editor(page)).historySize).toBe(before.historySize + 1);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');

  // The file as exported comes back clean.
  await pick(page, 'lif', lif.name, lif.text);
  await expect(page.getByTestId('import-done')).toContainText('The checker finds nothing wrong');
  expect((await editor(page)).nodes).toEqual(before.nodes);
  const steps = (await editor(page)).historySize;

  // A broken file: an edge to a node that does not exist, a wrong type. Refused, nothing changed, each reason said.
  const broken = lif.text.replace('"endNodeId": "vn-park-a1"', '"endNodeId": "nowhere"').replace('"lifVersion": "1.0.0"', '"lifVersion": 1');
  await pick(page, 'lif', 'broken.lif.json', broken);
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('LIF file broken.lif.json not imported, nothing changed: 1 problem');
  await expect(refused).toContainText('6:5 metaInformation.lifVersion: must be string');
  await page.screenshot({ path: 'test-results/screenshots/engineering-lif-refused.png' });
  // With the type right, the unknown node is what stops it, named by its path and line.
  await pick(page, 'lif', 'broken.lif.json', broken.replace('"lifVersion": 1', '"lifVersion": "1.0.0"'));
  await expect(refused).toContainText(/\d+:11 layouts\[0\]\.edges\[1\]\.endNodeId: names no lane node \("nowhere"\)/);
  const after = await editor(page);
  expect(after.historySize).toBe(steps);
  expect(after.nodes).toEqual(before.nodes);
  expect(after.problems).toEqual([]);

  // GeoJSON: the export read back as a layout, with what it cannot keep said.
  const geo = await download(page, 'export-geojson');
  await pick(page, 'geojson', geo.name, geo.text);
  await expect(page.getByTestId('import-done')).toContainText(`Imported ${geo.name} (GeoJSON): 37 facilities, ${before.nodes.length} lane nodes`);
  await expect(page.getByTestId('import-done')).toContainText("truck routes not kept: the scene's own are used");
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');
  await settle(page, 5);
  await page.screenshot({ path: 'test-results/screenshots/engineering-geojson-imported.png' });
  expect(errors).toEqual([]);
});
