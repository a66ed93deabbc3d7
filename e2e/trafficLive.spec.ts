import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startBroker, type RunningBroker } from '../src/telemetry/live/brokerProcess';
import converging from './fixtures/converging.json' with { type: 'json' };
import { startFleetTool } from './fleetTool';
import { openTwin, watchErrors } from './twinPage';

let broker: RunningBroker;
let fleet: ChildProcess | undefined;

test.beforeAll(async () => {
  broker = await startBroker();
  fleet = startFleetTool(broker, {
    agvs: converging.agvs,
    durationS: 600,
    speed: 1,
    start: converging.start,
    seed: converging.seed,
    stage: converging.staging.map((s) => `${s.serial}=${s.nodeId}`).join(','),
  });
});

test.afterAll(async () => {
  fleet?.kill('SIGKILL');
  await broker?.stop();
});

const traffic = (page: Page) => page.evaluate(() => window.__TWIN__.traffic);

async function logIn(page: Page, user: 'operator' | 'viewer'): Promise<void> {
  await openTwin(page, `?zone=1119-1120&scene=proposed&lang=en&source=live&broker=${encodeURIComponent(broker.urls.ws)}`);
  await page.getByTestId('login-user').fill(user);
  await page.getByTestId('login-password').fill(broker.users[user]);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.evaluate(() => window.__TWIN__.telemetry.agvs), { timeout: 60_000 }).toBe(converging.agvs);
}

/**
 * Runs in the page: confirms the open confirmation once AGV `key`'s predicted arrival, carried forward on the clock
 * since the round that gave it (the fleet runs at real time), has fallen to `atS`. Done in the page because the
 * test's own polling lags by seconds on a loaded machine, and the two AGVs meet only if the order goes out on time.
 */
function confirmWhenDue({ key, atS, timeoutS }: { key: string; atS: number; timeoutS: number }) {
  return new Promise<{ firstEtaS: number; etaS: number }>((resolve, reject) => {
    const started = performance.now();
    let round = -1;
    let arrivalS = Infinity;
    let since = 0;
    let firstEtaS = NaN;
    const timer = setInterval(() => {
      const t = window.__TWIN__.traffic;
      const eta = t.etaS[key];
      if (t.predictions !== round && eta !== undefined) {
        round = t.predictions;
        arrivalS = eta;
        since = performance.now();
        if (Number.isNaN(firstEtaS)) firstEtaS = eta;
      }
      const etaS = arrivalS - (performance.now() - since) / 1000;
      if (etaS > atS) {
        if (performance.now() - started < timeoutS * 1000) return;
        clearInterval(timer);
        reject(new Error(`no predicted arrival of ${key} at or under ${atS} s within ${timeoutS} s (last read ${etaS} s)`));
        return;
      }
      clearInterval(timer);
      const yes = document.querySelector<HTMLButtonElement>('[data-testid="command-yes"]');
      if (!yes) return reject(new Error('the confirmation is not open'));
      yes.click();
      resolve({ firstEtaS, etaS });
    }, 25);
  });
}

const keys = converging.orders.map((o) => `smartgate/${o.serial}`);
const pair = [...keys].sort().join('|');
const ofPair = (c: { a: string; b: string }) => [c.a, c.b].sort().join('|') === pair;

test('two fleet AGVs sent onto converging routes: foreseen ≥ 30 s ahead, the proposal sent, the fleet obeys, the alert clears, no near miss; a viewer cannot send', async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const operator = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The viewer's console draws a small canvas: two full-size software-rendered pages on two cores slow the
  // operator's clicks, and the plan can be sent only in the first seconds (while the held AGV's node lies beyond
  // its released base).
  const viewer = await browser.newPage({ viewport: { width: 800, height: 600 } });
  const operatorErrors = watchErrors(operator);
  const viewerErrors = watchErrors(viewer);
  await logIn(operator, 'operator');
  await logIn(viewer, 'viewer');

  // The operator sends the first AGV to its node, readies the second order (confirmation open), and confirms it once
  // the first AGV's predicted arrival says they will meet at the merge node.
  const goto = async (o: { serial: string; nodeId: string }) => {
    await operator.getByTestId(`ops-row-${o.serial}`).click();
    await operator.getByTestId(`goto-node-${o.serial}`).selectOption(o.nodeId);
    await operator.getByTestId(`cmd-goto-${o.serial}`).click();
    await expect(operator.getByTestId('command-yes')).toBeFocused();
  };
  const [first, second] = converging.orders as [{ serial: string; nodeId: string }, { serial: string; nodeId: string }];
  await goto(first);
  await operator.getByTestId('command-yes').click();
  await goto(second);
  const due = await operator.evaluate(confirmWhenDue, { key: `smartgate/${first.serial}`, atS: converging.secondOrderAtEtaS, timeoutS: 60 });
  console.log(`second order: first ETA read ${due.firstEtaS.toFixed(1)} s, confirmed at ${due.etaS.toFixed(1)} s`);
  // Read too late, the first AGV was already past the point where the second could meet it.
  expect(due.firstEtaS).toBeGreaterThan(converging.secondOrderAtEtaS);

  // Foreseen at least 30 s ahead, and a plan: one AGV waits at a node until a time.
  await expect.poll(async () => (await traffic(operator)).conflicts.find(ofPair)?.inS ?? -1, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
  const foreseen = await traffic(operator);
  const meetsAtS = foreseen.clockS! + foreseen.conflicts.find(ofPair)!.inS;
  console.log(`foreseen ${foreseen.conflicts.find(ofPair)!.inS.toFixed(1)} s ahead`);
  const id = `conflict:${pair}`;
  const card = operator.locator(`[data-testid="proposal"][data-id="${id}"]`);
  await expect(card).toHaveAttribute('data-ok', 'true', { timeout: 10_000 });
  await expect(card.getByTestId('proposal-hold').first()).toContainText('waits at node');
  // The viewer's console foresees it too (the twin's orders are kept on schedule) and shows the plan, unsendable.
  const viewerCard = viewer.locator(`[data-testid="proposal"][data-id="${id}"]`);
  await expect(viewerCard).toHaveAttribute('data-ok', 'true', { timeout: 10_000 });
  await expect(viewerCard.getByTestId('proposal-send')).toBeDisabled();
  await expect(viewerCard.getByTestId('proposal-refusal')).toContainText('View only');

  // The plan can go only while the held AGV's node lies beyond its released base (here some 15 s): the buttons are
  // pressed as events, without waiting for a software-rendered page to settle between frames.
  await card.getByTestId('proposal-show').dispatchEvent('click');
  await expect(operator.getByTestId('proposal-ghost-hold').first()).toBeAttached();
  await card.getByTestId('proposal-send').dispatchEvent('click');
  await expect(operator.getByTestId('proposal-yes')).toBeFocused();
  await operator.keyboard.press('Enter');
  await operator.screenshot({ path: 'test-results/screenshots/traffic-proposal.png' });
  await expect(operator.getByTestId('audit-log')).toContainText(/hold at node \S+ until \d\d:\d\d:\d\d · sent/, { timeout: 10_000 });
  const alert = operator.locator('[data-testid="alert-item"][data-kind="predicted-conflict"]').first();
  await expect(alert).toBeVisible();

  // The twin withholds the release; the prediction sees the AGV wait, and the conflict and its alert clear.
  await expect.poll(async () => (await traffic(operator)).conflicts.some(ofPair), { timeout: 60_000 }).toBe(false);
  await expect(operator.locator('[data-testid="alert-item"][data-kind="predicted-conflict"][data-active="true"]')).toHaveCount(0, { timeout: 30_000 });
  // The hold ends, its release goes out (the audit entry settles), and both AGVs reach their nodes with no near miss.
  await expect(operator.getByTestId('audit-log')).toContainText(/hold at node .* · finished/, { timeout: 120_000 });
  // Well past the time they were to meet (the clock the twin predicts on), neither came near the other.
  await expect.poll(async () => (await traffic(operator)).clockS ?? 0, { timeout: 180_000 }).toBeGreaterThan(meetsAtS + 30);
  const nearMisses = operator.locator('[data-testid="alert-item"][data-kind="near-miss"], [data-testid="alert-item"][data-kind="contact"]');
  await operator.getByTestId('alerts-filter-ack').selectOption('all');
  for (const serial of converging.orders.map((o) => o.serial)) await expect(nearMisses.filter({ hasText: serial })).toHaveCount(0);
  await operator.screenshot({ path: 'test-results/screenshots/traffic-proposal-sent.png' });
  expect(operatorErrors).toEqual([]);
  expect(viewerErrors).toEqual([]);
  // Pages made with browser.newPage() outlive the test unless closed: left open, they render on and slow the next tests.
  await operator.close();
  await viewer.close();
});
