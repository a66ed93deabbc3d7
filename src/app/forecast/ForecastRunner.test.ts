import { describe, expect, it, vi } from 'vitest';
import type { Scene } from '../../domain/sceneSchema';
import { createTrafficStore, type TrafficSnapshot } from '../../store/traffic/trafficStore';
import { ForecastRunner } from './ForecastRunner';

const round = (clockS: number): TrafficSnapshot => ({
  clockS,
  horizonS: 120,
  keys: ['acme/A'],
  routeCap: 1,
  x: Float64Array.of(0),
  y: Float64Array.of(0),
  routeLen: Int32Array.of(0),
  baseLen: Int32Array.of(0),
  route: Int32Array.of(-1),
  nodeS: Float32Array.of(Number.NaN),
  etaS: Float64Array.of(Number.NaN),
  conflicts: [],
  deadlocks: [],
  blocked: [],
  proposals: [],
  roundMs: 1,
});

const runner = (store = createTrafficStore()) => {
  const createWorker = vi.fn<() => Worker>(() => {
    throw new Error('no worker in this test');
  });
  const source = { kind: 'sim' as const, state$: { value: {} } };
  return { store, createWorker, runner: new ForecastRunner({ scene: {} as Scene, source, store, createWorker }) };
};

describe('ForecastRunner', () => {
  it('does nothing before the first prediction round', () => {
    const { store, createWorker, runner: r } = runner();
    r.start();
    expect(createWorker).not.toHaveBeenCalled();
    expect(store.getState().forecast).toBeUndefined();
  });

  it('reports a round it cannot forecast from as a failed forecast, starting no worker', () => {
    const { store, createWorker, runner: r } = runner();
    store.getState().publish(round(Number.NaN));
    r.start();
    expect(createWorker).not.toHaveBeenCalled();
    expect(store.getState().forecast).toEqual({ status: 'failed', reason: expect.stringMatching(/NaN s/) });
    expect(r.running).toBe(false);
  });

  it('reports a worker that cannot be made as a failed forecast', () => {
    const { store, runner: r } = runner();
    store.getState().publish(round(8 * 3600));
    r.start();
    expect(store.getState().forecast).toEqual({ status: 'failed', reason: 'no worker in this test' });
    r.dispose();
    expect(store.getState().forecast).toBeUndefined();
  });
});
