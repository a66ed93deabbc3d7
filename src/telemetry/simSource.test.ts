import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { describe, expect, it } from 'vitest';
import { loadScene } from '../sim/testScenes';
import { inThreadEngine } from './inThreadEngine';
import { SimSource, simStats } from './SimSource';

const scene = loadScene('scenes/1088-2-1089/proposed.json');

/** Steps the source like a display would, waiting for each request it starts to settle. */
async function frames(source: SimSource, n: number, dtS: number) {
  for (let k = 0; k < n; k++) {
    source.step(dtS);
    await new Promise((r) => setImmediate(r));
  }
}

describe('SimSource on the simulation engine', { timeout: 60_000 }, () => {
  it('starts at the asked time and advances by wall time × speed, filling the fleet buffers', async () => {
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 7 * 3600, 60);
    expect(source.state$.value.status).toBe('playing');
    expect(source.state$.value.clockS).toBe(7 * 3600);
    expect(source.frame.agvs.count).toBe(scene.fleet.agv.count.value);
    const before = simStats.clockS;
    await frames(source, 10, 0.5);
    expect(simStats.clockS).toBeGreaterThan(before);
    expect(simStats.clockS).toBeLessThanOrEqual(before + 10 * 0.5 * 60 + 1e-6);
    expect(source.frame.trucks.count).toBeGreaterThan(0);
    source.dispose();
  });

  it('stands still while paused and resumes on play; refuses a speed out of range', async () => {
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2 }, 3600, 100);
    source.pause();
    await frames(source, 5, 1);
    expect(source.state$.value.status).toBe('paused');
    const paused = simStats.clockS;
    expect(paused).toBe(3600);
    source.play();
    await frames(source, 5, 1);
    expect(simStats.clockS).toBeGreaterThan(paused);
    expect(() => source.setSpeed(5000)).toThrow(/speed must be/);
    source.dispose();
  });

  it('publishes KPI snapshots and ends at the end of the run', async () => {
    const source = await SimSource.start(inThreadEngine(), scene, { seed: 2, hours: 1 }, 0, 1000);
    await frames(source, 20, 1);
    const ended = await firstValueFrom(source.state$.pipe(filter((s) => s.status === 'ended' && s.snapshot?.done === true)));
    expect(ended.clockS).toBe(3600);
    expect(ended.snapshot!.kpis.simSeconds).toBe(3600);
    source.dispose();
  });

  it('reports an engine failure as an error status with its message', async () => {
    const engine = inThreadEngine();
    const source = await SimSource.start(engine, scene, { seed: 2 }, 0, 10);
    await expect(source.injectRogueAgv(999)).rejects.toThrow(/no AGV 999/);
    const broken = { ...engine, advance: () => Promise.reject(new Error('worker crashed')) };
    const failing = await SimSource.start({ ...broken, advance: engine.advance }, scene, { seed: 2 }, 0, 10).then(async (s) => {
      (s as unknown as { engine: typeof broken }).engine = broken;
      return s;
    });
    await frames(failing, 2, 0.1);
    expect(failing.state$.value).toMatchObject({ status: 'error', error: 'worker crashed' });
    source.dispose();
    failing.dispose();
  });
});
