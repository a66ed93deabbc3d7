import { expect, test, type Page } from '@playwright/test';
import { openTwin, settle, watchErrors } from './twinPage';

const URL = '?mode=engineering&zone=1119-1120&scene=proposed&lang=en';
const MOVED = 'vn-customs';
const ONTO = 'vn-export-yard';

function editor(page: Page) {
  return page.evaluate(() => {
    const e = window.__EDITOR__!;
    return { facilities: e.facilities, problems: e.problems, historySize: e.historySize, selection: e.selection };
  });
}

async function positionOf(page: Page, id: string): Promise<readonly [number, number]> {
  return (await editor(page)).facilities.find((f) => f.id === id)!.position;
}

async function typeField(page: Page, testId: string, value: number) {
  const field = page.getByTestId(testId);
  await field.fill(String(value));
  await field.press('Enter');
}

// SwiftShader WebGL on a shared machine: a page load takes 30–90 s, a drawn frame up to a second.
test.describe.configure({ timeout: 600_000 });

const overlapProblems = async (page: Page) => (await editor(page)).problems.filter((p) => p.includes('overlaps'));

test('a facility typed or dragged onto another shows the overlap in the list and in the scene; undo puts it back', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, URL);
  await settle(page, 10);
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');
  const home = await positionOf(page, MOVED);
  const target = await positionOf(page, ONTO);

  // Select by clicking the building in 3D where the view shows it (away from the panels), else from the list.
  const at = await page.evaluate((id) => window.__TWIN__.screenOf(id), MOVED);
  const free = at && at.x > 420 && at.x < 1100 && at.y > 140 && at.y < 820;
  if (free) await page.mouse.click(at.x, at.y);
  else await page.getByTestId('facility-picker').selectOption(MOVED);
  await expect(page.getByTestId('inspector')).toContainText(MOVED);

  await typeField(page, 'field-east', target[0]);
  await typeField(page, 'field-north', target[1]);
  await expect(page.getByTestId('layout-problems')).toContainText('overlaps');
  await expect(page.getByTestId('layout-problems')).toContainText(ONTO);
  expect(await overlapProblems(page)).not.toEqual([]);
  // The problem is marked in the scene: a red outline and pin at both facilities.
  await page.getByTestId('facility-picker').selectOption(ONTO);
  await settle(page, 10);
  await page.screenshot({ path: 'test-results/screenshots/engineering-overlap.png' });

  // Two typed values, two steps: undo both with the keyboard.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');
  expect(await positionOf(page, MOVED)).toEqual(home);
  await page.getByTestId('redo').click();
  expect((await positionOf(page, MOVED))[0]).toBe(target[0]);
  await page.getByTestId('undo').click();

  // Now with the move gizmo: a whole drag is one undo step; Escape during a drag puts the facility back.
  await page.getByTestId('facility-picker').selectOption(MOVED);
  await page.getByTestId('tool-move').click();
  await settle(page, 5);

  // The gizmo's ground-plane (XZ) handle: a 0.4-unit square 0.2 units from its centre along x and z, on the
  // camera's side of each axis; a unit is distance × 1.9·tan(fov/2) × size / 7 (three-stdlib's
  // TransformControls), with fov 45° (TwinCanvas) and size 1.1 (FacilityGizmo). z is south in three.js.
  const aim = await page.evaluate(([e, n]) => {
    const p = window.__EDITOR__!;
    const [ce, cn, cu] = p.camera;
    const unit = (Math.hypot(ce - e, cn - n, cu) * 1.9 * Math.tan((Math.PI * 45) / 360) * 1.1) / 7;
    const alongX = Math.sign(ce - e) * 0.2 * unit;
    const alongZ = Math.sign(n - cn) * 0.2 * unit;
    return { handle: p.screenOf(e + alongX, n - alongZ), from: p.screenOf(e, n) };
  }, home);
  const to = await page.evaluate(([e, n]) => window.__EDITOR__!.screenOf(e, n), target);
  const dx = to!.x - aim.from!.x;
  const dy = to!.y - aim.from!.y;

  await page.mouse.move(aim.handle!.x, aim.handle!.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(aim.handle!.x + (dx * i) / 10, aim.handle!.y + (dy * i) / 10);
  await page.mouse.up();
  const dropped = await positionOf(page, MOVED);
  expect(Math.hypot(dropped[0] - target[0], dropped[1] - target[1]), 'dropped near the yard').toBeLessThan(25);
  await expect(page.getByTestId('layout-problems')).toContainText('overlaps');
  expect((await editor(page)).historySize).toBe(1);
  await settle(page, 5);
  await page.screenshot({ path: 'test-results/screenshots/engineering-gizmo.png' });
  await page.keyboard.press('Control+z');
  expect(await positionOf(page, MOVED)).toEqual(home);
  await expect(page.getByTestId('layout-problems')).toContainText('no problem');

  // Escape in the middle of a drag: back to where it started, nothing to undo.
  await page.mouse.move(aim.handle!.x, aim.handle!.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(aim.handle!.x + (dx * i) / 10, aim.handle!.y + (dy * i) / 10);
  expect(await positionOf(page, MOVED)).not.toEqual(home);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect(await positionOf(page, MOVED)).toEqual(home);
  expect((await editor(page)).historySize).toBe(0);
  expect(errors).toEqual([]);
});

test('an edit survives a reload as a restored draft, which can be discarded', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, URL);
  await settle(page, 5);
  const home = await positionOf(page, MOVED);
  await page.getByTestId('facility-picker').selectOption(MOVED);
  await typeField(page, 'field-east', home[0] + 30);
  await expect(page.getByTestId('autosave')).toHaveAttribute('data-status', 'saved');

  await page.reload();
  await page.waitForFunction(() => window.__TWIN__?.ready === true && window.__EDITOR__ !== undefined, undefined, { timeout: 90_000 });
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  expect((await positionOf(page, MOVED))[0]).toBe(home[0] + 30);
  await page.getByTestId('facility-picker').selectOption(MOVED);
  await expect(page.getByTestId('field-east')).toHaveValue(String(home[0] + 30));
  await page.getByTestId('tab-assumptions').click();
  await expect(page.getByTestId('assumptions')).toContainText('AGV fleet size');
  await page.getByTestId('tab-layout').click();
  await page.getByTestId('view-gate').click();
  await settle(page, 30);
  await page.screenshot({ path: 'test-results/screenshots/engineering-editor.png' });

  await page.getByTestId('discard-draft').click();
  expect(await positionOf(page, MOVED)).toEqual(home);
  await expect(page.getByTestId('draft-restored')).toBeHidden();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')))).toEqual([]);
  expect(errors).toEqual([]);
});
