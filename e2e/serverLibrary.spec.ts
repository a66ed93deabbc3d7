import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/startServer';
import { UserStore } from '../server/users/UserStore';
import { watchErrors } from './twinPage';

/**
 * The layout library through the engineering console of a twin served by the control-room server: one engineer
 * saves a layout and a new version of it; another sees both, compares them, opens the first, and is refused when
 * saving over the newer one; a viewer may browse but not save.
 */

const PASSWORD = 'engineering room password';
let server: RunningServer;
let dir: string;

// SwiftShader WebGL on a shared machine: a page load takes 30–90 s.
test.describe.configure({ timeout: 600_000 });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twin-e2e-library-'));
  server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir, TWIN_DIST_DIR: process.env.E2E_DIST ?? 'dist' }));
  const users = new UserStore(server.database.db);
  await users.add('duc', 'engineer', PASSWORD);
  await users.add('em', 'engineer', PASSWORD);
  await users.add('vy', 'viewer', PASSWORD);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page of its own (its own cookies) on the engineering console, signed in to the server as `name`, on the Library tab. */
async function libraryPage(browser: Browser, name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/?mode=engineering&zone=1119-1120&scene=proposed&lang=en`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 120_000 });
  await page.getByTestId('server-signin-open').click();
  await page.getByTestId('server-name').fill(name);
  await page.getByTestId('server-password').fill(PASSWORD);
  await page.getByTestId('server-signin-submit').click();
  await expect(page.getByTestId('server-user')).toContainText(name);
  await page.getByTestId('tab-library').click();
  await expect(page.getByTestId('library-panel')).toBeVisible();
  return { page, errors };
}

const east = (page: Page, id: string) => page.evaluate((f) => window.__EDITOR__!.facilities.find((x) => x.id === f)!.position[0], id);

async function moveEast(page: Page, id: string, by: number): Promise<void> {
  await page.getByTestId('tab-layout').click();
  await page.getByTestId('facility-picker').selectOption(id);
  const field = page.getByTestId('field-east');
  await field.fill(String((await east(page, id)) + by));
  await field.press('Enter');
  await page.getByTestId('tab-library').click();
}

test('engineers keep layouts by version on the server, compare two versions, and never overwrite each other; a viewer only browses', async ({
  browser,
}) => {
  const duc = await libraryPage(browser, 'duc');
  const home = await east(duc.page, 'vn-customs');
  await expect(duc.page.getByTestId('library-origin')).toHaveText('This layout is not in the library yet.');
  await duc.page.getByTestId('library-name').fill('Two-way corridor');
  await duc.page.getByTestId('library-note').fill('as proposed');
  await duc.page.getByTestId('library-save-new').click();
  await expect(duc.page.getByTestId('library-said')).toHaveText('Saved as “Two-way corridor”, version 1.');
  await expect(duc.page.getByTestId('library-origin')).toHaveText('Editing Two-way corridor, version 1.');

  await moveEast(duc.page, 'vn-customs', 20);
  await expect(duc.page.getByTestId('library-origin')).toHaveText('Editing Two-way corridor, version 1, with unsaved changes.');
  await duc.page.getByTestId('library-note').fill('customs 20 m east');
  await duc.page.getByTestId('library-save-version').click();
  await expect(duc.page.getByTestId('library-said')).toHaveText('Saved Two-way corridor, version 2.');
  await expect(duc.page.getByTestId('library-layout')).toContainText('v2 · duc');

  const em = await libraryPage(browser, 'em');
  const layout = em.page.getByTestId('library-layout').filter({ hasText: 'Two-way corridor' });
  await expect(layout).toContainText('v2 · duc');
  await layout.getByTestId('library-layout-open').click();
  const versions = em.page.getByTestId('library-version');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('customs 20 m east');
  await versions.nth(0).getByTestId('library-pick').check();
  await versions.nth(1).getByTestId('library-pick').check();
  await em.page.getByTestId('library-compare').click();
  await expect(em.page.getByTestId('library-comparison')).toContainText('Version 1 → 2: the checker finds 0 → 0 problems');
  await expect(em.page.getByTestId('library-change')).toHaveText(['Facility vn-customs moved 20 m']);
  await em.page.screenshot({ path: 'test-results/screenshots/layout-library.png' });

  // Version 1 opens in the editor: the customs building is back where it was.
  await versions.nth(1).getByTestId('library-open').click();
  await expect(em.page.getByTestId('library-origin')).toHaveText('Editing Two-way corridor, version 1.');
  expect(await east(em.page, 'vn-customs')).toBe(home);
  // Edited from version 1 while version 2 exists: the server refuses the save and says whose work it would overwrite.
  await moveEast(em.page, 'vn-customs', -10);
  await em.page.getByTestId('library-save-version').click();
  await expect(em.page.getByTestId('library-error')).toContainText('basedOn: version 2 was saved by duc at');
  // Nothing lost: the edit is still in the editor, and it can go in as a layout of its own.
  expect(await east(em.page, 'vn-customs')).toBe(home - 10);
  await em.page.getByTestId('library-name').fill('Customs west');
  await em.page.getByTestId('library-save-new').click();
  await expect(em.page.getByTestId('library-said')).toHaveText('Saved as “Customs west”, version 1.');

  const vy = await libraryPage(browser, 'vy');
  await expect(vy.page.getByTestId('library-layout')).toHaveCount(2);
  await expect(vy.page.getByTestId('library-panel')).toContainText('View only: saving layouts is for engineers.');
  await expect(vy.page.getByTestId('library-save-new')).toBeDisabled();

  for (const p of [duc, em, vy]) {
    // The page asks who is signed in before anyone is (401), and the refused save answers 409: both expected.
    expect(p.errors.filter((e) => !/401 \(Unauthorized\)|409 \(Conflict\)/.test(e))).toEqual([]);
    await p.page.context().close();
  }
});
