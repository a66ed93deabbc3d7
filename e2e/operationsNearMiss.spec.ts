import { expect, test, type Page } from '@playwright/test';
import mqtt from 'mqtt';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { openTwin, watchErrors, watchExternal } from './twinPage';

/**
 * A near miss injected on the wire: two vehicles of our own publish, through a real Mosquitto, that they stand
 * nose to tail 0.5 m apart (closer than the 1 m clearance of data/safety.json, not touching). The operations
 * console must raise a near-miss alert with its time and place, and a click on it must fly the camera there.
 */

test.describe.configure({ timeout: 300_000 });

/** Scene AGV length (scenes/1119-1120/proposed.json, fleet.agv.lengthM) plus the 0.5 m gap between them. */
const AGV_LENGTH_M = 15.6;
const GAP_M = 0.5;
/** Where they stand, zone frame = map frame of 1119-1120-proposed (origin [0, 0], rotation 0). */
const AT = { x: 420, y: -300 };
const MAP_ID = '1119-1120-proposed';
const SERIALS = ['NM-1', 'NM-2'] as const;

let broker: RunningBroker;
test.beforeAll(async () => {
  broker = await startBroker();
});
test.afterAll(async () => {
  await broker?.stop();
});

/** Publishes both vehicles twice a second until stopped; returns the stop function. */
async function publishPair(): Promise<() => Promise<void>> {
  const client = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet, protocolVersion: 5 });
  const header = (serialNumber: string, headerId: number) => ({
    headerId,
    timestamp: new Date().toISOString(),
    version: '2.1.0',
    manufacturer: 'drill',
    serialNumber,
  });
  for (const s of SERIALS) {
    await client.publishAsync(`uagv/v2/drill/${s}/connection`, JSON.stringify({ ...header(s, 1), connectionState: 'ONLINE' }), { qos: 1, retain: true });
  }
  let headerId = 0;
  const tick = () => {
    headerId++;
    SERIALS.forEach((s, k) => {
      const agvPosition = { x: AT.x + k * (AGV_LENGTH_M + GAP_M), y: AT.y, theta: 0, mapId: MAP_ID, positionInitialized: true };
      void client.publishAsync(
        `uagv/v2/drill/${s}/visualization`,
        JSON.stringify({ ...header(s, headerId), agvPosition, velocity: { vx: 0, vy: 0, omega: 0 } }),
      );
    });
  };
  tick();
  const timer = setInterval(tick, 500);
  return async () => {
    clearInterval(timer);
    for (const s of SERIALS)
      await client.publishAsync(`uagv/v2/drill/${s}/connection`, JSON.stringify({ ...header(s, 2), connectionState: 'OFFLINE' }), {
        qos: 1,
        retain: true,
      });
    await client.endAsync();
  };
}

async function flyTarget(page: Page): Promise<[number, number] | undefined> {
  const v = await page.locator('canvas').first().getAttribute('data-fly-target');
  return v ? (v.split(',').map(Number) as [number, number]) : undefined;
}

test('a near miss injected over MQTT raises an alert with time and place; a click flies the camera there; acknowledged by name', async ({ page }) => {
  const errors = watchErrors(page);
  const external = watchExternal(page);
  const stop = await publishPair();
  try {
    await openTwin(page, `?mode=operations&zone=1119-1120&scene=proposed&lang=en&source=live&broker=${encodeURIComponent(broker.urls.ws)}`);
    await page.getByTestId('login-user').fill('viewer');
    await page.getByTestId('login-password').fill(broker.users.viewer);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('live-hud')).toBeVisible();

    const item = page.getByTestId('alerts-panel').locator('[data-testid="alert-item"][data-kind="near-miss"]').first();
    await expect(item).toBeVisible({ timeout: 120_000 });
    await expect(page.locator('[data-testid="alert-item"][data-kind="contact"]')).toHaveCount(0);
    await expect(item.getByTestId('alert-place')).toContainText('NM-1');
    await expect(item.getByTestId('alert-place')).toContainText('NM-2');
    await expect(item.getByTestId('alert-time')).toHaveText(/\d\d:\d\d:\d\d/);
    // The place is between the two vehicles' centres.
    const x = Number(await item.getAttribute('data-x'));
    const y = Number(await item.getAttribute('data-y'));
    expect(Math.abs(x - (AT.x + (AGV_LENGTH_M + GAP_M) / 2))).toBeLessThan(1);
    expect(Math.abs(y - AT.y)).toBeLessThan(1);

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
    // And the camera as drawn (window.__TWIN__) looks there too.
    await expect
      .poll(
        async () => {
          const [e, n] = await page.evaluate(() => window.__TWIN__.camera.target);
          return Math.hypot(e - x, n - y);
        },
        { timeout: 30_000 },
      )
      .toBeLessThan(5);
    await page.screenshot({ path: 'test-results/screenshots/operations-near-miss.png' });

    // Acknowledged in the name of who logged in.
    const id = await item.getAttribute('data-alert-id');
    await item.getByTestId('alert-ack').click();
    await page.getByTestId('alerts-filter-ack').selectOption('all');
    await expect(page.locator(`[data-alert-id="${id}"]`).getByTestId('alert-acked')).toContainText('viewer');
  } finally {
    await stop();
  }
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});
