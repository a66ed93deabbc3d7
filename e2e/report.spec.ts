import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { press, setFields } from './studyForm';
import { openTwin, watchErrors, watchExternal } from './twinPage';

const OUT = resolve('test-results/report');
const en = (n: number) => Math.round(n).toLocaleString('en-GB');

/** The text of a PDF as Debian's poppler-utils reads it (`pdftotext`, CI installs it), a form feed after each page. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

test('npm run study --report writes a page Chromium prints to A4 pages that hold the figures', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  const html = join(OUT, 'report.html');
  // About 2 s: a day of warm-up and 4 h measured, twice, on the 2027 stage of Tân Thanh.
  const cli = spawnSync('npx', ['tsx', 'scripts/study.ts', 'scenes/1088-2-1089/2027.json', '--replications', '2', '--hours', '4', '--report', html], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stderr).toContain(`report written to ${html}`);
  const study = JSON.parse(cli.stdout.trim().split('\n').at(-1)!) as {
    spec: { target: number };
    targetRange: { min: number; max: number };
    base: { clearedPerDay: { mean: number; low: number; high: number } };
  };
  const c = study.base.clearedPerDay;

  const external = watchExternal(page);
  await page.goto(pathToFileURL(html).href);
  await expect(page.locator('h1')).toHaveText('Capacity study of a layout');
  const pdf = join(OUT, 'report.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(external).toEqual([]);

  const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  // The summary, the layout, the day's charts and the assumptions each begin a page.
  expect(pages.length).toBeGreaterThanOrEqual(4);
  expect(pages[0]).toContain('Vehicles cleared per day, scaled from 4 h (× 6)');
  expect(pages[0]).toMatch(new RegExp(`\\n${en(c.mean)}\\s+95 % CI ${en(c.low)}–${en(c.high)}`));
  const range = study.targetRange;
  const stand = c.mean < range.min ? 'Below' : c.mean > range.max ? 'Above' : 'Within';
  expect(pages[0]).toContain(`${stand} the 2030 target of ${en(range.min)}–${en(range.max)}`);
  expect(pages[0]).toContain(`target of ${en(study.spec.target)}/day`);
  expect(pages[1]).toContain('The layout from above');
  expect(text).toContain('Assumptions and their sources');
  // Each page numbered in its margin.
  expect(pages.at(-1)).toMatch(new RegExp(`\\b${pages.length} ?/ ?${pages.length}\\s*$`));
  // One page as an image, to look at (pdftoppm, poppler-utils).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, 'report-page')]);
});

test('the console opens a finished study as a report page in a new tab, in its language', async ({ page }) => {
  // SwiftShader draws the 3D view behind the panel slowly: every step waits on a busy page.
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openTwin(page, '?mode=engineering&zone=1088/2-1089&scene=2027&lang=en');
  await press(page, 'tab-study');
  await expect(page.getByTestId('study-report')).toBeDisabled();
  await setFields(page, { hours: '2', warmupDays: '0', replications: '2' });
  await press(page, 'study-run');
  const cleared = page.getByTestId('study-result-edited-cleared');
  await expect(cleared).toBeVisible({ timeout: 60_000 });

  const [report] = await Promise.all([page.waitForEvent('popup'), press(page, 'study-report')]);
  await report.waitForLoadState();
  expect(report.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await expect(report.locator('h1')).toHaveText('Capacity study of a layout');
  await expect(report.locator('dl.meta')).toContainText('1088/2-1089: layout 2027 (generated) · Stage 2027');
  // The same study: the report's mean is the console's.
  const mean = await report.locator('.headline .value').innerText();
  expect(await cleared.innerText()).toMatch(new RegExp(`^${mean} `));
  await expect(report.locator('.caveats li[data-code="partial-day"]')).toHaveCount(1);
  await expect(report.locator('#layout figure.drawing svg')).toHaveCount(3);
  await expect(report.getByTestId('report-print')).toBeVisible();
  await report.screenshot({ path: 'test-results/screenshots/report.png' });
  await report.close();

  // In Vietnamese once the console speaks it.
  await press(page, 'lang');
  await expect(page.getByTestId('study-report')).toHaveText('Báo cáo');
  const [vi] = await Promise.all([page.waitForEvent('popup'), press(page, 'study-report')]);
  await vi.waitForLoadState();
  await expect(vi.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(vi.locator('h1')).toHaveText('Nghiên cứu năng lực của một bố trí');
  await vi.close();
  expect(errors).toEqual([]);
});
