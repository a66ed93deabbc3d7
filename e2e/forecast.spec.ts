import { expect, test } from '@playwright/test';
import { openTwin, watchErrors } from './twinPage';

const forecast = (page: import('@playwright/test').Page) => page.evaluate(() => window.__TWIN__.traffic.forecast);

test('the operations console forecasts the simulation’s next hour in a worker: a band of containers moved, per 5 minutes in gate time', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openTwin(page, '?mode=operations&zone=1119-1120&scene=proposed&lang=en&t=08:00&seed=3');
  const run = page.getByTestId('forecast-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  expect(await forecast(page)).toBeUndefined();
  // A cancel ends the run at once: nothing shown, the button free again.
  await run.click();
  // Dispatched, not clicked: the progress bar moves, and waiting for a still button could outlast the run.
  await page.getByTestId('forecast-cancel').dispatchEvent('click');
  await expect(run).toBeEnabled();
  await expect(page.getByTestId('forecast-result')).toHaveCount(0);
  expect(await forecast(page)).toBeUndefined();
  await run.click();
  await expect(run).toBeDisabled();
  await expect(page.getByTestId('forecast-result')).toBeVisible({ timeout: 120_000 });
  const f = (await forecast(page))!;
  const [lo, hi] = f.containers;
  expect(lo).toBeLessThanOrEqual(hi);
  expect(hi).toBeGreaterThan(0);
  expect(f.toS - f.fromS).toBe(3600);
  expect(f.error).toBeUndefined();
  await expect(page.getByTestId('forecast-containers')).toContainText(`${lo}–${hi}`);
  // Twelve 5-minute rows, the first at the forecast's start in gate time (just after 08:00).
  await page.getByTestId('forecast-result').getByText('Containers moved per 5 minutes').click();
  const rows = page.getByTestId('forecast-bins').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(12);
  await expect(rows.first().locator('td').first()).toHaveText(/^08:0\d$/);
  await expect(run).toBeEnabled();
  await page.getByTestId('forecast-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/forecast-sim.png' });
  expect(errors).toEqual([]);
});

test('a forecast on a replayed recording is scored against it, or says why not: the sample ends before +5 minutes', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&source=replay&file=sample:1119-1120-proposed');
  await expect(page.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  const run = page.getByTestId('forecast-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const score = page.getByTestId('forecast-score');
  await expect(score).toBeVisible({ timeout: 120_000 });
  const f = (await forecast(page))!;
  const replay = await page.evaluate(() => window.__TWIN__.replay);
  // The forecast starts at a prediction round's clock within the recording, in epoch seconds.
  expect(f.fromS).toBeGreaterThanOrEqual(replay.startS);
  expect(f.fromS).toBeLessThanOrEqual(replay.endS);
  expect(f.containers[0]).toBeLessThanOrEqual(f.containers[1]);
  // 2.5 minutes of recording: nothing to score at +5 min, and the console says so.
  expect(f.error).toBeUndefined();
  await expect(score).toContainText('not scored: the recording ends');
  await page.getByTestId('forecast-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/forecast-replay.png' });
  expect(errors).toEqual([]);
});

test('a forecast on the 25-minute sample recording is scored: position errors at +5 and +15 minutes and containers moved, in the panel and for automation', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1088/2-1089&scene=proposed&lang=en&source=replay&file=sample:1088-2-1089-forecast');
  await expect(page.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  // Paused at the first instant each AGV has one position: a driving one's speed is not known yet, not 0 m/s.
  const driving = page.locator('[data-testid^="ops-row-AGV-"]').filter({ has: page.locator('td.col-state', { hasText: /^driving$/ }) });
  await expect(driving.first()).toBeVisible();
  await expect(driving.first().locator('td').nth(4)).toHaveText('—');
  const run = page.getByTestId('forecast-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const score = page.getByTestId('forecast-score');
  await expect(score).toBeVisible({ timeout: 120_000 });
  const f = (await forecast(page))!;
  const replay = await page.evaluate(() => window.__TWIN__.replay);
  expect(replay.endS - replay.startS).toBe(1500);
  // Made within the recording's first 10 minutes, so it reaches +15 min and whole 5-minute bins after the forecast.
  expect(f.fromS).toBeGreaterThanOrEqual(replay.startS);
  expect(f.fromS).toBeLessThanOrEqual(replay.endS - 900);
  const e = f.error!;
  for (const v of [e.positionM5, e.positionM15, e.containers]) expect(Number.isFinite(v)).toBe(true);
  expect(e.positionM5).toBeGreaterThanOrEqual(0);
  expect(e.positionM15).toBeGreaterThanOrEqual(0);
  // The panel shows the same figures, for the recording's 12 AGVs, and no reason for a missing one.
  await expect(score).toContainText('(12 AGVs)');
  await expect(score).toContainText(/recorded over \d+ min, (within|outside) the band/);
  await expect(score).not.toContainText('not scored');
  // The busy share says which hour it covers (the simulation HUD's is since 00:00), and one figure when the seeds agree.
  await expect(page.getByTestId('forecast-result')).toContainText('AGV fleet busy in the hour');
  await expect(page.getByTestId('forecast-agv-busy')).toHaveText(/^\d+(–\d+)? %$/);
  await expect(page.getByTestId('forecast-agv-busy')).not.toHaveText(/^(\d+)–\1 %$/);
  await page.getByTestId('forecast-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/forecast-replay-scored.png' });
  expect(errors).toEqual([]);
});
