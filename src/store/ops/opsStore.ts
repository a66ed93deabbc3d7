/**
 * The operations console's view settings (zustand, React-free): which AGV is selected and whether the camera
 * follows it, how the fleet list is sorted and filtered, the congestion heat map and its window, and the rule that
 * colours AGVs with its thresholds. Defaults come from data/operations-view.json. Poses and per-vehicle values are
 * not here: they live in the sources' typed buffers and vehicle rows.
 */
import { createStore } from 'zustand/vanilla';
import view from '../../../data/operations-view.json' with { type: 'json' };
import type { OperatingState } from '../../telemetry/vehicleRow';

export const SORT_COLUMNS = ['id', 'state', 'load', 'battery', 'speed', 'eta', 'errors'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export const COLOUR_RULES = ['none', 'battery', 'state', 'delay'] as const;
export type ColourRule = (typeof COLOUR_RULES)[number];

export interface RuleThresholds {
  /** Battery at or below this is red (%). */
  readonly batteryLowPercent: number;
  /** Battery at or below this (above low) is yellow (%). */
  readonly batteryMediumPercent: number;
  /** Standing at least this long is yellow (s of source time). */
  readonly delayWarnS: number;
  /** Standing at least this long is red (s). */
  readonly delayAlarmS: number;
}

export interface OpsState {
  /** Vehicle key (`manufacturer/serial`) of the selected AGV. */
  readonly selectedKey?: string;
  readonly follow: boolean;
  readonly sortColumn: SortColumn;
  readonly sortDirection: SortDirection;
  readonly filterText: string;
  /** Only vehicles in this state; undefined for all. */
  readonly filterState?: OperatingState;
  readonly heatMap: boolean;
  readonly heatWindowMin: number;
  readonly colourRule: ColourRule;
  readonly thresholds: RuleThresholds;
}

export interface OpsActions {
  /** Selects an AGV and starts following it; undefined clears the selection. */
  select(key: string | undefined): void;
  setFollow(on: boolean): void;
  /** Sorts by `column`; the same column again flips the direction. */
  sortBy(column: SortColumn): void;
  setFilterText(text: string): void;
  setFilterState(state: OperatingState | undefined): void;
  setHeatMap(on: boolean): void;
  setHeatWindow(minutes: number): void;
  setColourRule(rule: ColourRule): void;
  setThresholds(change: Partial<RuleThresholds>): void;
}

export type OpsStore = ReturnType<typeof createOpsStore>;

/** Heat map windows offered (minutes). */
export const HEAT_WINDOWS_MIN: readonly number[] = view.heatMap.windowsMin.value;

function isSortColumn(x: string): x is SortColumn {
  return (SORT_COLUMNS as readonly string[]).includes(x);
}

function isColourRule(x: string): x is ColourRule {
  return (COLOUR_RULES as readonly string[]).includes(x);
}

/** The defaults of data/operations-view.json, checked: a typo there fails loudly rather than sorting by nothing. */
export function opsDefaults(): OpsState {
  const column = view.list.sortColumn.value;
  const rule = view.colourRule.rule.value;
  const direction = view.list.sortDirection.value;
  if (!isSortColumn(column)) throw new Error(`data/operations-view.json: list.sortColumn "${column}" is not one of ${SORT_COLUMNS.join(', ')}`);
  if (!isColourRule(rule)) throw new Error(`data/operations-view.json: colourRule.rule "${rule}" is not one of ${COLOUR_RULES.join(', ')}`);
  if (direction !== 'asc' && direction !== 'desc') throw new Error(`data/operations-view.json: list.sortDirection "${direction}" is not asc or desc`);
  const c = view.colourRule;
  return {
    follow: false,
    sortColumn: column,
    sortDirection: direction,
    filterText: '',
    heatMap: view.heatMap.on.value,
    heatWindowMin: view.heatMap.windowMin.value,
    colourRule: rule,
    thresholds: {
      batteryLowPercent: c.batteryLowPercent.value,
      batteryMediumPercent: c.batteryMediumPercent.value,
      delayWarnS: c.delayWarnS.value,
      delayAlarmS: c.delayAlarmS.value,
    },
  };
}

export function createOpsStore(initial: Partial<OpsState> = {}) {
  return createStore<OpsState & OpsActions>()((set, get) => ({
    ...opsDefaults(),
    ...initial,
    select: (key) => set({ selectedKey: key, follow: key !== undefined }),
    setFollow: (on) => set({ follow: on && get().selectedKey !== undefined }),
    sortBy: (column) =>
      set((s) => (s.sortColumn === column ? { sortDirection: s.sortDirection === 'asc' ? 'desc' : 'asc' } : { sortColumn: column, sortDirection: 'asc' })),
    setFilterText: (filterText) => set({ filterText }),
    setFilterState: (filterState) => set({ filterState }),
    setHeatMap: (heatMap) => set({ heatMap }),
    setHeatWindow: (minutes) => {
      if (!HEAT_WINDOWS_MIN.includes(minutes)) throw new RangeError(`heat map window must be one of ${HEAT_WINDOWS_MIN.join(', ')} min, got ${minutes}`);
      set({ heatWindowMin: minutes });
    },
    setColourRule: (colourRule) => set({ colourRule }),
    setThresholds: (change) => {
      const next = { ...get().thresholds, ...change };
      for (const [k, v] of Object.entries(next))
        if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`threshold ${k} must be a number ≥ 0, got ${v}`);
      set({ thresholds: next });
    },
  }));
}
