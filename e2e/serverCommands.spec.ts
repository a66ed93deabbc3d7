import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import mqtt from 'mqtt';
import { standingState } from '../src/telemetry/vda5050/fixtures/standingState';
import { readConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/startServer';
import { UserStore } from '../server/users/UserStore';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import { startFleetTool } from './fleetTool';
import { watchErrors } from './twinPage';

const PASSWORD = 'control room password';
let broker: RunningBroker;
let fleet: ChildProcess | undefined;
let server: RunningServer;
let dir: string;

test.beforeAll(async () => {
  broker = await startBroker();
  // Long enough for the whole file on a loaded machine (its three tests took 5 min in CI; the fleet stopping before
  // the last left it nothing moving); killed after the file anyway.
  fleet = startFleetTool(broker, { agvs: 6, durationS: 900, speed: 10 });
  dir = mkdtempSync(join(tmpdir(), 'twin-e2e-commands-'));
  // The server watches the fleet as the broker's operator; people sign in to the server as themselves.
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
  const users = new UserStore(server.database.db);
  await users.add('ana', 'operator', PASSWORD);
  await users.add('binh', 'viewer', PASSWORD);
  await users.add('chi', 'operator', PASSWORD);
});

test.afterAll(async () => {
  fleet?.kill('SIGKILL');
  await server?.close();
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The live console served by the control-room server: the page watches the broker as its viewer, and signs in to the server as `name`. */
async function open(page: Page, name: string): Promise<void> {
  await page.goto(`${server.url}/?zone=1119-1120&scene=proposed&lang=en&source=live&broker=${encodeURIComponent(broker.urls.ws)}`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 90_000 });
  await page.getByTestId('login-user').fill('viewer');
  await page.getByTestId('login-password').fill(broker.users.viewer);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.agvs), { timeout: 60_000 }).toBe(6);
  if ((await page.evaluate(() => window.__TWIN__.server?.user)) === name) return;
  await page.getByTestId('server-signin-open').click();
  await page.getByTestId('server-name').fill(name);
  await page.getByTestId('server-password').fill(PASSWORD);
  await page.getByTestId('server-signin-submit').click();
  await expect(page.getByTestId('server-user')).toContainText(name);
}

test("an operator's command goes through the server as the signed-in user, is audited there and outlives a reload; a viewer's buttons stay disabled; what the server recorded replays", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await open(page, 'ana');
  // The page's own broker login is a viewer's: the command can only have gone through the server.
  await page.getByTestId('ops-row-AGV-002').click();
  await expect(page.getByTestId('cmd-pause-AGV-002')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('cmd-pause-AGV-002').click();
  await expect(page.getByTestId('command-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-log')).toContainText('ana · smartgate/AGV-002 · pause · finished', { timeout: 60_000 });
  await expect(page.getByTestId('ops-row-AGV-002')).toContainText('paused', { timeout: 60_000 });
  const stored = await page.evaluate(() => fetch('/api/audit?vehicle=smartgate%2FAGV-002').then((r) => r.json()));
  expect(stored.entries).toMatchObject([{ who: 'ana', vehicle: 'smartgate/AGV-002', what: 'pause', result: 'finished' }]);
  await page.screenshot({ path: 'test-results/screenshots/server-command.png' });

  await page.reload();
  await open(page, 'ana');
  await expect(page.getByTestId('audit-log')).toContainText('ana · smartgate/AGV-002 · pause · finished', { timeout: 30_000 });

  const viewer = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const viewerErrors = watchErrors(viewer);
  await open(viewer, 'binh');
  await viewer.getByTestId('ops-row-AGV-002').click();
  await expect(viewer.getByTestId('vehicle-commands')).toContainText('View only');
  await expect(viewer.getByTestId('cmd-resume-AGV-002')).toBeDisabled();
  // The shared log: the viewer sees the operator's command too.
  await expect(viewer.getByTestId('audit-log')).toContainText('ana · smartgate/AGV-002 · pause · finished', { timeout: 30_000 });
  // And the server itself refuses the viewer, whatever the page does.
  expect(
    await viewer.evaluate(() =>
      fetch('/api/commands', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vehicle: 'smartgate/AGV-002', command: { kind: 'resume' } }),
      }).then((r) => r.status),
    ),
  ).toBe(403);
  // What the server recorded meanwhile: the replay picker lists it, and it plays with the fleet in it.
  await viewer.goto(`${server.url}/?zone=1119-1120&scene=proposed&lang=en&source=replay`);
  const recorded = viewer.getByTestId('replay-recorded').getByRole('button');
  await expect(recorded).toHaveCount(1, { timeout: 60_000 });
  await expect(recorded.first()).toContainText(/\d\d:\d\d:\d\d–\d\d:\d\d:\d\d · [\d,.]+ messages/);
  await viewer.screenshot({ path: 'test-results/screenshots/server-recordings.png' });
  await recorded.first().click();
  // The segment is still being written: it plays up to its last flushed second, the open end said plainly.
  await expect(viewer.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  // 50 s in, every AGV of the fleet has been heard.
  await viewer.getByTestId('replay-timeline').fill('50');
  await expect.poll(() => viewer.evaluate(() => window.__TWIN__.replay.agvPoses.length), { timeout: 60_000 }).toBe(6);
  // AGV-002 drives on: left paused on the one-way loop, it would hold up the fleet behind it in the next tests.
  await page.getByTestId('ops-row-AGV-002').click();
  await page.getByTestId('cmd-resume-AGV-002').click();
  await expect(page.getByTestId('command-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-log')).toContainText('ana · smartgate/AGV-002 · resume · finished', { timeout: 60_000 });
  const unexpected = (list: string[]) => list.filter((e) => !/401 \(Unauthorized\)|403 \(Forbidden\)/.test(e));
  expect(unexpected(errors)).toEqual([]);
  expect(unexpected(viewerErrors)).toEqual([]);
  // Pages made with browser.newPage() outlive the test unless closed: left open, they render on and slow the next tests.
  await page.close();
  await viewer.close();
});

test('the alert book is shared: what one operator acknowledges shows at once on another console, with who and when; a viewer sees it and may not acknowledge', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const ana = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const chi = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const binh = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [ana, chi, binh].map(watchErrors);
  await open(ana, 'ana');
  await open(chi, 'chi');
  await open(binh, 'binh');
  for (const p of [ana, chi, binh]) await expect(p.getByTestId('alerts-shared')).toBeVisible({ timeout: 30_000 });

  // A vehicle of the fleet reports its battery nearly flat: the server's book opens one alert for every console.
  const vehicle = await mqtt.connectAsync(broker.urls.tcp, { username: 'fleet', password: broker.users.fleet });
  const state = standingState({
    manufacturer: 'smartgate',
    serialNumber: 'AGV-090',
    headerId: 1,
    timestampMs: Date.now(),
    battery: { chargePercent: 4, charging: false },
  });
  await vehicle.publishAsync('uagv/v2/smartgate/AGV-090/state', JSON.stringify(state), { qos: 1 });
  await vehicle.endAsync();
  const item = (p: Page) =>
    p
      .getByTestId('alerts-panel')
      .locator('li', { hasText: 'AGV-090' })
      .filter({ hasText: /battery/i });
  for (const p of [ana, chi, binh]) await expect(item(p)).toHaveCount(1, { timeout: 30_000 });
  // Every acknowledged alert stays listed on the consoles watching (the default filter hides them).
  for (const p of [chi, binh]) await p.getByTestId('alerts-filter-ack').selectOption('all');
  await expect(item(binh).getByTestId('alert-ack')).toBeDisabled();

  await item(ana).getByTestId('alert-ack').click();
  const acked = /^Acknowledged by ana at \d\d:\d\d:\d\d/;
  await expect(item(chi).getByTestId('alert-acked')).toHaveText(acked, { timeout: 5_000 });
  await expect(item(binh).getByTestId('alert-acked')).toHaveText(acked, { timeout: 5_000 });
  await chi.screenshot({ path: 'test-results/screenshots/shared-alerts.png' });

  // A console opened afresh gets the book as it stands.
  await binh.reload();
  await open(binh, 'binh');
  await binh.getByTestId('alerts-filter-ack').selectOption('all');
  await expect(item(binh).getByTestId('alert-acked')).toHaveText(acked, { timeout: 30_000 });
  const unexpected = (list: string[]) => list.filter((e) => !/401 \(Unauthorized\)|403 \(Forbidden\)/.test(e));
  for (const e of errors) expect(unexpected(e)).toEqual([]);
  for (const p of [ana, chi, binh]) await p.close();
});

test('through the server’s fan-out (via=server) the console needs no broker login: it asks for the server’s, shows the fleet, predicts its traffic, opens a vehicle’s panel and commands through the server', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/?zone=1119-1120&scene=proposed&lang=en&source=live&via=server`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 90_000 });
  if ((await page.evaluate(() => window.__TWIN__.server?.user)) !== undefined) {
    await page.getByTestId('server-signout').click();
  }
  await expect(page.getByTestId('live-via-server')).toContainText('Sign in to the control-room server', { timeout: 30_000 });
  await expect(page.getByTestId('login-user')).toHaveCount(0);
  await expect(page.getByTestId('problem-panel')).toHaveCount(0);
  await page.getByTestId('server-signin-open').click();
  await page.getByTestId('server-name').fill('chi');
  await page.getByTestId('server-password').fill(PASSWORD);
  await page.getByTestId('server-signin-submit').click();
  // The fleet tool's six, and AGV-090 when the shared-book test ran before: the server has heard it too.
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.agvs), { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId('live-via-server')).toHaveCount(0);
  const fanout = await page.evaluate(() => window.__TWIN__.telemetry.fanout);
  expect(fanout).toMatchObject({ badFrames: 0 });
  expect(fanout!.frames).toBeGreaterThan(0);
  // Vehicles drive: frames keep coming, each only what changed.
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.fanout!.frames), { timeout: 30_000 }).toBeGreaterThan(fanout!.frames + 10);
  // Traffic prediction runs on the fleet the server packs for it.
  await expect.poll(() => page.evaluate(() => window.__TWIN__.traffic.predictions), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__TWIN__.traffic.failure)).toBeUndefined();

  await page.getByTestId('ops-row-AGV-003').click();
  await expect(page.getByTestId('vehicle-commands')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cmd-pause-AGV-003')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('cmd-pause-AGV-003').click();
  await page.getByTestId('command-yes').click();
  await expect(page.getByTestId('audit-log')).toContainText('chi · smartgate/AGV-003 · pause · finished', { timeout: 60_000 });
  await expect(page.getByTestId('ops-row-AGV-003')).toContainText('paused', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screenshots/server-fanout.png' });

  // Signed out, the fleet goes and the console says what to do.
  await page.getByTestId('server-signout').click();
  await expect(page.getByTestId('live-via-server')).toContainText('Sign in to the control-room server', { timeout: 30_000 });
  const unexpected = errors.filter((e) => !/401 \(Unauthorized\)|403 \(Forbidden\)/.test(e));
  expect(unexpected).toEqual([]);
  await page.close();
});
