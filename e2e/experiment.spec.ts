import { expect, test } from '@playwright/test';
import { press, setFields } from './studyForm';
import { openTwin, watchErrors } from './twinPage';

test('an experiment runs layouts × fleets × seeds on a pool of workers, keeps days as they finish, cancels, and names the cheapest layout', async ({
  page,
}) => {
  // SwiftShader draws the 3D view behind the panel slowly: every step waits on a busy page.
  test.setTimeout(480_000);
  const errors = watchErrors(page);
  await openTwin(page, '?mode=engineering&zone=1088%2F2-1089&scene=2027&lang=en');
  await page.getByTestId('tab-experiment').click();
  const panel = page.getByTestId('experiment-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('experiment-vehiclesPerDay')).toHaveValue('2500');

  // A form that cannot run names every problem and starts nothing.
  await setFields(page, { agvs: '8, lots' }, 'experiment');
  await press(page, 'experiment-generate');
  await setFields(page, { cranes: '2,2,2', corridor: 'loop' }, 'experiment');
  await press(page, 'experiment-run');
  const problems = page.getByTestId('experiment-problems');
  await expect(problems).toContainText('agvs[1]: ');
  await expect(problems).toContainText('generate.vary.cranesPerYard[0]: ');
  await expect(page.getByTestId('experiment-progress')).toHaveCount(0);

  // A long run shows its progress on every worker, keeps the days that finished when cancelled.
  await setFields(
    page,
    { vehiclesPerDay: '1200', target: '800', hours: '24', warmupDays: '0', seeds: '10', agvs: '8, 16, 24', cranes: '1; 2' },
    'experiment',
  );
  await press(page, 'experiment-run');
  const progress = page.getByTestId('experiment-progress');
  await expect(progress).toContainText(/of 90 days on \d+ workers/, { timeout: 60_000 });
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 120_000 }).toBeGreaterThan(0);
  await press(page, 'experiment-cancel');
  await expect(page.getByTestId('experiment-cancelled')).toContainText(/Cancelled: the \d+ days that finished are kept below/);
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('experiment-row').first()).toBeVisible();

  // A short run to the end: whole days without warm-up, fleets small enough for the fleet to bind, so the layouts part.
  await setFields(page, { hours: '24', seeds: '2', agvs: '4, 8, 16' }, 'experiment');
  await press(page, 'experiment-run');
  await expect(page.getByText('18 of 18 days done.')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('experiment-row')).toHaveCount(9);
  const chart = page.getByTestId('experiment-chart');
  await expect(chart.locator('polyline')).toHaveCount(3);
  await expect(chart.locator('text.star').first()).toBeVisible();
  await expect(chart).toContainText('target 800');
  const answer = page.getByTestId('experiment-answer');
  await expect(answer).toHaveText(/^(Cheapest that reaches 800: .+ with \d+ AGVs and \d+ cranes, USD [\d.]+ M, [\d,]+ cleared\/day|No point reaches 800)/);
  await expect(page.getByTestId('experiment-table')).toContainText('2027 (edited)');
  await expect(page.getByTestId('experiment-table')).toContainText('cranes 1');
  await panel.screenshot({ path: 'test-results/screenshots/engineering-experiment.png' });
  expect(errors).toEqual([]);
});
