import { expect, test } from '@playwright/test';
import { openTwin, watchErrors, watchExternal } from './twinPage';

const traffic = (page: import('@playwright/test').Page) => page.evaluate(() => window.__TWIN__.traffic);

test('traffic prediction on the simulation: rounds in the workers, ETAs in the list, routes of all AGVs on the map, the horizon set', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await openTwin(page, '?mode=operations&zone=1119-1120&scene=proposed&lang=en&t=08:00&seed=3');
  await expect.poll(async () => (await traffic(page)).predictions, { timeout: 60_000 }).toBeGreaterThan(2);
  const t = await traffic(page);
  expect(t.failure).toBeUndefined();
  expect(t.horizonS).toBe(120);
  // AGVs with somewhere to go have an ETA, in the list as gate time.
  expect(Object.keys(t.etaS).length).toBeGreaterThan(3);
  await expect(
    page
      .getByTestId('ops-fleet')
      .getByText(/^\d\d:\d\d:\d\d$/)
      .first(),
  ).toBeVisible();
  // No conflicts in a healthy fleet: the planner keeps its AGVs apart, and the master control releases to one at a time.
  expect(t.conflicts).toEqual([]);

  await page.getByTestId('ops-horizon').selectOption('60');
  await expect.poll(async () => (await traffic(page)).horizonS).toBe(60);
  await page.getByTestId('ops-routes-all').check();
  const row = page.locator('[data-testid^="ops-row-"]').first();
  await row.click();
  await expect(page.getByTestId('route-tick').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/traffic-routes.png' });
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test('traffic prediction foresees the rogue AGV of the drill: a predicted conflict alert with a countdown, a marker on the map', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openTwin(page, '?mode=operations&zone=1119-1120&scene=proposed&lang=en&t=08:00&seed=3');
  await expect.poll(async () => (await traffic(page)).predictions, { timeout: 60_000 }).toBeGreaterThan(1);
  await page.getByTestId('alert-drills').locator('summary').click();
  // AGV 4 meets traffic about two minutes after it turns rogue (seed 3, 08:00): time for the prediction to foresee it.
  await page.getByTestId('drill-agv').selectOption('4');
  await page.getByTestId('drill-rogue').click();
  const alert = page.locator('[data-testid="alert-item"][data-kind="predicted-conflict"]').first();
  await expect(alert).toBeVisible({ timeout: 180_000 });
  await expect(alert.getByTestId('alert-place')).toContainText('AGV-004');
  await expect(alert.getByTestId('alert-due')).toHaveText(/^in \d+ s$|^now$/);
  await expect(page.locator('[data-testid="traffic-marker-conflict"]').first()).toBeAttached();
  const t = await traffic(page);
  expect(t.conflicts.some((c) => c.a.endsWith('AGV-004') || c.b.endsWith('AGV-004'))).toBe(true);
  expect(t.proposals.length).toBe(t.conflicts.length + t.deadlocks.length);
  // The planner answers every conflict: a plan to show (the simulation takes no orders, so it cannot be sent), or
  // why there is none (the rogue's meeting lies inside released routes, which only a pause can undo).
  const proposal = page.getByTestId('proposal').first();
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  if ((await proposal.getAttribute('data-ok')) === 'true') {
    await expect(proposal.getByTestId('proposal-send')).toBeDisabled();
    await expect(proposal.getByTestId('proposal-refusal')).toContainText('Only a live fleet takes orders');
    await proposal.getByTestId('proposal-show').click();
    await expect(page.getByTestId('proposal-ghost-hold').first()).toBeAttached();
  } else await expect(proposal.getByTestId('proposal-reason')).toContainText('No plan');
  await page.screenshot({ path: 'test-results/screenshots/traffic-rogue.png' });
  expect(errors).toEqual([]);
});

test('traffic prediction on a replayed recording: the recorded fleet is predicted like a live one', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&source=replay&file=sample:1119-1120-proposed');
  await expect(page.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await traffic(page)).predictions, { timeout: 60_000 }).toBeGreaterThan(1);
  const t = await traffic(page);
  expect(t.failure).toBeUndefined();
  expect(Object.keys(t.etaS).length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
