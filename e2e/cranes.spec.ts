import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { CraneRow } from '../src/app/twinProbe';
import { CRANE_PHASES, craneCyclePose, cranePose } from '../src/domain/craneCyclePose';
import { openTwin, settle, watchErrors, watchExternal } from './twinPage';

interface SceneFile {
  readonly facilities: readonly { id: string; kind: string; footprint: { position: [number, number]; rotation: number; height: number } }[];
}
const scene = JSON.parse(readFileSync('scenes/1119-1120/2030.json', 'utf8')) as SceneFile;

const cranesOf = (page: Page) => page.evaluate(() => window.__TWIN__.cranes);
const craneOf = async (page: Page, id: string) => (await cranesOf(page)).find((c) => c.id === id)!;
const simOf = (page: Page) => page.evaluate(() => window.__TWIN__.sim);

/** What the phase function says of a row's cycle at the clock the row was drawn at. */
function expected(row: CraneRow) {
  return craneCyclePose(row.startS, row.durationS, row.clockS, { rest: row.rest, pick: row.pick, drop: row.drop }, cranePose());
}

function expectDrawnAsComputed(row: CraneRow) {
  const want = expected(row);
  expect(row.phase, `${row.id} at ${row.clockS}`).toBe(want.phase);
  expect(row.loaded).toBe(want.loaded);
  // The probe keeps poses as 32-bit floats: a millimetre.
  expect(row.gantryM).toBeCloseTo(want.gantryM, 2);
  expect(row.trolleyM).toBeCloseTo(want.trolleyM, 2);
  expect(row.hoistM).toBeCloseTo(want.hoistM, 2);
}

/** Page position of the crane-frame point (u metres along the runway from the gantry's centre, v across, up). */
async function gantryOnScreen(page: Page, row: CraneRow, du: number, v: number, up: number) {
  const f = scene.facilities.find((x) => x.id === row.id)!;
  const [x, y] = f.footprint.position;
  const c = Math.cos(f.footprint.rotation);
  const s = Math.sin(f.footprint.rotation);
  const u = row.gantryM + du;
  return page.evaluate(([e, n, h]) => window.__TWIN__.screenAt(e!, n!, h!), [x + u * c - v * s, y + u * s + v * c, up]);
}

test('cranes work through their cycles in the 3D view, time-true to the simulation clock', async ({ page }) => {
  test.setTimeout(420_000);
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await openTwin(page, '?zone=1119-1120&scene=2030&lang=en&t=10:00&seed=3&speed=1');
  const rows = await cranesOf(page);
  expect(rows.map((r) => r.id)).toEqual(scene.facilities.filter((f) => f.kind === 'crane').map((f) => f.id));

  // A crane early in a cycle, so that two reads a few simulated seconds apart fall in the same cycle.
  let working: CraneRow | undefined;
  await expect
    .poll(
      async () => {
        working = (await cranesOf(page)).find((c) => c.move !== 0 && c.phase >= 0 && (c.clockS - c.startS) / c.durationS < 0.3);
        return working?.id;
      },
      { timeout: 120_000 },
    )
    .toBeDefined();
  const first = working!;
  expectDrawnAsComputed(first);
  await expect.poll(async () => (await craneOf(page, first.id)).clockS, { timeout: 30_000 }).toBeGreaterThan(first.clockS + 3);
  const second = await craneOf(page, first.id);
  expect(second.cycle).toBe(first.cycle);
  expect(second.startS).toBeCloseTo(first.startS, 1);
  expectDrawnAsComputed(second);
  const moved = Math.max(...(['gantryM', 'trolleyM', 'hoistM'] as const).map((k) => Math.abs(second[k] - first[k])));
  expect(moved, `${first.id} from ${CRANE_PHASES[first.phase]} to ${CRANE_PHASES[second.phase]}`).toBeGreaterThan(0.1);

  // Ten times faster: still where the phase function puts it at the clock.
  await page.getByTestId('sim-speed').selectOption('10');
  await expect.poll(async () => (await simOf(page)).speed).toBe(10);
  for (let k = 0; k < 5; k++) {
    await settle(page, 5);
    for (const row of await cranesOf(page)) expectDrawnAsComputed(row);
  }

  // Select a working crane the default view shows clear of the panels (the camera flies to it), wait until it
  // carries a container, pause: it stops there. Aim inside a girder (3.5 m of the design's 60 off the gantry's
  // centre, 23.3 m of its 26 up): nothing stands above it.
  await page.getByTestId('sim-speed').selectOption('1');
  await expect.poll(async () => (await simOf(page)).speed).toBe(1);
  // Paused, so that the gantry aimed at is still there when clicked; until one works where the view shows it, play on.
  let chosen: { id: string; x: number; y: number } | undefined;
  const pause = async (paused: boolean) => {
    if (((await simOf(page)).status === 'paused') !== paused) await page.getByTestId('sim-play').click();
    await expect.poll(async () => (await simOf(page)).status).toBe(paused ? 'paused' : 'playing');
    await settle(page, 3);
  };
  await expect
    .poll(
      async () => {
        await pause(true);
        for (const row of await cranesOf(page)) {
          const f = scene.facilities.find((x) => x.id === row.id)!;
          if (row.move === 0 || !row.id.startsWith('vn-')) continue;
          const at = await gantryOnScreen(page, row, (3.5 * 80) / 60, 0, (23.3 * f.footprint.height) / 26);
          if (at && at.x > 380 && at.x < 1150 && at.y > 230 && at.y < 820) return (chosen = { id: row.id, ...at }).id;
        }
        await pause(false);
        await settle(page, 10);
        return undefined;
      },
      { timeout: 60_000 },
    )
    .toBeDefined();
  await page.mouse.click(chosen!.x, chosen!.y);
  await expect(page.getByTestId('facility-panel')).toContainText(chosen!.id);
  const id = chosen!.id;
  await settle(page, 40);
  let carrying: CraneRow | undefined;
  for (let attempt = 0; attempt < 8 && !carrying?.loaded; attempt++) {
    await pause(false);
    // Travelling loaded, at travel height: the container clear above the stacks for the picture.
    await expect
      .poll(
        async () => {
          const c = await craneOf(page, id);
          return c.loaded && CRANE_PHASES[c.phase] === 'travel-to-drop';
        },
        { timeout: 120_000, intervals: [50] },
      )
      .toBe(true);
    await pause(true);
    carrying = await craneOf(page, id);
    if (CRANE_PHASES[carrying.phase] !== 'travel-to-drop') carrying = undefined;
  }
  expect(carrying?.loaded, 'paused with a container hanging at travel height').toBe(true);
  await settle(page, 10);
  const still = await craneOf(page, id);
  expect(still).toEqual(carrying);
  expectDrawnAsComputed(still);

  // Close up: select it again (the camera flies to its centre, so it stays in the picture), orbit down to look at
  // it from the side, zoom in on the centre; the mouse off the canvas, so no tooltip.
  const panel = page.getByTestId('facility-panel');
  const girder = await gantryOnScreen(page, still, (3.5 * 80) / 60, 0, (23.3 * scene.facilities.find((x) => x.id === id)!.footprint.height) / 26);
  await page.mouse.click(girder!.x, girder!.y);
  await expect(panel).toContainText(id);
  await settle(page, 40);
  await panel.getByRole('button', { name: 'Close' }).click();
  const box = (await page.locator('canvas').first().boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x, centre.y - 20, { steps: 5 });
  await page.mouse.move(centre.x, centre.y - 40, { steps: 5 });
  await page.mouse.up();
  await settle(page, 10);
  if (await panel.isVisible()) await panel.getByRole('button', { name: 'Close' }).click();
  for (let k = 0; k < 2; k++) {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -120);
    await settle(page, 15);
  }
  // A drag that ends on a crane is also a click on it: close the panel it opens.
  if (await panel.isVisible()) await panel.getByRole('button', { name: 'Close' }).click();
  await page.mouse.move(100, 850);
  await settle(page, 20);
  await page.screenshot({ path: 'test-results/screenshots/crane-cycle.png' });

  // The cranes are one instanced mesh per part: hiding the kind removes those draw calls, whatever their number.
  // Paused, nothing else drawn comes or goes; one container hangs, so the sixth mesh is drawn.
  const drawCalls = () => page.evaluate(() => window.__TWIN__.render.drawCalls);
  const shown = await drawCalls();
  await page
    .getByTestId('legend')
    .getByRole('button', { name: /Automated crane/ })
    .click();
  await expect.poll(drawCalls).toBeLessThan(shown);
  await settle(page, 5);
  const hidden = await drawCalls();
  console.log(`draw calls with ${rows.length} cranes: ${shown} shown, ${hidden} hidden`);
  expect(shown - hidden).toBe(6);
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});
