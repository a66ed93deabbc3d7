import { expect, test } from '@playwright/test';
import { openTwin, settle, twin, watchErrors } from './twinPage';

// SwiftShader WebGL on a shared machine: a page load takes 30–90 s, a drawn frame up to a second.
test.describe.configure({ timeout: 600_000 });

test('New variant…: a generated layout refused with its reasons, then made and opened to edit, passing the checker', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, '?mode=engineering&zone=1119-1120&scene=proposed&lang=en');
  await settle(page, 10);
  await page.getByTestId('new-variant-open').click();
  const dialog = page.getByTestId('new-variant');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('variant-corridor')).toHaveValue('loop');

  // Three bays a crane and a bad name: every reason listed, nothing opened.
  await page.getByTestId('variant-name').fill('Wide Yard');
  await page.getByTestId('variant-handoverBays').fill('3');
  await page.getByTestId('variant-create').click();
  const problems = page.getByTestId('variant-problems');
  await expect(problems).toContainText('handover-bays: 0 or 1 (got 3)');
  await expect(problems).toContainText('variant: lower-case letters, digits and -');
  expect((await twin(page)).sceneId).toBe('1119-1120-proposed');

  await page.getByTestId('variant-name').fill('wide');
  await page.getByTestId('variant-handoverBays').fill('1');
  await page.getByTestId('variant-cranes-vnImport').fill('5');
  await page.getByTestId('variant-agvs').fill('60');
  await page.getByTestId('variant-parkBays').fill('60');
  await page.getByTestId('variant-create').click();
  await expect(dialog).toHaveCount(0);
  await page.waitForFunction(() => window.__TWIN__?.sceneId === '1119-1120-wide' && window.__TWIN__.ready === true, undefined, { timeout: 90_000 });
  await settle(page, 10);
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');
  // 5 + 2 + 2 + 2 cranes (the others at the default 2).
  await expect(page.getByTestId('legend')).toContainText(/Automated crane\s*11/);
  await page.screenshot({ path: 'test-results/screenshots/engineering-new-variant.png' });
  expect(errors).toEqual([]);
});
