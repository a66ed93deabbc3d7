import { expect, test } from '@playwright/test';
import { FACILITY_KINDS } from '../src/domain/sceneSchema';
import { canvasColours, openTwin, settle, twin, watchErrors, watchExternal } from './twinPage';

const ZONES = [
  { zone: '1119-1120', scene: 'proposed', shot: 'zone-1119-1120-proposed', closeView: 'gate' },
  { zone: '1088/2-1089', scene: 'proposed', shot: 'zone-1088-2-1089-proposed', closeView: 'bao-nguyen' },
  { zone: '1119-1120', scene: 'today', shot: 'zone-1119-1120-today', closeView: 'gate' },
];

for (const z of ZONES) {
  test(`zone ${z.zone} (${z.scene}) renders its facilities with real pixels, no console error, nothing fetched from outside`, async ({ page }) => {
    const errors = watchErrors(page);
    const external = watchExternal(page);
    await openTwin(page, `?zone=${encodeURIComponent(z.zone)}&scene=${z.scene}&lang=en`);
    await settle(page);
    const t = await twin(page);
    expect(t.zoneId).toBe(z.zone);
    expect(t.sceneId).toContain(z.scene);
    if (z.scene === 'proposed') expect(Object.keys(t.facilitiesByKind).sort()).toEqual([...FACILITY_KINDS].sort());
    expect(t.render.drawCalls).toBeGreaterThan(5);
    expect(t.render.triangles).toBeGreaterThan(1000);
    const colours = await canvasColours(page);
    expect(colours.distinct).toBeGreaterThan(150);
    await page.screenshot({ path: `test-results/screenshots/${z.shot}.png` });
    await expect(page.getByTestId('zone-card')).toContainText(z.zone === '1119-1120' ? '3,000' : '2,000');
    await page.getByTestId(`view-${z.closeView}`).click();
    await settle(page, 15);
    await page.screenshot({ path: `test-results/screenshots/${z.shot}-${z.closeView}.png` });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
}

test('the URL carries zone, scene, view and language, and a shared URL opens the same state', async ({ page }) => {
  await openTwin(page, '?zone=1088/2-1089&scene=proposed&lang=vi');
  await expect(page.getByTestId('legend')).toContainText('Kho bãi hàng nhập');
  const views = await page.locator('[data-testid^="view-"]').count();
  expect(views).toBeGreaterThan(1);
  await page.locator('[data-testid^="view-"]').nth(1).click();
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('legend')).toContainText('Import storage');
  const url = new URL(page.url());
  expect(url.searchParams.get('zone')).toBe('1088/2-1089');
  expect(url.searchParams.get('scene')).toBe('proposed');
  expect(url.searchParams.get('lang')).toBe('en');
  const view = url.searchParams.get('view');
  expect(view).toBeTruthy();
  await openTwin(page, url.search);
  expect((await twin(page)).viewId).toBe(view);
  await expect(page.getByTestId(`view-${view}`)).toHaveAttribute('aria-pressed', 'true');
});

test('the zone switcher loads the other zone', async ({ page }) => {
  await openTwin(page, '?zone=1119-1120&lang=en');
  await page.getByTestId('zone-1088/2-1089').click();
  await expect.poll(async () => (await twin(page)).zoneId).toBe('1088/2-1089');
  await page.waitForFunction(() => window.__TWIN__.ready);
  expect(new URL(page.url()).searchParams.get('zone')).toBe('1088/2-1089');
});
