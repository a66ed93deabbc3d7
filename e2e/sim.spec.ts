import { expect, test, type Page } from '@playwright/test';
import { openTwin, settle, twin, watchErrors, watchExternal } from './twinPage';

const simOf = (page: Page) => page.evaluate(() => window.__TWIN__.sim);

/** Waits until the simulation has delivered `n` more frames to the page. */
async function simFrames(page: Page, n: number) {
  const start = (await simOf(page)).frames;
  await expect.poll(async () => (await simOf(page)).frames, { timeout: 60_000 }).toBeGreaterThan(start + n);
}

test('the twin starts on the simulated fleet: the clock runs, AGVs and trucks move, the HUD counts', async ({ page }) => {
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&t=08:00&seed=3');
  await simFrames(page, 3);
  const first = await simOf(page);
  expect(first.status).toBe('playing');
  expect(first.clockS).toBeGreaterThanOrEqual(8 * 3600);
  expect(first.agvs).toBe(40);
  expect(first.trucks).toBeGreaterThan(0);
  await simFrames(page, 5);
  expect((await simOf(page)).clockS).toBeGreaterThan(first.clockS);
  const t = await twin(page);
  expect(t.fleet.agvs).toBe(40);
  await expect(page.getByTestId('sim-hud')).toContainText('Cleared');
  await expect(page.getByTestId('kpi-cleared')).not.toHaveText('0');
  await expect(page.getByTestId('sim-clock')).toContainText('Day 1 · 08:');

  await page.getByTestId('sim-play').click();
  await expect.poll(async () => (await simOf(page)).status).toBe('paused');
  const paused = (await simOf(page)).clockS;
  await settle(page, 10);
  expect((await simOf(page)).clockS).toBe(paused);
  await page.getByTestId('sim-speed').selectOption('1000');
  await page.getByTestId('sim-play').click();
  await simFrames(page, 5);
  const fast = await simOf(page);
  expect(fast.speed).toBe(1000);
  expect(fast.clockS).toBeGreaterThan(paused);

  await page.getByTestId('view-gate').click();
  await page.getByTestId('sim-paths').check();
  await settle(page, 15);
  await page.screenshot({ path: 'test-results/screenshots/sim-1119-1120-gate.png' });
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test('the present-day layout runs trucks without AGVs', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=today&lang=vi&t=10:00');
  await simFrames(page, 3);
  const s = await simOf(page);
  expect(s.agvs).toBe(0);
  expect(s.trucks).toBeGreaterThan(0);
  await expect(page.getByTestId('sim-hud')).toContainText('Bố trí này không có AGV');
  expect(errors).toEqual([]);
});

test('malformed simulation settings in the URL are listed by name and the defaults run', async ({ page }) => {
  await openTwin(page, '?zone=1088/2-1089&scene=proposed&lang=en&speed=fast&t=31:00');
  await expect(page.getByTestId('problem-panel')).toContainText('speed');
  await expect(page.getByTestId('problem-panel')).toContainText('"31:00" is not a time of day');
  await simFrames(page, 2);
  expect((await simOf(page)).speed).toBe(10);
});

test('a file that is no recording, opened while the simulation runs, is named as a problem and the simulation goes on; the replay picker leads back to it', async ({
  page,
}) => {
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&t=08:00&seed=3');
  await simFrames(page, 3);
  await page.getByTestId('file-input').setInputFiles({ name: 'notes.mcap', mimeType: 'application/octet-stream', buffer: Buffer.from('not a recording') });
  await expect(page.getByTestId('problem-panel')).toContainText('notes.mcap');
  await expect(page.getByTestId('replay-open')).toHaveCount(0);
  await expect(page.getByTestId('sim-hud')).toBeVisible();
  await simFrames(page, 3);

  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&source=replay');
  await page.getByTestId('replay-back').click();
  await expect(page.getByTestId('replay-open')).toHaveCount(0);
  await simFrames(page, 3);
  await expect(page.getByTestId('sim-hud')).toBeVisible();
});
