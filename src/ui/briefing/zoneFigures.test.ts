import { describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../../sim/SimulationEngine';
import type { HourRow, SimKpis } from '../../sim/simKpis';
import { zoneFigures } from './zoneFigures';
import { loadScene } from '../../sim/testScenes';

const process = loadScene('scenes/1119-1120/proposed.json').process;

const row = (hour: number, cleared: number): HourRow => ({ hour, arrived: cleared, cleared, inside: 0, agvsBusy: 0, containersWaiting: 0, queues: {} });

function snapshot(hourly: HourRow[], kpis: Partial<SimKpis>): SimSnapshot {
  return {
    clockS: hourly.length * 3600 + 600,
    endS: 86400,
    done: false,
    agvs: kpis.agvs ?? 0,
    trucksInside: 0,
    kpis: { vehiclesPerDay: 3500, cleared: 0, agvs: 0, timeInSystemP50S: 0, utilisation: {}, ...kpis } as SimKpis,
    hourly,
    log: [],
    logged: 0,
  };
}

describe('zoneFigures', () => {
  it('projects the day from the completed hours and draws the pace hour by hour', () => {
    const f = zoneFigures(
      snapshot([row(0, 10), row(1, 4), row(2, 130)], { cleared: 144, agvs: 40, timeInSystemP50S: 1500, utilisation: { 'agv-fleet': 0.625 } }),
      process,
    );
    expect(f.projection).toMatchObject({ clearedSoFar: 144, hoursDone: 3, basis: 'pace' });
    expect(f.trend.slice(0, 4)).toEqual([240, 96, 3120, null]);
    expect(f.trend).toHaveLength(24);
    expect(f.hours[23]).toBe(23);
    expect(f.cleared).toBe(144);
    expect(f.demand).toBe(3500);
    expect(f.timeInSystemP50Min).toBe(25);
    expect(f.agvUse).toBe(0.625);
  });

  it('leaves out what is not known yet: no hour ended, no truck out, no AGVs in the layout', () => {
    const f = zoneFigures(snapshot([], { cleared: 0, agvs: 0 }), process);
    expect(f.projection).toBeUndefined();
    expect(f.timeInSystemP50Min).toBeUndefined();
    expect(f.agvUse).toBeUndefined();
    expect(f.trend.every((v) => v === null)).toBe(true);
  });
});
