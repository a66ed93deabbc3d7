import { expect, test, type Page } from '@playwright/test';
import { watchErrors, watchExternal } from './twinPage';

const ZONES = ['1119-1120', '1088-2-1089'];
/** Long enough for both simulations to start in their workers on a slow software-rendered machine. */
const FIGURES_WAIT_MS = 90_000;

/** Waits `n` animation frames in the page: time passes by frames, not by a sleep. */
const animationFrames = (page: Page, n: number) =>
  page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );

const counters = (page: Page) => page.evaluate(() => ({ drawn: window.__TWIN__.render.frames, sim: window.__TWIN__.sim.frames }));

/** Makes the page report itself hidden (or visible again), as a wall's browser does when its tab is switched away. */
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);

async function expectFigures(page: Page, number: RegExp) {
  for (const zone of ZONES) {
    await expect(page.getByTestId(`briefing-projection-${zone}`)).toHaveText(number, { timeout: FIGURES_WAIT_MS });
    await expect(page.getByTestId(`briefing-p50-${zone}`)).toHaveText(/^\d[\d.,]* (min|phút)$/);
    await expect(page.getByTestId(`briefing-agv-${zone}`)).toHaveText(/^\d[\d.,]* %$/);
    await expect(page.getByTestId(`briefing-chart-${zone}`).locator('canvas').first()).toBeVisible();
  }
}

test.describe('the briefing wall at 3840×2160', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('shows both zones against their targets in large type and tours each zone', async ({ page }) => {
    // Software WebGL draws a 4K canvas at a few frames a second here; a wall's GPU does not need this margin.
    test.setTimeout(480_000);
    const started = Date.now();
    const lap = (what: string) => console.log(`briefing 4K: ${what} after ${Math.round((Date.now() - started) / 1000)} s`);
    const errors = watchErrors(page);
    const external = watchExternal(page);
    await page.goto('/?mode=briefing&lang=en');
    await expectFigures(page, /^\d[\d,]*$/);
    lap('figures shown');
    await expect(page.getByTestId('briefing-tile-1119-1120')).toContainText('2030 target: 3,000–3,500');
    await expect(page.getByTestId('briefing-tile-1088-2-1089')).toContainText('Today: 400');
    // Readable from across a room: the figures are drawn at least 48 CSS px high on a 4K wall.
    for (const id of ['briefing-projection-1119-1120', 'briefing-p50-1088-2-1089', 'briefing-agv-1119-1120']) {
      const px = await page.getByTestId(id).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px, id).toBeGreaterThanOrEqual(48);
    }
    const captionPx = await page.locator('.briefing-tour-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(captionPx).toBeGreaterThanOrEqual(48);
    // No debug UI, no operations chrome; the way out is hidden until the mouse moves.
    await expect(page.locator('.topbar')).toHaveCount(0);
    await expect(page.getByTestId('diagnostics-toggle')).toHaveCount(0);
    await expect(page.locator('.briefing-controls')).toHaveCSS('opacity', '0');

    const caption = page.getByTestId('briefing-caption');
    // Stop and text read together: read apart, the tour could move on between the two reads.
    const read = () => caption.evaluate((el) => ({ stop: el.getAttribute('data-stop'), text: el.textContent }));
    const first = await read();
    await expect.poll(async () => (await read()).stop, { timeout: 60_000 }).not.toBe(first.stop);
    expect((await read()).text).not.toBe(first.text);
    lap('caption changed');
    await animationFrames(page, 5);
    console.log(`briefing 4K: ${await page.evaluate(() => window.__TWIN__.render.frameMs)} ms a frame`);
    await page.screenshot({ path: 'test-results/screenshots/briefing-4k.png' });

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});

test('the briefing wall in Vietnamese on a 1920×1080 screen: stops its work while hidden; a discreet way out', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?mode=briefing&lang=vi');
  await expectFigures(page, /^\d[\d.]*$/);
  await expect(page.getByTestId('briefing')).toContainText('Dự báo cả ngày hôm nay');
  await expect(page.getByTestId('briefing-tile-1088-2-1089')).toContainText('Mục tiêu 2030: 2.000–2.500');
  await expect(page.getByTestId('briefing-caption')).not.toBeEmpty();
  await animationFrames(page, 10);
  await page.screenshot({ path: 'test-results/screenshots/briefing-vi-1080p.png' });

  await setHidden(page, true);
  await animationFrames(page, 5);
  const paused = await counters(page);
  await animationFrames(page, 30);
  expect(await counters(page)).toEqual(paused);
  await setHidden(page, false);
  await expect.poll(async () => (await counters(page)).drawn, { timeout: 30_000 }).toBeGreaterThan(paused.drawn);
  await expect.poll(async () => (await counters(page)).sim, { timeout: 30_000 }).toBeGreaterThan(paused.sim);

  await page.mouse.move(900, 500);
  await page.mouse.move(1000, 600);
  await expect(page.locator('.briefing-controls')).toHaveCSS('opacity', '1');
  await page.getByTestId('briefing-lang').click();
  await expect(page.getByTestId('briefing-tile-1119-1120')).toContainText('2030 target: 3,000–3,500');
  await page.getByTestId('briefing-exit').click();
  await expect(page.locator('.topbar')).toBeVisible();
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test('the exit and language buttons never cover the clock, at any wall size, in either language', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?mode=briefing&lang=vi');
  const clock = page.getByTestId('briefing-clock');
  await expect(clock).toBeVisible({ timeout: FIGURES_WAIT_MS });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1600, height: 1000 },
    { width: 3840, height: 2160 },
  ]) {
    await page.setViewportSize(size);
    for (const lang of ['vi', 'en']) {
      await expect(page.locator('.briefing')).toHaveAttribute('lang', lang);
      const c = (await clock.boundingBox())!;
      expect(c.x + c.width, `clock inside the screen at ${size.width}×${size.height} ${lang}`).toBeLessThanOrEqual(size.width);
      for (const id of ['briefing-lang', 'briefing-exit']) {
        const b = (await page.getByTestId(id).boundingBox())!;
        const apart = b.x >= c.x + c.width || b.x + b.width <= c.x || b.y >= c.y + c.height || b.y + b.height <= c.y;
        expect(apart, `${id} clear of the clock at ${size.width}×${size.height} ${lang}`).toBe(true);
      }
      await page.getByTestId('briefing-lang').click();
    }
  }
});
