import { BehaviorSubject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { SimSource } from '../telemetry/SimSource';
import type { FrameScheduler } from './FrameClock';
import { SourceController } from './SourceController';

/** Display frames cranked by hand: `frame(ms)` runs the callback waiting, as the browser would at that time. */
function manualFrames() {
  let waiting: ((nowMs: number) => void) | undefined;
  const frames: FrameScheduler = {
    request: (cb) => {
      waiting = cb;
      return 1;
    },
    cancel: () => {
      waiting = undefined;
    },
  };
  return { frames, frame: (ms: number) => waiting?.(ms), waiting: () => waiting !== undefined };
}

/** A started source as the controller sees it, with a dispose spy. */
function running(name: string) {
  const source = { kind: 'sim', name, step: vi.fn(), dispose: vi.fn() } as unknown as SimSource;
  return { source, dispose: vi.fn() };
}

/** A started source whose status a test sets (a simulated day that ends). */
function withStatus(name: string) {
  const state$ = new BehaviorSubject({ status: 'playing', clockS: 0, speed: 300, problems: [] });
  const source = { kind: 'sim', name, state$, step: vi.fn(), dispose: vi.fn() } as unknown as SimSource;
  return { source, dispose: vi.fn(), end: () => state$.next({ ...state$.value, status: 'ended' }) };
}

describe('the source controller', () => {
  it('keeps the running source’s clock: one step per drawn display frame, with the time since the last (at most 0.1 s)', async () => {
    const m = manualFrames();
    const c = new SourceController(m.frames);
    const a = running('a');
    await c.start('sim', () => Promise.resolve(a));
    const drawn = (ms: number) => {
      c.frameDrawn();
      m.frame(ms);
    };
    drawn(1000);
    drawn(1016);
    drawn(3000);
    expect(vi.mocked(a.source.step).mock.calls.map(([dt]) => dt)).toEqual([0, 0.016, 0.1]);
    // While the view draws nothing (loading, hidden), the source stands still.
    m.frame(3016);
    m.frame(3032);
    expect(a.source.step).toHaveBeenCalledTimes(3);
    c.stop();
    expect(m.waiting()).toBe(false);
  });

  it('switches sources, disposing the one before, and stops', async () => {
    const c = new SourceController(manualFrames().frames);
    const seen: (string | undefined)[] = [];
    c.subscribe(() => seen.push(c.getState().busy ? 'busy' : (c.getState().source as unknown as { name: string } | undefined)?.name));
    const a = running('a');
    const b = running('b');
    await c.start('sim', () => Promise.resolve(a));
    await c.start('sim', () => Promise.resolve(b));
    expect(a.dispose).toHaveBeenCalledTimes(1);
    expect(b.dispose).not.toHaveBeenCalled();
    c.stop();
    expect(b.dispose).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['busy', 'a', 'busy', 'b', undefined]);
  });

  it('disposes a start overtaken by a later one and never shows it', async () => {
    const c = new SourceController(manualFrames().frames);
    const slow = running('slow');
    let finish!: (r: typeof slow) => void;
    const first = c.start('sim', () => new Promise<typeof slow>((resolve) => (finish = resolve)));
    const fast = running('fast');
    await c.start('sim', () => Promise.resolve(fast));
    finish(slow);
    expect(await first).toBeUndefined();
    expect(slow.dispose).toHaveBeenCalledTimes(1);
    expect(c.getState().source).toBe(fast.source);
  });

  it('keeps the running source when asked until the new one starts, and when it fails', async () => {
    const c = new SourceController(manualFrames().frames);
    const sim = running('sim');
    await c.start('sim', () => Promise.resolve(sim));
    expect(await c.start('replay', () => Promise.reject(new Error('notes.txt holds no MCAP recording')), { keepRunning: true })).toBeUndefined();
    expect(sim.dispose).not.toHaveBeenCalled();
    expect(c.getState()).toMatchObject({ kind: 'sim', source: sim.source, error: 'notes.txt holds no MCAP recording' });
    const replay = running('replay');
    await c.start('replay', () => Promise.resolve(replay), { keepRunning: true, label: 'day.mcap' });
    expect(sim.dispose).toHaveBeenCalledTimes(1);
    expect(c.getState()).toEqual({ kind: 'replay', busy: false, source: replay.source, label: 'day.mcap' });
  });

  it('keeps the reason of a failed start', async () => {
    const c = new SourceController(manualFrames().frames);
    expect(await c.start('live', () => Promise.reject(new Error('the broker refused the user name or password')), { operator: 'op' })).toBeUndefined();
    expect(c.getState()).toMatchObject({ kind: 'live', busy: false, error: 'the broker refused the user name or password' });
    expect(c.getState().operator).toBeUndefined();
  });

  it('paused, stands still and starts no clock, even for a source started meanwhile; resumed, goes on without a jump', async () => {
    const m = manualFrames();
    const c = new SourceController(m.frames, { waitForView: false });
    const a = running('a');
    c.pause();
    await c.start('sim', () => Promise.resolve(a));
    expect(m.waiting()).toBe(false);
    c.resume();
    m.frame(1000);
    m.frame(1016);
    c.pause();
    expect(m.waiting()).toBe(false);
    c.resume();
    m.frame(9000);
    m.frame(9016);
    expect(vi.mocked(a.source.step).mock.calls.map(([dt]) => dt)).toEqual([0, 0.016, 0, 0.016]);
  });

  it('without waiting for the view, steps on every display frame, at most `maxStepS`', async () => {
    const m = manualFrames();
    const c = new SourceController(m.frames, { waitForView: false, maxStepS: 0.25 });
    const a = running('a');
    await c.start('sim', () => Promise.resolve(a));
    m.frame(1000);
    m.frame(1200);
    m.frame(3000);
    expect(vi.mocked(a.source.step).mock.calls.map(([dt]) => dt)).toEqual([0, 0.2, 0.25]);
  });

  it('looping, starts again when the source ends and swaps the new one in once it runs', async () => {
    const c = new SourceController(manualFrames().frames);
    const days = [withStatus('day 1'), withStatus('day 2')];
    let next!: (r: (typeof days)[number]) => void;
    const start = vi.fn(() =>
      start.mock.calls.length === 1 ? Promise.resolve(days[0]!) : new Promise<(typeof days)[number]>((resolve) => (next = resolve)),
    );
    await c.start('sim', start, { loop: true });
    days[0]!.end();
    days[0]!.end();
    expect(start).toHaveBeenCalledTimes(2);
    // The day that ended stays on show while the next one starts.
    expect(c.getState()).toMatchObject({ busy: true, source: days[0]!.source });
    const swapped = new Promise<void>((resolve) => c.subscribe(() => c.getState().source === days[1]!.source && resolve()));
    next(days[1]!);
    await swapped;
    expect(c.getState()).toMatchObject({ kind: 'sim', busy: false, source: days[1]!.source });
    expect(days[0]!.dispose).toHaveBeenCalledTimes(1);
    c.stop();
    days[1]!.end();
    expect(start).toHaveBeenCalledTimes(2);
  });
});
