import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sceneMaps } from '../src/domain/mapPlacement';
import { parseScene } from '../src/domain/parseScene';
import { fleetFrame } from '../src/domain/fleetFrame';
import { alertBuffers, packedLength, unpackFrame } from '../src/domain/packedFrame';
import { openRecording } from '../src/telemetry/recording/openRecording';
import { ReplayEngine } from '../src/telemetry/replay/ReplayEngine';
import { openTwin, watchErrors, watchExternal } from './twinPage';

const SAMPLE = 'data/recordings/1119-1120-proposed.mcap';
const SCENE = 'scenes/1119-1120/proposed.json';
const replayOf = (page: Page) => page.evaluate(() => window.__TWIN__.replay);
const byEast = (poses: readonly (readonly [number, number])[]) => [...poses].map(([x, y]) => [x, y]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

/** The AGV positions at `clockS`, worked out here in Node from the same file by the replay engine. */
async function recordedPoses(clockS: number): Promise<number[][]> {
  const parsed = parseScene(readFileSync(SCENE, 'utf8'), SCENE);
  if (!parsed.ok) throw new Error('scene invalid');
  const engine = new ReplayEngine();
  const info = await engine.open({
    source: new Uint8Array(readFileSync(SAMPLE)),
    name: SAMPLE,
    maps: sceneMaps(parsed.scene),
    capacity: 5000,
    staleAfterMs: 35_000,
    facilityCount: 0,
  });
  const buffer = new Float32Array(packedLength(info.layout));
  engine.attach(buffer);
  await engine.seek(clockS);
  const frame = fleetFrame(5000, 0);
  unpackFrame(info.layout, buffer, frame, new Uint8Array(0), alertBuffers());
  return byEast(Array.from({ length: frame.agvs.count }, (_, i) => [frame.agvs.x[i]!, frame.agvs.y[i]!] as const));
}

test('replay: a sample plays, seeking shows the recorded positions at that time, steps and alerts jump, the end is reached', async ({ page }) => {
  const errors = watchErrors(page);
  const external = watchExternal(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&source=replay&file=sample:1119-1120-proposed');
  await expect(page.getByTestId('replay-hud')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.agvs)).toBe(40);
  const r0 = await replayOf(page);
  expect(r0.endS - r0.startS).toBe(150);
  expect(r0.alerts).toBe(2);
  expect((await page.evaluate(() => window.__TWIN__.telemetry)).source).toBe('replay');
  await expect(page.getByTestId('replay-clock')).toHaveText('08:00:00');
  expect(byEast(r0.agvPoses)).toEqual(await recordedPoses(r0.startS));

  // Scrub to 95 s in: the page shows the positions recorded at that time.
  await page.getByTestId('replay-timeline').fill('95');
  await expect.poll(async () => (await replayOf(page)).clockS - r0.startS).toBeCloseTo(95, 3);
  const expected = await recordedPoses(r0.startS + 95);
  await expect.poll(async () => byEast((await replayOf(page)).agvPoses)).toEqual(expected);
  await expect(page.getByTestId('replay-clock')).toHaveText('08:01:35');
  // AGV-010's link is down from 70 s to 110 s: stale at 95 s.
  await expect(page.getByTestId('replay-stale')).toHaveText('1');

  // Back to the start, then the next alert: the wrong order at 40 s, then the dropped link at 70 s.
  // The jump is made while playing: it pauses there.
  await page.getByTestId('replay-timeline').fill('0');
  await page.getByTestId('replay-play').click();
  await page.getByTestId('replay-next-alert').click();
  await expect(page.getByTestId('replay-alert-shown')).toContainText('AGV-005');
  await expect(page.getByTestId('replay-alert-shown')).toContainText('orderError');
  await expect(page.getByTestId('replay-clock')).toHaveText('08:00:40');
  await expect(page.getByTestId('replay-status')).toHaveText('Paused');
  // Everything shown is rebuilt from the state at that time: the alert book lists AGV-005's warning, at 08:00:40,
  // and its row in the fleet list counts the error.
  const warning = page.getByTestId('alerts-panel').locator('[data-testid="alert-item"][data-kind="vda-warning"]');
  await expect(warning).toContainText('AGV-005');
  await expect(warning.getByTestId('alert-time')).toContainText('08:00:40');
  await expect(page.getByTestId('ops-row-AGV-005').locator('td').last()).toHaveText('1');
  // Its panel shows the error by level, as the vehicle reported it.
  await page.getByTestId('ops-row-AGV-005').click();
  await expect(page.getByTestId('vehicle-errors')).toContainText('WARNING · orderError: order sample-order-1');
  await expect(page.getByTestId('vehicle-panel')).toContainText('AUTOMATIC');
  await page.getByTestId('replay-next-alert').click();
  await expect(page.getByTestId('replay-alert-shown')).toContainText('AGV-010 · connection lost');
  await expect(page.getByTestId('replay-clock')).toHaveText('08:01:10');

  // One message forward, one back.
  await page.getByTestId('replay-step-forward').click();
  await expect.poll(async () => (await replayOf(page)).clockS - r0.startS).toBeCloseTo(71, 3);
  await page.getByTestId('replay-step-back').click();
  await expect.poll(async () => (await replayOf(page)).clockS - r0.startS).toBeCloseTo(70, 3);
  await page.screenshot({ path: 'test-results/screenshots/replay.png' });

  // At 64× the rest (80 s of recording) plays in about a second and a quarter, and the player stops at the end.
  await page.getByTestId('replay-speed').selectOption('64');
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-status')).toHaveText('End of recording', { timeout: 60_000 });
  expect((await replayOf(page)).clockS).toBe(r0.endS);
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test('replay: a truncated recording from the disk plays up to the damage and says where it stopped; a foreign file is named', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&source=replay');
  await expect(page.getByTestId('replay-open')).toBeVisible();
  const whole = readFileSync(SAMPLE);
  const cut = whole.subarray(0, Math.floor(whole.length * 0.55));
  const info = (await openRecording(new Uint8Array(cut))).info;
  await page.getByTestId('replay-file').setInputFiles({ name: 'cut.mcap', mimeType: 'application/octet-stream', buffer: Buffer.from(cut) });
  await expect(page.getByTestId('replay-problem')).toContainText(
    `cut.mcap is damaged: reading stopped at byte ${info.damage!.stoppedAtByte.toLocaleString('en-US')}`,
  );
  const r = await replayOf(page);
  expect(r.endS).toBe(Number(info.endNs! / 1_000_000n) / 1000);
  expect(r.endS - r.startS).toBeLessThan(150);
  await page.getByTestId('replay-speed').selectOption('64');
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-status')).toHaveText('End of recording', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screenshots/replay-damaged.png' });

  // A file that is not a recording at all: an error naming it in the problem panel, the replay still up.
  await page
    .getByTestId('replay-hud')
    .locator('input[type=file]')
    .setInputFiles({ name: 'notes.mcap', mimeType: 'text/plain', buffer: Buffer.from('not a recording') });
  await expect(page.getByTestId('problem-panel')).toContainText('notes.mcap');
  await expect(page.getByTestId('replay-hud')).toBeVisible();
  expect(await page.evaluate(() => window.__TWIN__.ready)).toBe(true);
  expect(errors).toEqual([]);
});

test('record: the simulation recorded from its HUD downloads as MCAP, and that file replays', async ({ page }) => {
  const errors = watchErrors(page);
  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&t=09:00&speed=60');
  await page.getByTestId('record').click();
  await expect(page.getByTestId('record-count')).not.toHaveText('Recording: 0 messages', { timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('record').click();
  const file = await (await download).path();
  await expect(page.getByTestId('record-message')).toContainText('Saved twin-sim-1119-1120-proposed-');
  const bytes = new Uint8Array(readFileSync(file));
  const { info } = await openRecording(bytes);
  expect(info.damage).toBeUndefined();
  expect(info.topics.map((t) => t.topic)).toContain('uagv/v2/smartgate/AGV-001/visualization');
  expect(info.messageCount).toBeGreaterThan(40);

  await openTwin(page, '?zone=1119-1120&scene=proposed&lang=en&source=replay');
  await page.getByTestId('replay-file').setInputFiles({ name: 'recorded.mcap', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await expect(page.getByTestId('replay-agvs')).toHaveText('40', { timeout: 60_000 });
  await expect(page.getByTestId('replay-clock')).toHaveText(/^09:0/);
  expect(errors).toEqual([]);
});
