import { expect, test, type Page } from '@playwright/test';
import { openTwin, watchErrors } from './twinPage';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
  { width: 3840, height: 2160 },
];

interface Box {
  readonly name: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Where the console's controls are, and which of them cut their text: every control of the toolbar and the
 * legend, the side panel's box, and any box of the console whose own text does not fit (a select must show
 * its choice whole, and the toolbar's kind list its longest kind).
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element, name: string) => {
      const r = el.getBoundingClientRect();
      return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const named = (el: Element) => (el as HTMLElement).dataset.testid ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
    const root = document.querySelector('[data-testid="engineering-console"]')!;
    const side = root.querySelector('aside')!;
    const toolbar = [...root.querySelectorAll('[data-testid="editor-toolbar"] :is(button, select, label)')].map((el) => box(el, named(el)));
    const legend = [...root.querySelectorAll('[data-testid="legend"] button')].map((el) => box(el, `legend: ${named(el)}`));
    const ctx = document.createElement('canvas').getContext('2d')!;
    const clipped: string[] = [];
    for (const el of root.querySelectorAll<HTMLSelectElement>('select')) {
      if (el.offsetParent === null) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      // The kind to place is chosen from the toolbar's list: it holds its longest kind; any other shows its choice.
      const shown = el.dataset.testid === 'place-kind' ? [...el.options] : [...el.selectedOptions];
      const widest = Math.max(...shown.map((o) => ctx.measureText(o.text).width));
      // Padding, border and the drop-down arrow (about 20 px in Chromium) come on top of the text.
      if (widest + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + 20 > el.getBoundingClientRect().width + 1) clipped.push(named(el));
    }
    for (const el of root.querySelectorAll<HTMLElement>('button, label, span, h2, h3, p')) {
      if (el.offsetParent === null || getComputedStyle(el).display === 'inline') continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (ownText && el.scrollWidth > el.clientWidth + 1) clipped.push(named(el));
    }
    const legendBox = box(root.querySelector('[data-testid="legend"]')!, 'legend');
    return { side: box(side, 'side panel'), legend: legendBox, toolbar, controls: [...toolbar, ...legend], clipped, viewport: { width: innerWidth, height: innerHeight } };
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Two animation frames: the layout after a resize or a language switch has been drawn. */
const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('the engineering console’s panels never cover its controls, and no control cuts its text, in both languages at three sizes', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = watchErrors(page);
  await page.setViewportSize(SIZES[0]!);
  await openTwin(page, '?mode=engineering&zone=1119-1120&scene=proposed&lang=en');
  await page.getByTestId('facility-picker').selectOption('vn-customs');
  for (const lang of ['en', 'vi']) {
    if (lang === 'vi') await page.getByTestId('lang').evaluate((b: HTMLButtonElement) => b.click());
    await expect(page.getByTestId('tab-layout')).toHaveText(lang === 'vi' ? 'Mặt bằng' : 'Layout');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const tab of ['layout', 'assumptions', 'study']) {
        await page.getByTestId(`tab-${tab}`).evaluate((b: HTMLButtonElement) => b.click());
        await frames(page);
        const m = await measure(page);
        const where = `${lang} ${size.width}×${size.height}, ${tab} tab`;
        const covered = m.controls.filter((c) => overlaps(c, m.side)).map((c) => c.name);
        expect(covered, `${where}: controls under the side panel`).toEqual([]);
        const outside = m.controls.filter((c) => c.left < 0 || c.top < 0 || c.right > m.viewport.width || c.bottom > m.viewport.height).map((c) => c.name);
        expect(outside, `${where}: controls off the screen`).toEqual([]);
        const underLegend = m.toolbar.filter((c) => overlaps(c, m.legend)).map((c) => c.name);
        expect(underLegend, `${where}: toolbar controls under the legend`).toEqual([]);
        expect(m.clipped, `${where}: controls that cut their text`).toEqual([]);
        if (size.width === 1280 && tab === 'study') await page.screenshot({ path: `test-results/screenshots/engineering-layout-${lang}-1280.png` });
      }
    }
    await page.setViewportSize(SIZES[0]!);
  }
  expect(errors).toEqual([]);
});
