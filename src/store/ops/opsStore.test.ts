import { describe, expect, it } from 'vitest';
import view from '../../../data/operations-view.json' with { type: 'json' };
import { createOpsStore } from './opsStore';

describe('operations view store', () => {
  it('starts from the data file: sorted by id ascending, heat map off, no colour rule', () => {
    const s = createOpsStore().getState();
    expect(s.sortColumn).toBe('id');
    expect(s.sortDirection).toBe('asc');
    expect(s.heatMap).toBe(false);
    expect(s.heatWindowMin).toBe(view.heatMap.windowMin.value);
    expect(s.colourRule).toBe('none');
    expect(s.thresholds.batteryLowPercent).toBe(view.colourRule.batteryLowPercent.value);
    expect(s.selectedKey).toBeUndefined();
    expect(s.follow).toBe(false);
  });

  it('selecting follows; clearing the selection stops following; follow cannot be on with nothing selected', () => {
    const store = createOpsStore();
    store.getState().select('acme/AGV-007');
    expect(store.getState()).toMatchObject({ selectedKey: 'acme/AGV-007', follow: true });
    store.getState().setFollow(false);
    expect(store.getState().follow).toBe(false);
    store.getState().setFollow(true);
    expect(store.getState().follow).toBe(true);
    store.getState().select(undefined);
    expect(store.getState().follow).toBe(false);
    store.getState().setFollow(true);
    expect(store.getState().follow).toBe(false);
  });

  it('a new sort column sorts ascending; the same column again flips the direction', () => {
    const store = createOpsStore();
    store.getState().sortBy('battery');
    expect(store.getState()).toMatchObject({ sortColumn: 'battery', sortDirection: 'asc' });
    store.getState().sortBy('battery');
    expect(store.getState().sortDirection).toBe('desc');
    store.getState().sortBy('speed');
    expect(store.getState()).toMatchObject({ sortColumn: 'speed', sortDirection: 'asc' });
  });

  it('takes only the offered heat map windows and thresholds that are numbers ≥ 0', () => {
    const store = createOpsStore();
    store.getState().setHeatWindow(60);
    expect(store.getState().heatWindowMin).toBe(60);
    expect(() => store.getState().setHeatWindow(7)).toThrow(/5, 15, 60/);
    store.getState().setThresholds({ batteryLowPercent: 30 });
    expect(store.getState().thresholds.batteryLowPercent).toBe(30);
    expect(store.getState().thresholds.delayAlarmS).toBe(view.colourRule.delayAlarmS.value);
    expect(() => store.getState().setThresholds({ delayWarnS: Number.NaN })).toThrow(/delayWarnS/);
    expect(store.getState().thresholds.delayWarnS).toBe(view.colourRule.delayWarnS.value);
  });
});
