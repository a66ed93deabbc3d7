import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { press, setFields } from './studyForm';
import { openTwin, watchErrors } from './twinPage';

/** Pixels drawn (alpha > 0) on the uPlot canvas inside a chart: 0 for a chart that drew nothing. */
function drawnPixels(chart: Locator): Promise<number> {
  return chart.evaluate((el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

test('a capacity study runs with progress, cancels, draws its charts, finds a fleet size and compares layouts', async ({ page }) => {
  // SwiftShader draws the 3D view behind the panel slowly: every step waits on a busy page.
  test.setTimeout(540_000);
  const errors = watchErrors(page);
  await openTwin(page, '?mode=engineering&zone=1119-1120&scene=proposed&lang=en');
  // The console may hold the study behind a tab of its side panel.
  const tab = page.getByTestId('tab-study');
  if ((await tab.count()) > 0) await tab.click();
  const panel = page.getByTestId('study-panel');
  await expect(panel).toBeVisible();
  // The form opens on the zone's 2030 target minimum and the scene's fleet.
  await expect(page.getByTestId('study-vehiclesPerDay')).toHaveValue('3000');
  await expect(page.getByTestId('study-agvs')).toHaveValue('40');
  // Each replication measures a day after a day of warm-up unless told otherwise (data/study.json).
  await expect(page.getByTestId('study-warmupDays')).toHaveValue('1');

  // A long study shows its progress and stops at once on Cancel.
  await setFields(page, { hours: '24', replications: '20' });
  await press(page, 'study-run');
  const progress = page.getByTestId('study-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(progress).toContainText(/Edited layout: run \d+ of 20/);
  await press(page, 'study-cancel');
  await expect(page.getByTestId('study-cancelled')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('study-result-edited')).toHaveCount(0);

  // A short study runs to completion with its figures and charts.
  await setFields(page, { hours: '2', warmupDays: '0', replications: '2' });
  await press(page, 'study-run');
  const result = page.getByTestId('study-result-edited');
  await expect(result).toBeVisible({ timeout: 60_000 });
  // Mean ± half-width, or the bounds where the interval was cut at 0 (issue 14: no bound below what a count allows).
  await expect(page.getByTestId('study-result-edited-cleared')).toHaveText(/^[\d,]+ (± [\d,]+|\([\d,]+–[\d,]+\))$/);
  await expect(page.getByTestId('study-result-edited-binding')).toContainText(/busy \(binds in \d of 2 runs\)/);
  await expect(page.getByTestId('study-result-edited-binding')).not.toContainText(/agv-|vn-|cn-/);
  // Two hours from midnight scaled to a day, with two seeds: both said on the result (issue 14).
  await expect(result.locator('.study-headline .label')).toHaveText('Vehicles cleared per day, scaled from 2 h (× 12)');
  await expect(page.getByTestId('study-result-edited-window')).toContainText('cleared in the 2 h from 00:00: ');
  const caveats = page.getByTestId('study-result-edited-caveats');
  await expect(caveats.locator('li[data-code="partial-day"]')).toHaveText(
    "A window of 2 h from 00:00, scaled to a day (× 12): the arrival profile is not flat, so this is not a day's capacity. Simulate 24 h for that.",
  );
  await expect(caveats.locator('li[data-code="few-replications"]')).toHaveText('2 replications: too few for a meaningful 95 % interval (5 or more).');
  await caveats.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'test-results/screenshots/engineering-study-caveats.png' });
  for (const chart of ['queues', 'utilisation']) {
    const c = page.getByTestId(`study-result-edited-chart-${chart}`);
    await expect(c.locator('canvas')).toHaveCount(1);
    await expect.poll(() => drawnPixels(c)).toBeGreaterThan(500);
  }

  // Exported as CSV: a row per run.
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'study-export-csv')]);
  expect(download.suggestedFilename()).toBe('study-1119-1120-1119-1120-proposed.csv');
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toMatch(/^layout,scene,vehiclesPerDay,agvs,hours,seed,/);
  expect(csv.filter((l) => l.startsWith('edited,') && /,2,[12],/.test(l))).toHaveLength(2);

  // A small AGV sweep on a case where the answer exists: a burst of trucks over two hours, target 1,500/day.
  await setFields(page, { vehiclesPerDay: '20000', hours: '2', warmupDays: '0', replications: '3', target: '1500', sweep: 'agvs' });
  await setFields(page, { from: '10', to: '40', step: '10' });
  await press(page, 'study-run');
  const answer = page.getByTestId('study-result-edited-answer');
  await expect(answer).toBeVisible({ timeout: 90_000 });
  await expect(answer).toContainText(/Smallest fleet reaching the target: \d+ AGVs/);
  expect(Number(await answer.getAttribute('data-agvs'))).toBeGreaterThanOrEqual(10);
  await expect.poll(() => drawnPixels(page.getByTestId('study-result-edited-sweep'))).toBeGreaterThan(500);

  // The same study on the layout as opened and the edited one, side by side.
  await press(page, 'study-compare-run');
  await expect(page.getByTestId('study-compare')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('study-compare')).toContainText('Smallest fleet reaching the target');
  await expect(page.getByTestId('study-result-baseline')).toBeVisible();
  await expect(page.getByTestId('study-result-edited')).toBeVisible();
  await expect.poll(() => drawnPixels(page.getByTestId('study-result-baseline-chart-utilisation'))).toBeGreaterThan(500);
  await page.screenshot({ path: 'test-results/screenshots/engineering-study.png' });
  await page.getByTestId('study-result-edited-sweep').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: 'test-results/screenshots/engineering-study-charts.png' });

  // A spec out of range is named, and the panel keeps working.
  await setFields(page, { replications: '0' });
  await press(page, 'study-run');
  await expect(page.getByTestId('study-error')).toContainText('replications must be a whole number from 1 to 50');
  await expect(page.getByTestId('study-result-baseline')).toBeVisible();
  expect(errors).toEqual([]);
});

const EDITED_URL = '?mode=engineering&zone=1119-1120&scene=proposed&lang=en';
const SCANNER = 'vn-scanner-export';
const SCANNER_NAME = (
  JSON.parse(readFileSync('scenes/1119-1120/proposed.json', 'utf8')) as { facilities: { id: string; name: { en: string } }[] }
).facilities.find((f) => f.id === SCANNER)!.name.en;

test('the legend counts the edited layout; a study compared after an edit sees the edit, and outlives the Study tab', async ({ page }) => {
  test.setTimeout(540_000);
  const errors = watchErrors(page);
  await openTwin(page, EDITED_URL);

  // A crane deleted: the legend says 7, not 8; undone: 8 again.
  const cranes = page.getByTestId('legend-count-crane');
  await expect(cranes).toHaveText('8');
  await page.getByTestId('facility-picker').selectOption('vn-export-crane-2');
  await press(page, 'tool-delete');
  await expect(cranes).toHaveText('7');
  await press(page, 'undo');
  await expect(cranes).toHaveText('8');

  // The export scanner made fifty minutes a truck, in the assumptions: one undo step of the edited layout.
  await press(page, 'tab-assumptions');
  const scan = page.getByTestId(`assumption-facilities[6].scanTimeS-value`);
  await scan.evaluate((el) => el.scrollIntoView());
  await scan.fill('3000');
  await scan.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__EDITOR__!.historySize)).toBe(1);

  // Compare the layout as opened with the edited one (long enough to leave while it runs): leave for the Layout
  // tab while it runs and come back to the same form, the study still going or done, never cancelled.
  await press(page, 'tab-study');
  await setFields(page, { hours: '4', warmupDays: '0', replications: '6' });
  await press(page, 'study-compare-run');
  await expect(page.getByTestId('study-progress')).toBeVisible();
  await press(page, 'tab-layout');
  await expect(page.getByTestId('study-panel')).toHaveCount(0);
  await press(page, 'tab-study');
  await expect(page.getByTestId('study-hours')).toHaveValue('4');
  await expect(page.getByTestId('study-compare')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('study-cancelled')).toHaveCount(0);

  // The edit is in the edited layout's result (the scanner binds), not in the baseline's.
  await expect(page.getByTestId('study-result-edited-binding')).toContainText(SCANNER_NAME);
  await expect(page.getByTestId('study-result-baseline-binding')).not.toContainText(SCANNER_NAME);

  // Results survive another trip to the Layout tab.
  await press(page, 'tab-layout');
  await press(page, 'tab-study');
  await expect(page.getByTestId('study-result-edited')).toBeVisible();
  await expect(page.getByTestId('study-result-baseline')).toBeVisible();
  expect(errors).toEqual([]);
});
