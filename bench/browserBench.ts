/**
 * Figures only a real browser gives: time to first frame, and per-frame JS time and draw calls with N moving
 * AGVs, direct writes against the Object3D baseline. Debian's Chromium (WebGL 2 through SwiftShader here, so
 * frame intervals reflect a software GPU; the JS figures do not depend on it).
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM } from '../playwright.config';
import type { Row } from './measure';
import { startPreview } from './previewServer';

/** Port for the benchmark's own preview server (apart from npm start's 5173 and the tests' 4173). */
const PORT = 4175;
/**
 * Frames measured per case (after a third as many warm-up frames), in a small viewport: SwiftShader needs about
 * 5 s to draw a frame of 10,000 AGVs (5.3 M triangles) here, so large fleets get fewer frames; the figure that
 * matters, the fleet's JS time, does not depend on the GPU.
 */
const framesFor = (agvs: number) => Math.round(Math.max(10, Math.min(30, 100_000 / agvs)));
const VIEWPORT = { width: 800, height: 450 };

async function frames(page: Page): Promise<number> {
  return page.evaluate(() => window.__TWIN__.render.frames);
}

async function measureFleet(page: Page, query: string, frameCount: number) {
  await page.goto(`http://127.0.0.1:${PORT}/${query}`);
  await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 120_000 });
  const f0 = await frames(page);
  await page.waitForFunction((n) => window.__TWIN__.render.frames >= n, f0 + Math.ceil(frameCount / 3), { timeout: 300_000 });
  const a = await page.evaluate(() => ({ ...window.__TWIN__.render, t: performance.now() }));
  await page.waitForFunction((n) => window.__TWIN__.render.fleetJsSamples >= n, a.fleetJsSamples + frameCount, { timeout: 300_000 });
  const b = await page.evaluate(() => ({ ...window.__TWIN__.render, t: performance.now(), agvs: window.__TWIN__.fleet.agvs }));
  return {
    jsMs: (b.fleetJsMsTotal - a.fleetJsMsTotal) / (b.fleetJsSamples - a.fleetJsSamples),
    frameMs: (b.t - a.t) / (b.frames - a.frames),
    drawCalls: b.drawCalls,
    agvs: b.agvs,
  };
}

export async function browserBench(counts: readonly number[]): Promise<Row[]> {
  const server = await startPreview(PORT);
  const rows: Row[] = [];
  try {
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      for (const zone of ['1119-1120', '1088/2-1089']) {
        await page.goto(`http://127.0.0.1:${PORT}/?zone=${encodeURIComponent(zone)}&scene=proposed`);
        await page.waitForFunction(() => window.__TWIN__?.ready === true, undefined, { timeout: 120_000 });
        const ready = await page.evaluate(() => window.__TWIN__.render.readyAtMs);
        rows.push({ group: 'browser', case: `time to first frame, ${zone} proposed`, value: ready, unit: 'ms' });
      }
      const drawCalls: number[] = [];
      for (const n of counts) {
        console.error(`browser: ${n} AGVs…`);
        const direct = await measureFleet(page, `?zone=1119-1120&scene=proposed&bench=agvs&n=${n}&method=direct`, framesFor(n));
        const naive = await measureFleet(page, `?zone=1119-1120&scene=proposed&bench=agvs&n=${n}&method=object3d`, framesFor(n));
        if (direct.agvs !== n) throw new Error(`asked for ${n} AGVs, the view drew ${direct.agvs}`);
        drawCalls.push(direct.drawCalls);
        rows.push({
          group: 'browser',
          case: `${n.toLocaleString('en')} moving AGVs: fleet JS per frame (direct vs Object3D)`,
          value: direct.jsMs,
          unit: 'ms',
          baseline: naive.jsMs,
          goal: n === 10000 ? '< 2 ms' : undefined,
          pass: n === 10000 ? direct.jsMs < 2 : undefined,
        });
        rows.push({ group: 'browser', case: `${n.toLocaleString('en')} moving AGVs: draw calls`, value: direct.drawCalls, unit: 'calls' });
        rows.push({ group: 'browser', case: `${n.toLocaleString('en')} moving AGVs: frame interval (SwiftShader)`, value: direct.frameMs, unit: 'ms' });
      }
      rows.push({
        group: 'browser',
        case: `draw calls constant in N (${drawCalls.join(', ')})`,
        value: Math.max(...drawCalls) - Math.min(...drawCalls),
        unit: 'calls spread',
        goal: '0',
        pass: Math.max(...drawCalls) === Math.min(...drawCalls),
      });
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
  return rows;
}
