import { expect, test, type Page } from '@playwright/test';
import { openTwin } from './twinPage';

/** The screens the consoles are made for: a laptop, a desktop monitor, a 4K control-room wall. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
  { width: 3840, height: 2160 },
] as const;

/**
 * What is wrong with the page's layout as shown: every visible control (button, input, select, tab, summary,
 * link) that another element covers at its centre, and every button, label or ellipsis-cut text whose text is
 * clipped. Each finding names the control and what covers it, so a failure says what to fix where.
 */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate((SELECT_ARROW_PX) => {
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid');
      const text = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : cls}${text ? ` "${text}"` : ''}`;
    };
    /** The panel an element belongs to: the nearest ancestor that is a panel, a bar or a region, by its tag and classes. */
    const panelOf = (el: Element): string => {
      const p = el.closest('.panel, [class*="panel"], [class*="hud"], header, nav, aside, section, [role=dialog], table, ol, ul');
      if (!p) return 'the page';
      const cls = typeof p.className === 'string' && p.className ? `.${p.className.trim().split(/\s+/).join('.')}` : '';
      return `${p.tagName.toLowerCase()}${cls}`;
    };
    const shown = (el: Element) => el.checkVisibility() && el.getClientRects().length > 0;
    /** The part of the screen an element can be seen in: the viewport cut by every ancestor that clips. */
    const visibleBox = (el: Element): DOMRect => {
      let { left, top, right, bottom } = el.getBoundingClientRect();
      left = Math.max(left, 0);
      top = Math.max(top, 0);
      right = Math.min(right, innerWidth);
      bottom = Math.min(bottom, innerHeight);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const r = a.getBoundingClientRect();
        left = Math.max(left, r.left);
        top = Math.max(top, r.top);
        right = Math.min(right, r.right);
        bottom = Math.min(bottom, r.bottom);
      }
      return new DOMRect(left, top, right - left, bottom - top);
    };

    const faults: string[] = [];
    for (const el of document.querySelectorAll('button, input, select, textarea, [role=tab], summary, a[href]')) {
      if (!shown(el)) continue;
      const box = visibleBox(el);
      // Scrolled out of its list, or off screen: not on show, so nothing covers it.
      if (box.width < 2 || box.height < 2) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // Half scrolled away: test the middle of what shows.
      const px = x >= box.left && x <= box.right ? x : box.left + box.width / 2;
      const py = y >= box.top && y <= box.bottom ? y : box.top + box.height / 2;
      const hit = document.elementFromPoint(px, py);
      if (!hit || el === hit || el.contains(hit)) continue;
      // A label wrapping its input is the same control.
      if (hit.closest('label')?.contains(el)) continue;
      faults.push(`covered: ${name(el)} in ${panelOf(el)}, under ${panelOf(hit)}`);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (!shown(el)) continue;
      const s = getComputedStyle(el);
      const control = el.matches('button, label, [role=tab], summary, a, button *, label *, [role=tab] *, summary *');
      const cuts = s.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(s.overflowX);
      if (!cuts || !(control || s.textOverflow === 'ellipsis')) continue;
      if (!el.textContent?.trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1) faults.push(`clipped: ${name(el)} in ${panelOf(el)} (text ${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    // A select draws its chosen option itself, so its text never scrolls: measure the text against the room it has.
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const el of document.querySelectorAll('select')) {
      const option = el.selectedOptions[0];
      if (!shown(el) || !option) continue;
      const s = getComputedStyle(el);
      ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - SELECT_ARROW_PX;
      const text = Math.ceil(ctx.measureText(option.text).width);
      if (text > room + 1) faults.push(`clipped: ${name(el)} showing "${option.text}" in ${panelOf(el)} (text ${text} px in ${Math.floor(room)} px)`);
    }
    // A list's rows repeat a fault: each distinct one once, with the ones alike only in their figures merged.
    const seen = new Set<string>();
    return faults.filter((f) => {
      const key = f.replace(/\d+ px in \d+ px/, '');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, SELECT_ARROW_PX);
}

/** Room Chromium keeps at a select's right for its arrow, beside the padding (its menulist style). */
const SELECT_ARROW_PX = 14;

/** The faults of the page at each size in both languages, each prefixed with where it was seen. */
async function faultsEverywhere(page: Page, what: string, langButton: string, ready: () => Promise<void>): Promise<string[]> {
  const out: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (let i = 0; i < 2; i++) {
      await ready();
      const lang = await page.locator('html').getAttribute('lang');
      const where = `${what} ${size.width}×${size.height} ${lang}`;
      await page.screenshot({ path: `test-results/screenshots/layout-${what}-${size.width}-${lang}.png` });
      for (const f of await layoutFaults(page)) out.push(`${where}: ${f}`);
      await page.getByTestId(langButton).click();
    }
  }
  return out;
}

/** Waits two animation frames, so a resize or a language switch has been laid out and painted. */
const painted = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

test.describe('no panel covers another panel’s controls, and no control’s text is cut', () => {
  test.setTimeout(360_000);

  test('operations console, on the simulation', async ({ page }) => {
    await openTwin(page, '?mode=operations&zone=1119-1120&scene=proposed&lang=vi');
    const faults = await faultsEverywhere(page, 'operations', 'lang', () => painted(page));
    expect(faults).toEqual([]);
  });

  for (const tab of ['layout', 'study'] as const) {
    test(`engineering console, ${tab} tab`, async ({ page }) => {
      await openTwin(page, '?mode=engineering&zone=1119-1120&scene=proposed&lang=vi');
      await page.getByTestId(`tab-${tab}`).click();
      const faults = await faultsEverywhere(page, `engineering-${tab}`, 'lang', () => painted(page));
      expect(faults).toEqual([]);
    });
  }

  for (const mode of ['operations', 'engineering'] as const) {
    test(`${mode} console with the error panel open`, async ({ page }) => {
      await openTwin(page, `?mode=${mode}&zone=1119-1120&scene=proposed&speed=7&lang=vi`);
      await expect(page.getByTestId('problem-panel')).toBeVisible();
      const faults = await faultsEverywhere(page, `${mode}-problems`, 'lang', () => painted(page));
      expect(faults.filter((f) => f.includes('problem-panel'))).toEqual([]);
    });
  }

  test('briefing wall', async ({ page }) => {
    await page.goto('/?mode=briefing&lang=vi');
    await expect(page.getByTestId('briefing-clock')).toBeVisible({ timeout: 90_000 });
    const faults = await faultsEverywhere(page, 'briefing', 'briefing-lang', () => painted(page));
    expect(faults).toEqual([]);
  });
});
