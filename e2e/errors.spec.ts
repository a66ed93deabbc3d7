import { expect, test } from '@playwright/test';
import { openTwin, twin } from './twinPage';

test('an unknown scene in the URL shows the problem and falls back to the default scene', async ({ page }) => {
  await openTwin(page, '?zone=1119-1120&scene=nope&lang=en');
  const panel = page.getByTestId('problem-panel');
  await expect(panel).toContainText('scene: no scene "nope" for zone 1119-1120');
  expect((await twin(page)).sceneId).toContain('proposed');
});

test('a scene URL that does not exist names the HTTP error; the twin still shows a scene', async ({ page }) => {
  await openTwin(page, '?zone=1088/2-1089&scene=/no/such/file.json&lang=en');
  await expect(page.getByTestId('problem-panel')).toContainText('cannot load');
  expect((await twin(page)).zoneId).toBe('1088/2-1089');
});

test('a broken scene file opened from disk lists its problems and keeps the scene on screen', async ({ page }) => {
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en');
  const before = await twin(page);
  await page.getByTestId('file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "smart-gate-twin/scene@1",\n  "id": "x"\n  "variant": "today"\n}\n'),
  });
  const panel = page.getByTestId('problem-panel');
  await expect(panel).toContainText('broken.json');
  await expect(panel).toContainText('4:3 (file): malformed JSON: expected a comma between items');
  await expect(panel).toContainText('1 problem;');
  const after = await twin(page);
  expect(after.sceneId).toBe(before.sceneId);
  expect(after.ready).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/problem-panel.png' });
});

test('a scene file with wrong fields is dropped on the page: each problem is named by its path', async ({ page }) => {
  await openTwin(page, '?zone=1119-1120&scene=today&lang=en');
  const text = JSON.stringify({ format: 'smart-gate-twin/scene@1', id: 'bad', variant: 'Future Layout', facilities: [{ kind: 'road' }] }, null, 2);
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  const panel = page.getByTestId('problem-panel');
  await expect(panel).toContainText('variant: must be lower-case letters, digits and -');
  await expect(panel).toContainText('facilities[0].id: required');
  expect((await twin(page)).sceneId).toContain('today');
});

test('every wrong URL parameter is named at once, with what it allows, in the UI language', async ({ page }) => {
  await openTwin(page, '?zone=abc&vpd=xyz&view=nope&speed=7&sped=60&lang=vi');
  const panel = page.getByTestId('problem-panel');
  const items = panel.locator('li');
  await expect(items).toHaveText([
    'zone: "abc" không hợp lệ (giá trị hợp lệ: 1119-1120, 1088/2-1089)',
    'vpd: "xyz" không phải là số từ 0 đến 100.000',
    'view: "nope" không hợp lệ (giá trị hợp lệ: overview, gate, corridor, cn-yard)',
    'speed: "7" không hợp lệ (giá trị hợp lệ: 1, 10, 60, 300, 1000)',
    /^sped: tham số không được hỗ trợ \(các tham số hợp lệ: mode, zone, .*speed/,
  ]);
  // The default scene opened meanwhile, and the panel follows a change of language.
  expect((await twin(page)).sceneId).toContain('proposed');
  await page.getByTestId('lang').click();
  await expect(items.first()).toHaveText('zone: "abc" is not allowed (allowed: 1119-1120, 1088/2-1089)');
  await expect(items.nth(1)).toHaveText('vpd: "xyz" is not a number from 0 to 100,000');
});
