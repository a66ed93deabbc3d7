import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import mqtt from 'mqtt';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { startFleetTool } from './fleetTool';
import { openTwin, watchErrors, watchExternal } from './twinPage';

let broker: RunningBroker;
let fleet: ChildProcess | undefined;

test.beforeAll(async () => {
  broker = await startBroker();
  fleet = startFleetTool(broker, { agvs: 12, durationS: 240, speed: 20 });
});

test.afterAll(async () => {
  fleet?.kill('SIGKILL');
  await broker?.stop();
});

test("live VDA 5050 over MQTT: login, the fleet tool's AGVs move on the map, hostile messages are counted, not shown", async ({ page }) => {
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await openTwin(page, `?zone=1119-1120&scene=proposed&lang=en&source=live&broker=${encodeURIComponent(broker.urls.ws)}`);
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('refused the user name or password');

  await page.getByTestId('login-user').fill('viewer');
  await page.getByTestId('login-password').fill(broker.users.viewer);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('live-hud')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.agvs), { timeout: 60_000 }).toBe(12);
  const t = await page.evaluate(() => window.__TWIN__.telemetry);
  expect(t).toMatchObject({ source: 'live', status: 'live' });
  const firstX = await page.evaluate(() => window.__TWIN__.fleet.agvs);
  expect(firstX).toBe(12);

  const hostile = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
  await hostile.publishAsync('uagv/v2/smartgate/AGV-001/state', '{"headerId": 1, "timestamp": ', { qos: 1 });
  await hostile.publishAsync('uagv/v2/smartgate/AGV-001/state', JSON.stringify({ headerId: 9, serialNumber: '<img src=x onerror="window.__pwned=1">' }), {
    qos: 1,
  });
  await hostile.endAsync();
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.dropped['malformed-json'] ?? 0), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.dropped['wrong-fields'] ?? 0), { timeout: 30_000 }).toBe(1);
  await expect(page.getByTestId('live-dropped')).toContainText('malformed JSON: 1');
  // Commands show under the selected AGV's row in the operations list.
  await page.getByTestId('ops-row-AGV-003').click();
  await expect(page.getByTestId('vehicle-commands')).toContainText('View only');
  await expect(page.getByTestId('cmd-pause-AGV-003')).toBeDisabled();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.screenshot({ path: 'test-results/screenshots/live-1119-1120.png' });
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test('an operator pauses an AGV after confirming; the fleet tool obeys and the audit log says so', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, `?zone=1119-1120&scene=proposed&lang=en&source=live&broker=${encodeURIComponent(broker.urls.ws)}`);
  await page.getByTestId('login-user').fill('operator');
  await page.getByTestId('login-password').fill(broker.users.operator);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('ops-row-AGV-003').click({ timeout: 60_000 });
  await expect(page.getByTestId('cmd-pause-AGV-003')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('cmd-pause-AGV-003').click();
  await expect(page.getByTestId('command-confirm')).toContainText('Pause smartgate/AGV-003?');
  // The question is at the AGV's row, on screen, and takes the keyboard: Escape backs out, Enter confirms.
  await expect(page.getByTestId('ops-fleet').getByTestId('command-confirm')).toBeInViewport();
  await expect(page.getByTestId('command-yes')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-confirm')).toHaveCount(0);
  await page.getByTestId('cmd-pause-AGV-003').click();
  await expect(page.getByTestId('command-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-log')).toContainText('operator · smartgate/AGV-003 · pause · finished', { timeout: 60_000 });
  await expect(page.getByTestId('ops-row-AGV-003')).toContainText('paused', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screenshots/live-operator.png' });
  expect(errors).toEqual([]);
});

test('a broker address a browser cannot use is an error page for the live console, never the simulation', async ({ page }) => {
  for (const address of ['not a url', 'mqtt://127.0.0.1:1883']) {
    await openTwin(page, `?zone=1119-1120&scene=proposed&lang=en&source=live&broker=${encodeURIComponent(address)}`);
    const panel = page.getByTestId('live-unreachable');
    await expect(panel).toContainText(address);
    await expect(panel).toContainText('ws://127.0.0.1:9001');
    await expect(page.getByTestId('sim-hud')).toHaveCount(0);
    await expect(page.getByTestId('login-form')).toHaveCount(0);
    expect(await page.evaluate(() => window.__TWIN__.sim.frames)).toBe(0);
  }
});
