import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { press, setFields } from './studyForm';
import { openTwin, settle, watchErrors } from './twinPage';

const simOf = (page: Page) => page.evaluate(() => window.__TWIN__.sim);

/** Pixels of the canvas as shown that are clearly the spill-back red (data/equipment.json queueTint, lit and shaded). */
async function redPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.locator('canvas').first().screenshot());
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r > 120 && r > 2.2 * g && r > 2.2 * b) n++;
  }
  return n;
}

const metres = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('trucks have length: at Tân Thanh with 1,000 trucks a day the queue stands on the road, drawn red, and the HUD says how long', async ({ page }) => {
  const errors = watchErrors(page);
  // Import trucks come in from China and queue before the Vietnamese scanner; their route has no holding area.
  await openTwin(page, '?zone=1088/2-1089&scene=today&lang=en&vpd=1000&t=16:30&seed=1');
  await expect.poll(async () => (await simOf(page)).clockS, { timeout: 60_000 }).toBeGreaterThanOrEqual(16.5 * 3600);
  await page.getByTestId('sim-play').click();
  await expect.poll(async () => (await simOf(page)).status).toBe('paused');
  const hud = page.getByTestId('kpi-spillback');
  await expect(hud).toContainText('Queue on the road');
  await expect.poll(async () => metres(await page.getByTestId('kpi-spillback-m').innerText())).toBeGreaterThan(500);
  await expect(hud).toContainText(/most since 00:00 [\d,]+ m/);
  // The export trucks' holding area is listed with its capacity.
  await expect(page.getByTestId('kpi-holding-vn-border-holding')).toContainText(/\d+\/60/);

  await page.getByTestId('view-corridor').click();
  await settle(page, 20);
  expect(await redPixels(page)).toBeGreaterThan(300);
  await page.screenshot({ path: 'test-results/screenshots/spillback.png' });

  // In Vietnamese, the same panel.
  await openTwin(page, '?zone=1088/2-1089&scene=today&lang=vi&vpd=1000&t=16:30&seed=1');
  await expect(page.getByTestId('kpi-spillback')).toContainText('Hàng xe trên đường');
  expect(errors).toEqual([]);
});

test('a holding area full, and the queue kilometres back along the road: 1119–1120 today with 3,000 trucks a day', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=today&lang=en&vpd=3000&t=14:00&seed=1');
  await expect.poll(async () => (await simOf(page)).clockS, { timeout: 60_000 }).toBeGreaterThanOrEqual(14 * 3600);
  await page.getByTestId('sim-play').click();
  await expect.poll(async () => (await simOf(page)).status).toBe('paused');
  await expect(page.getByTestId('kpi-holding-vn-import-parking')).toContainText(/70\/70, first full \d\d:\d\d/);
  await expect.poll(async () => metres(await page.getByTestId('kpi-spillback-m').innerText())).toBeGreaterThan(5000);
  await page.getByTestId('view-overview').click();
  await settle(page, 20);
  await page.screenshot({ path: 'test-results/screenshots/spillback-holding.png' });
  expect(errors).toEqual([]);
});

test('the study result lists the holding areas: how full, from when, and the queue on the road beyond them', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openTwin(page, '?mode=engineering&zone=1088/2-1089&scene=today&lang=en');
  const tab = page.getByTestId('tab-study');
  if ((await tab.count()) > 0) await tab.click();
  await expect(page.getByTestId('study-panel')).toBeVisible();
  await setFields(page, { vehiclesPerDay: '1000', hours: '24', warmupDays: '0', replications: '2' });
  await press(page, 'study-run');
  const table = page.getByTestId('study-result-edited-holding');
  await expect(table).toBeVisible({ timeout: 120_000 });
  await expect(table.locator('caption')).toHaveText('Truck holding areas and the queue on the road beyond them (mean ± 95 % CI)');
  const exportArea = table.locator('tr[data-area="vn-border-holding"]');
  await expect(exportArea).toContainText('(60 trucks)');
  const importRoad = table.locator('tr[data-area="vn-border-exit"]');
  await expect(importRoad).toContainText('No holding area: the road before');
  await expect.poll(async () => metres((await importRoad.locator('td').nth(4).innerText()).split(/[±(]/)[0]!)).toBeGreaterThan(500);
  await page.getByTestId('study-result-edited').screenshot({ path: 'test-results/screenshots/spillback-study.png' });
  expect(errors).toEqual([]);
});
