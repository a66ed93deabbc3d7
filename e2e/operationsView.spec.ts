import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { openTwin, settle, watchErrors, watchExternal } from './twinPage';

// A smaller canvas: the software renderer draws it faster on a busy machine; the panels still fit.
test.use({ viewport: { width: 1280, height: 760 } });

const REPLAY = '?zone=1088/2-1089&scene=proposed&mode=operations&source=replay&file=sample:1088-2-1089-proposed&lang=en';

/** The numbers of one column of the operations fleet list, top to bottom ('—' as NaN). */
async function column(page: Page, index: number): Promise<number[]> {
  const cells = await page
    .getByTestId('ops-fleet')
    .locator(`tbody tr td:nth-child(${index + 1})`)
    .allTextContents();
  return cells.map((c) => (c.trim() === '—' ? Number.NaN : Number(c.replace(/[^\d.-]/g, ''))));
}

/** Pixels of the canvas in the heat map's bright green, yellow or red (lane paint and ground are darker or bluer). */
async function heatPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.locator('canvas').first().screenshot());
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const r = png.data[i]!;
    const g = png.data[i + 1]!;
    const b = png.data[i + 2]!;
    if ((g > 150 && r < 110 && b < 130) || (r > 190 && b < 90)) n++;
  }
  return n;
}

test('operations view: the fleet list sorts and filters, a row makes the camera follow its AGV, the heat map and the battery rule colour the map', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await openTwin(page, REPLAY);
  await expect(page.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  const list = page.getByTestId('ops-fleet');
  await expect(list.locator('tbody tr')).toHaveCount(24, { timeout: 60_000 });

  // Sorted by battery, lowest first; again, highest first.
  await page.getByTestId('ops-sort-battery').click();
  const up = await column(page, 3);
  expect(up.filter((x) => !Number.isNaN(x)).length).toBe(24);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await page.getByTestId('ops-sort-battery').click();
  const down = await column(page, 3);
  expect(down).toEqual([...down].sort((a, b) => b - a));

  // Filtered by text: nine AGVs are named AGV-00…, one AGV-012; no match says so.
  await page.getByTestId('ops-filter').fill('agv-00');
  await expect(list.locator('tbody tr')).toHaveCount(9);
  await page.getByTestId('ops-filter').fill('AGV-012');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('ops-count')).toHaveText('1 of 24');
  await page.getByTestId('ops-filter').fill('nobody');
  await expect(list).toContainText('No vehicle matches the filter.');
  await page.getByTestId('ops-filter').fill('');

  // The heat map gathers while the recording plays; switched on it paints the lanes.
  const before = await heatPixels(page);
  await page.getByTestId('replay-speed').selectOption('64');
  await page.getByTestId('replay-play').click();
  await expect.poll(() => page.evaluate(() => window.__TWIN__.replay.clockS - window.__TWIN__.replay.startS), { timeout: 90_000 }).toBeGreaterThan(60);
  // Paused there, or at the end if the player got there first.
  if ((await page.getByTestId('replay-status').textContent()) === 'Running') await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-status')).toHaveText(/Paused|End of recording/);
  await page.getByTestId('ops-heatmap').check();
  await expect(page.getByTestId('ops-heat-legend')).toBeVisible();
  await settle(page, 3);
  expect(await heatPixels(page)).toBeGreaterThan(before + 500);

  // A click on a row selects the AGV and the camera follows it: its target comes to the AGV's position.
  await page.getByTestId('ops-row-AGV-005').click();
  await expect(page.getByTestId('ops-follow')).toHaveText('Following AGV-005');
  const panel = page.getByTestId('ops-console').getByTestId('vehicle-panel');
  await expect(panel).toContainText('m east');
  const m = /([-\d,.]+) m east, ([-\d,.]+) m north/.exec((await panel.textContent()) ?? '');
  expect(m).not.toBeNull();
  const [east, north] = [Number(m![1]!.replace(/,/g, '')), Number(m![2]!.replace(/,/g, ''))];
  const canvas = page.locator('canvas').first();
  await expect
    .poll(
      async () => {
        const at = await canvas.getAttribute('data-follow-target');
        if (!at) return Infinity;
        const [x, y] = at.split(',').map(Number);
        return Math.hypot(x! - east, y! - north);
      },
      { timeout: 120_000 },
    )
    .toBeLessThan(2);

  // Colour by battery: the legend names the thresholds; the AGVs take the colours.
  await page.getByTestId('ops-colour-rule').selectOption('battery');
  await expect(page.getByTestId('ops-rule-legend')).toContainText('≤ 20 %');
  await expect(page.getByTestId('ops-rule-legend')).toContainText('above 50 %');
  await settle(page, 3);
  await page.screenshot({ path: 'test-results/screenshots/operations-view.png' });

  // Escape stops following; the selection stays.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ops-follow')).toHaveText('Follow AGV-005');
  await expect(canvas).not.toHaveAttribute('data-follow-target');
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});
