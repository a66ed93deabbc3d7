import { expect, test, type Page } from '@playwright/test';
import { openTwin, settle, watchErrors } from './twinPage';

/** The first facility of a kind whose centre is on the canvas now, with its page position. */
async function onScreen(page: Page, kind: string) {
  return page.evaluate((k) => {
    const t = window.__TWIN__;
    const canvas = document.querySelector('canvas')!.getBoundingClientRect();
    for (const f of t.facilities.filter((x) => x.kind === k)) {
      const p = t.screenOf(f.id);
      if (p && p.x > canvas.left + 40 && p.x < canvas.right - 40 && p.y > canvas.top + 40 && p.y < canvas.bottom - 40) {
        return { id: f.id, ...p };
      }
    }
    return undefined;
  }, kind);
}

test('hovering a facility shows its tooltip; clicking it opens its panel and selects it', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&view=overview&lang=en');
  await settle(page, 40);
  // The problem panel and zone card sit over the canvas' top; aim at a building the default view shows.
  const target = await onScreen(page, 'admin-building');
  expect(target, 'an admin building in the overview').toBeDefined();
  await page.mouse.move(target!.x, target!.y);
  await expect(page.getByTestId('tooltip')).toContainText('Administrative building');
  await page.mouse.click(target!.x, target!.y);
  const panel = page.getByTestId('facility-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('facility-kind')).toHaveText('Administrative building');
  await expect(panel).toContainText(target!.id);
  await page.screenshot({ path: 'test-results/screenshots/facility-panel.png' });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  // The camera flew to the building: find it again where it is drawn now, select it, and leave with Escape.
  await settle(page, 10);
  const again = await page.evaluate((id) => window.__TWIN__.screenOf(id), target!.id);
  await page.mouse.click(again!.x, again!.y);
  await expect(panel).toContainText(target!.id);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  expect(errors).toEqual([]);
});

test('the legend hides and shows a facility kind', async ({ page }) => {
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en');
  await settle(page);
  // Paused, so that nothing else drawn comes or goes (a container on a crane, a checkpoint's glow) while counting.
  await page.getByTestId('sim-play').click();
  await expect.poll(() => page.evaluate(() => window.__TWIN__.sim.status)).toBe('paused');
  await settle(page, 5);
  const drawCalls = () => page.evaluate(() => window.__TWIN__.render.drawCalls);
  const shown = await drawCalls();
  const hanging = await page.evaluate(() => window.__TWIN__.cranes.some((c) => c.loaded));
  const button = page.getByTestId('legend').getByRole('button', { name: /Automated crane/ });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  // All cranes are one instanced mesh per part (runway, gantry, trolley, ropes, spreader, and the containers hanging
  // while any hangs): hiding the kind removes those draw calls and no other.
  await expect.poll(drawCalls).toBe(shown - 5 - (hanging ? 1 : 0));
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(drawCalls).toBe(shown);
});
