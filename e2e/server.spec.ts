import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/startServer';
import { UserStore } from '../server/users/UserStore';
import { openTwin, watchErrors, watchExternal } from './twinPage';

const PASSWORD = 'operator password 1';
let server: RunningServer;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twin-e2e-server-'));
  // The build the other browser tests use, served by the control-room server on a port of its own.
  server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir, TWIN_DIST_DIR: process.env.E2E_DIST ?? 'dist' }));
  await new UserStore(server.database.db).add('ana', 'operator', PASSWORD);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('served by the control-room server: cross-origin isolated, signs in, shows who and in which role in both languages, keeps the session over a reload, signs out', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await page.goto(`${server.url}/?lang=en`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 90_000 });
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect.poll(() => page.evaluate(() => window.__TWIN__.server)).toEqual({ connected: true });

  await page.getByTestId('server-signin-open').click();
  await page.getByTestId('server-name').fill('ana');
  await page.getByTestId('server-password').fill('not her password');
  await page.getByTestId('server-signin-submit').click();
  await expect(page.getByTestId('server-problem')).toHaveText('Wrong user name or password.');
  await page.screenshot({ path: 'test-results/screenshots/server-signin-refused.png' });
  // What was typed stays for the correction.
  await expect(page.getByTestId('server-name')).toHaveValue('ana');
  await page.getByTestId('server-password').fill(PASSWORD);
  await page.getByTestId('server-signin-submit').click();
  await expect(page.getByTestId('server-user')).toHaveText('ana · operator');
  expect(await page.evaluate(() => window.__TWIN__.server)).toEqual({ connected: true, user: 'ana', role: 'operator' });
  await page.screenshot({ path: 'test-results/screenshots/server-signed-in.png' });

  await page.reload();
  await expect(page.getByTestId('server-user')).toHaveText('ana · operator', { timeout: 60_000 });
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('server-user')).toHaveText('ana · vận hành viên');
  await page.getByTestId('server-signout').click();
  await expect(page.getByTestId('server-signin-open')).toHaveText('Đăng nhập');
  expect(await page.evaluate(() => window.__TWIN__.server)).toEqual({ connected: true });
  expect(errors.filter((e) => !/401 \(Unauthorized\)/.test(e))).toEqual([]);
  expect(external).toEqual([]);
});

test('served without a server (a static build): no account corner, no server in the probe', async ({ page }) => {
  await openTwin(page, '?lang=en');
  await expect(page.locator('.topbar .brand')).toBeVisible();
  expect(await page.evaluate(() => window.__TWIN__.server)).toBeUndefined();
  await expect(page.getByTestId('server-account')).toHaveCount(0);
});
