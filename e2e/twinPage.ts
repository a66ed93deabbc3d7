import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** Console errors and uncaught exceptions seen on the page since `watchErrors` was called. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

/** Requests the page makes to anywhere but this machine (control rooms are air-gapped: there must be none). */
export function watchExternal(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && url.hostname !== '127.0.0.1') {
      external.push(r.url());
    }
  });
  return external;
}

/** Opens the twin with the given query and waits until the scene's first frame is drawn. */
export async function openTwin(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 90_000 });
}

export function twin(page: Page) {
  return page.evaluate(() => {
    const { screenOf: _omit, screenAt: _omitToo, ...rest } = window.__TWIN__;
    return rest;
  });
}

/**
 * Distinct colours in the WebGL canvas as shown, each channel quantised to 32 levels, counted over a screenshot
 * of the canvas element: a blank or single-colour canvas gives a handful, a drawn scene hundreds.
 */
export async function canvasColours(page: Page): Promise<{ distinct: number; width: number; height: number }> {
  const png = PNG.sync.read(await page.locator('canvas').first().screenshot());
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    seen.add(((png.data[i]! >> 3) << 10) | ((png.data[i + 1]! >> 3) << 5) | (png.data[i + 2]! >> 3));
  }
  return { distinct: seen.size, width: png.width, height: png.height };
}

/** Waits a few drawn frames so a camera move has been rendered. */
export async function settle(page: Page, frames = 20): Promise<void> {
  const start = await page.evaluate(() => window.__TWIN__.render.frames);
  await expect.poll(() => page.evaluate(() => window.__TWIN__.render.frames), { timeout: 60_000 }).toBeGreaterThan(start + frames);
}
