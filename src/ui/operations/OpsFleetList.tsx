import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import view from '../../../data/operations-view.json' with { type: 'json' };
import { gateClock } from '../../domain/gateClock';
import { filterRows, sortRows } from '../../store/ops/fleetRows';
import { SORT_COLUMNS, type OpsStore, type SortColumn } from '../../store/ops/opsStore';
import { OPERATING_STATES, type OperatingState, type VehicleRow } from '../../telemetry/vehicleRow';
import { formatNumber } from '../formatNumber';
import { VehicleCommands, type FleetCommands } from './VehicleCommands';

const ROWS_SHOWN = view.list.rowsShown.value;

/**
 * Every vehicle of the running source with its state, load, battery, speed and errors: a click on a header sorts
 * by that column (again: the other way), the text box and the state list filter, a click on a row selects the AGV
 * and the camera follows it; where the source takes commands (a live feed), the selected AGV's commands show under
 * its row. The ETA is the gate time the traffic prediction has the AGV reach its order's last node (`arrivals`, on
 * the source's clock; `simulated` for the simulation's day clock). Re-renders on the source's rows (twice a second),
 * the prediction's rounds and the operator's settings. Vehicle names and error texts come from the wire: rendered as
 * text.
 */
export function OpsFleetList({
  rows,
  ops,
  commands,
  arrivals,
  simulated,
}: {
  rows: readonly VehicleRow[];
  ops: OpsStore;
  commands?: FleetCommands;
  arrivals: ReadonlyMap<string, number>;
  simulated: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = useStore(ops);
  const shown = useMemo(
    () => sortRows(filterRows(rows, s.filterText, s.filterState), s.sortColumn, s.sortDirection, arrivals),
    [rows, s.filterText, s.filterState, s.sortColumn, s.sortDirection, arrivals],
  );
  const selected = rows.find((r) => r.key === s.selectedKey);
  const cell = (r: VehicleRow, c: SortColumn) => {
    switch (c) {
      case 'id':
        return r.serialNumber;
      case 'state':
        return t(`operations.state.${r.operatingState}`);
      case 'load':
        return r.loaded ? t('operations.fleet.loaded') : t('operations.fleet.empty');
      case 'battery':
        return r.batteryPercent === undefined ? '—' : `${formatNumber(r.batteryPercent, lang, 0)} %`;
      case 'speed':
        return r.speedMps === undefined ? '—' : `${formatNumber(r.speedMps, lang, 1)} m/s`;
      case 'eta': {
        const at = arrivals.get(r.key);
        return at === undefined ? '—' : gateClock(at, simulated);
      }
      case 'errors':
        return String(r.errors);
    }
  };

  return (
    <div className="ops-fleet" data-testid="ops-fleet">
      <div className="ops-filters">
        <input
          type="search"
          value={s.filterText}
          placeholder={t('operations.fleet.filterText')}
          aria-label={t('operations.fleet.filterText')}
          onChange={(e) => s.setFilterText(e.target.value)}
          data-testid="ops-filter"
        />
        <select
          value={s.filterState ?? ''}
          aria-label={t('operations.fleet.filterState')}
          onChange={(e) => s.setFilterState(e.target.value === '' ? undefined : (e.target.value as OperatingState))}
          data-testid="ops-filter-state"
        >
          <option value="">{t('operations.fleet.allStates')}</option>
          {OPERATING_STATES.map((v) => (
            <option key={v} value={v}>
              {t(`operations.state.${v}`)}
            </option>
          ))}
        </select>
        <span className="count" data-testid="ops-count">
          {t('operations.fleet.count', { shown: shown.length, total: rows.length })}
        </span>
      </div>
      {selected && (
        <div className="ops-selected">
          <button
            type="button"
            aria-pressed={s.follow}
            title={t('operations.fleet.followHint')}
            onClick={() => s.setFollow(!s.follow)}
            data-testid="ops-follow"
          >
            {s.follow ? t('operations.fleet.following', { id: selected.serialNumber }) : `${t('operations.fleet.follow')} ${selected.serialNumber}`}
          </button>
          <button type="button" onClick={() => s.select(undefined)} data-testid="ops-clear">
            {t('operations.fleet.clear')}
          </button>
          {selected.slot < 0 && <span className="warn">{t('operations.fleet.notDrawn')}</span>}
        </div>
      )}
      <div className="ops-table">
        <table>
          <thead>
            <tr>
              {SORT_COLUMNS.map((c) => (
                <th key={c} className={`col-${c}`} aria-sort={s.sortColumn === c ? (s.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    className="link"
                    title={t('operations.fleet.sortBy', { column: t(`operations.fleet.col.${c}`) })}
                    onClick={() => s.sortBy(c)}
                    data-testid={`ops-sort-${c}`}
                  >
                    {t(`operations.fleet.col.${c}`)}
                    {s.sortColumn === c ? (s.sortDirection === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, ROWS_SHOWN).map((r) => (
              <Fragment key={r.key}>
                <tr
                  className={`state-${r.operatingState}${r.key === s.selectedKey ? ' selected' : ''}`}
                  aria-selected={r.key === s.selectedKey}
                  onClick={() => s.select(r.key)}
                  data-testid={`ops-row-${r.serialNumber}`}
                >
                  {SORT_COLUMNS.map((c) => (
                    <td
                      key={c}
                      className={`col-${c}${c === 'errors' && r.errors > 0 ? (r.fatals ? ' fatal' : ' warning') : ''}`}
                      title={
                        c === 'errors' && r.errors > 0
                          ? [t('operations.fleet.errorsTitle', { warnings: r.warnings, fatals: r.fatals }), r.topError ?? ''].filter(Boolean).join(' · ')
                          : c === 'eta'
                            ? t('operations.fleet.etaTitle')
                            : undefined
                      }
                    >
                      {c === 'id' ? (
                        <button type="button" className="link" aria-pressed={r.key === s.selectedKey}>
                          {r.serialNumber}
                        </button>
                      ) : (
                        cell(r, c)
                      )}
                    </td>
                  ))}
                </tr>
                {commands && r.key === s.selectedKey && (
                  <tr className="ops-commands">
                    <td colSpan={SORT_COLUMNS.length}>
                      <VehicleCommands vehicleKey={r.key} serial={r.serialNumber} commands={commands} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="hint">{t('operations.fleet.none')}</p>
        ) : (
          shown.length === 0 && <p className="hint">{t('operations.fleet.noneMatch')}</p>
        )}
      </div>
    </div>
  );
}
