import { expect, test, type Page } from '@playwright/test';
import { openTwin, settle, watchErrors, watchExternal } from './twinPage';

/** Zone-frame (east, north) of the camera's target after the last flight, as FlyToAlert marks it on the canvas. */
async function flyTarget(page: Page): Promise<[number, number] | undefined> {
  const v = await page.locator('canvas').first().getAttribute('data-fly-target');
  return v ? (v.split(',').map(Number) as [number, number]) : undefined;
}

test('operations alerts: an AGV that ignores its plan raises a collision alert with time and place; a click flies there; acknowledged', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  const external = watchExternal(page);
  // At 1000× the simulation keeps moving on a loaded machine too (each drawn frame advances at most 0.1 s × speed).
  await openTwin(page, '?mode=operations&zone=1088/2-1089&scene=proposed&lang=en&t=08:00&seed=5&speed=1000');
  const panel = page.getByTestId('alerts-panel');
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('alerts-none')).toBeVisible();

  // The fault drill: AGV 1 drives on whatever its plan says, into the others.
  await page.getByTestId('alert-drills').locator('summary').click();
  await page.getByTestId('drill-agv').selectOption('1');
  await page.getByTestId('drill-rogue').click();
  // The drill says it is on, and for which AGV.
  await expect(page.getByTestId('drill-rogue-on')).toContainText('AGV 1 ignores its plan');
  // The simulation's planner steps bring a rogue AGV straight into contact (its checks log the first step the two
  // footprints are too close): a near miss or a contact, whichever the checks saw first.
  const first = panel.locator('[data-testid="alert-item"][data-kind="near-miss"], [data-testid="alert-item"][data-kind="contact"]').first();
  await expect(first).toBeVisible({ timeout: 180_000 });
  // Paused from here on: the list stays put (and the loaded test machine catches its breath).
  await page.getByTestId('sim-play').click();
  const id = await first.getAttribute('data-alert-id');
  const item = panel.locator(`[data-alert-id="${id}"]`);
  await expect(item.getByTestId('alert-time')).toHaveText(/^Day 1 · \d\d:\d\d:\d\d$/);
  await expect(item.getByTestId('alert-place')).toContainText('AGV-001');
  await expect(item.getByTestId('alert-place')).toContainText(/E -?\d[\d,]* m, N -?\d[\d,]* m/);
  await expect(page.getByTestId('alerts-badge')).not.toHaveText('0');
  const x = Number(await item.getAttribute('data-x'));
  const y = Number(await item.getAttribute('data-y'));
  const far = await flyTarget(page);
  expect(far === undefined || Math.hypot(far[0] - x, far[1] - y) > 50).toBe(true);

  // A click flies the camera there: its target ends within a few metres of the alert's place.
  await item.getByTestId('alert-fly').click();
  await expect
    .poll(
      async () => {
        const at = await flyTarget(page);
        return at ? Math.hypot(at[0] - x, at[1] - y) : Infinity;
      },
      { timeout: 60_000 },
    )
    .toBeLessThan(3);
  await settle(page, 10);

  // Acknowledged: it leaves the unacknowledged list, and shows as acknowledged among all alerts.
  const unacked = Number(await page.getByTestId('alerts-badge').textContent());
  await item.getByTestId('alert-ack').click();
  await expect(item).toHaveCount(0);
  await expect(page.getByTestId('alerts-badge')).toHaveText(String(unacked - 1));
  await page.getByTestId('alerts-filter-ack').selectOption('all');
  await expect(item).toHaveAttribute('data-acked', 'true');
  await expect(item.getByTestId('alert-acked')).toHaveText(/^Acknowledged by this console at Day 1 · \d\d:\d\d:\d\d$/);
  // Filtered by kind: none of another kind, then every kind again.
  await page.getByTestId('alerts-filter-kind').selectOption('low-battery');
  await expect(page.getByTestId('alerts-none')).toHaveText('No alert matches the filter.');
  await page.getByTestId('alerts-filter-kind').selectOption('');
  await expect(item).toBeVisible();
  // The drill ended: its sign goes away, and AGV 1 may be drilled again.
  await page.getByTestId('drill-rogue-end').click();
  await expect(page.getByTestId('drill-rogue-on')).toHaveCount(0);
  await expect(page.getByTestId('drill-rogue')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/operations-alerts.png' });
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test('operations alerts on a replay: the wrong order is a VDA 5050 warning, the dropped link stale telemetry; all acknowledged at once', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openTwin(page, '?mode=operations&zone=1088/2-1089&scene=proposed&lang=en&source=replay&file=sample:1088-2-1089-proposed');
  await expect(page.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  // 95 s in: AGV-005 carries its orderError (from 40 s), AGV-010's link is down (70 s to 110 s).
  await page.getByTestId('replay-timeline').fill('95');
  const panel = page.getByTestId('alerts-panel');
  const warning = panel.locator('[data-testid="alert-item"][data-kind="vda-warning"]');
  await expect(warning).toHaveCount(1, { timeout: 60_000 });
  await expect(warning.getByTestId('alert-place')).toContainText('AGV-005');
  await expect(warning).toContainText('orderError: order sample-order-1');
  await expect(warning.getByTestId('alert-time')).toHaveText(/^08:01:3\d$/);
  const stale = panel.locator('[data-testid="alert-item"][data-kind="stale"]');
  await expect(stale).toHaveCount(1);
  await expect(stale.getByTestId('alert-place')).toContainText('AGV-010');

  // The link comes back at 110 s: the stale alert clears but stays listed until acknowledged.
  await page.getByTestId('replay-timeline').fill('120');
  await expect(stale).toHaveAttribute('data-active', 'false');
  await page.getByTestId('alerts-ack-all').click();
  await expect(page.getByTestId('alerts-badge')).toHaveText('0');
  await expect(page.getByTestId('alerts-none')).toContainText('No alert matches the filter.');
  expect(errors).toEqual([]);
});
