import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/startServer';
import { UserStore } from '../server/users/UserStore';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { startFleetTool } from './fleetTool';
import { watchErrors } from './twinPage';

/**
 * The briefing wall served by the control-room server while the gate's event feed reports: the zone with counts
 * shows the gate's own day (cleared so far, the last 7 days); the other its simulation; the subtitle says which is which.
 */

const PASSWORD = 'briefing room password';
let broker: RunningBroker;
let fleet: ChildProcess | undefined;
let server: RunningServer;
let dir: string;

test.beforeAll(async () => {
  broker = await startBroker();
  dir = mkdtempSync(join(tmpdir(), 'twin-e2e-briefing-'));
  server = await startServer(
    readConfig({
      TWIN_PORT: '0',
      TWIN_DATA_DIR: dir,
      TWIN_DIST_DIR: process.env.E2E_DIST ?? 'dist',
      TWIN_BROKER_URL: broker.urls.tcp,
      TWIN_BROKER_USERNAME: 'operator',
      TWIN_BROKER_PASSWORD: broker.users.operator,
    }),
  );
  await new UserStore(server.database.db).add('wall', 'viewer', PASSWORD);
  // The simulated 1119–1120 gate from 09:00 at ×60: trucks pass its barriers within seconds.
  fleet = startFleetTool(broker, { agvs: 4, durationS: 600, speed: 60, start: '09:00', gateEvents: true });
});

test.afterAll(async () => {
  fleet?.kill('SIGKILL');
  await server?.close();
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the wall shows the gate’s own count where the gate reports, the simulation elsewhere, and says which', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${server.url}/?mode=operations&zone=1119-1120&lang=en`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 120_000 });
  await page.getByTestId('server-signin-open').click();
  await page.getByTestId('server-name').fill('wall');
  await page.getByTestId('server-password').fill(PASSWORD);
  await page.getByTestId('server-signin-submit').click();
  await expect(page.getByTestId('server-user')).toContainText('wall');
  // Trucks have left through the exit barrier before the wall first asks.
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          fetch('/api/gate?zone=1119-1120')
            .then((r) => r.json())
            .then((g: { days: { cleared: number }[] }) => g.days.at(-1)!.cleared),
        ),
      { timeout: 120_000 },
    )
    .toBeGreaterThan(0);

  await page.goto(`${server.url}/?mode=briefing&lang=en`);
  const tile = page.getByTestId('briefing-tile-1119-1120');
  await expect(tile).toContainText('Today at the gate', { timeout: 120_000 });
  await expect(page.getByTestId('briefing-gate-1119-1120')).toHaveText(/^[1-9][\d,]*$/);
  await expect(page.getByTestId('briefing-gate-1119-1120-caption')).toContainText('Cleared so far, by');
  await expect(page.getByTestId('briefing-days-1119-1120').locator('li')).toHaveCount(7);
  await expect(page.getByTestId('briefing-subtitle')).toContainText("Cleared today: the gates' own counts where they report");
  // No feed for the other zone: its simulation, as before.
  await expect(page.getByTestId('briefing-tile-1088-2-1089')).toContainText('Projected for today', { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/screenshots/briefing-gate-counts.png' });
  expect(errors.filter((e) => !/401 \(Unauthorized\)/.test(e))).toEqual([]);
});
