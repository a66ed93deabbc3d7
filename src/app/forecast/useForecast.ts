/**
 * A {@link ForecastRunner} for the running source and scene, for the operations console's forecast panel; ended
 * (its worker too) and its forecast forgotten when the source or the scene changes.
 */
import { useEffect, useState } from 'react';
import type { Scene } from '../../domain/sceneSchema';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import { ForecastRunner, type ForecastSource } from './ForecastRunner';

const createWorker = () => new Worker(new URL('../../../workers/forecast.worker.ts', import.meta.url), { type: 'module', name: 'forecast' });

export function useForecast(source: ForecastSource | undefined, scene: Scene | undefined, store: TrafficStore): ForecastRunner | undefined {
  const [runner, setRunner] = useState<ForecastRunner>();
  useEffect(() => {
    if (!source || !scene) return;
    const r = new ForecastRunner({ scene, source, store, createWorker });
    setRunner(r);
    return () => {
      r.dispose();
      setRunner(undefined);
    };
  }, [source, scene, store]);
  return runner;
}
