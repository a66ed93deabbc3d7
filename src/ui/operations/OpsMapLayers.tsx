import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import view from '../../../data/operations-view.json' with { type: 'json' };
import { COLOUR_RULES, HEAT_WINDOWS_MIN, type ColourRule, type OpsStore, type RuleThresholds } from '../../store/ops/opsStore';
import { HORIZON_CHOICES, type TrafficStore } from '../../store/traffic/trafficStore';
import { OPERATING_STATES } from '../../telemetry/vehicleRow';
import { LEVEL_ACT, LEVEL_GOOD, LEVEL_HEX, LEVEL_UNKNOWN, LEVEL_WATCH, STATE_HEX } from '../../view/ops/colourRules';
import { MARKER_HEX } from '../../view/ops/trafficMarkers';

const HEAT_HEX = view.heatMap.colours.value;
const RED_AT_PERCENT = Math.round(view.heatMap.redAtOccupancy.value * 100);

/** A swatch and its meaning. */
function Key({ colour, label }: { colour: string; label: string }) {
  return (
    <li>
      <span className="swatch" style={{ background: colour }} />
      {label}
    </li>
  );
}

/**
 * The map's operator layers: traffic prediction (every AGV's predicted route or only the selected one's, the
 * horizon, what the markers' colours mean), the congestion heat map (on/off, its window, its scale) and the rule
 * colouring AGVs (none, battery, state, delay) with its thresholds and a legend of what each colour means.
 */
export function OpsMapLayers({ ops, traffic }: { ops: OpsStore; traffic: TrafficStore }) {
  const { t } = useTranslation();
  const s = useStore(ops);
  const showAll = useStore(traffic, (x) => x.showAll);
  const horizonS = useStore(traffic, (x) => x.horizonS);
  const th = s.thresholds;
  const threshold = (key: keyof RuleThresholds, label: string) => (
    <label className="threshold">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        value={th[key]}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(v) && v >= 0) s.setThresholds({ [key]: v });
        }}
        data-testid={`ops-threshold-${key}`}
      />
    </label>
  );
  const legend = (rule: ColourRule) => {
    switch (rule) {
      case 'none':
        return null;
      case 'battery':
        return [
          <Key key="a" colour={LEVEL_HEX[LEVEL_ACT]!} label={t('operations.layers.batteryAct', { low: th.batteryLowPercent })} />,
          <Key key="w" colour={LEVEL_HEX[LEVEL_WATCH]!} label={t('operations.layers.batteryWatch', { medium: th.batteryMediumPercent })} />,
          <Key key="g" colour={LEVEL_HEX[LEVEL_GOOD]!} label={t('operations.layers.batteryGood', { medium: th.batteryMediumPercent })} />,
          <Key key="u" colour={LEVEL_HEX[LEVEL_UNKNOWN]!} label={t('operations.layers.unknown')} />,
        ];
      case 'delay':
        return [
          <Key key="g" colour={LEVEL_HEX[LEVEL_GOOD]!} label={t('operations.layers.delayGood', { warn: th.delayWarnS })} />,
          <Key key="w" colour={LEVEL_HEX[LEVEL_WATCH]!} label={t('operations.layers.delayWatch', { warn: th.delayWarnS })} />,
          <Key key="a" colour={LEVEL_HEX[LEVEL_ACT]!} label={t('operations.layers.delayAct', { alarm: th.delayAlarmS })} />,
        ];
      case 'state':
        return [
          ...OPERATING_STATES.map((v) => <Key key={v} colour={STATE_HEX[v]} label={t(`operations.state.${v}`)} />),
          <Key key="u" colour={LEVEL_HEX[LEVEL_UNKNOWN]!} label={t('operations.layers.unknown')} />,
        ];
    }
  };

  return (
    <div className="ops-layers" data-testid="ops-layers">
      <div className="row">
        <label title={t('operations.layers.routesNote')}>
          <input type="checkbox" checked={showAll} onChange={(e) => traffic.getState().setShowAll(e.target.checked)} data-testid="ops-routes-all" />{' '}
          {t('operations.layers.routesAll')}
        </label>
        <select
          value={horizonS}
          aria-label={t('operations.layers.horizon')}
          title={t('operations.layers.horizon')}
          onChange={(e) => traffic.getState().setHorizon(Number(e.target.value))}
          data-testid="ops-horizon"
        >
          {HORIZON_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('operations.layers.horizonS', { n })}
            </option>
          ))}
        </select>
      </div>
      <ul className="rule-legend traffic-legend" data-testid="ops-traffic-legend">
        <Key colour={MARKER_HEX.conflict} label={t('operations.traffic.kind.conflict')} />
        <Key colour={MARKER_HEX.deadlock} label={t('operations.traffic.kind.deadlock')} />
        <Key colour={MARKER_HEX.blocked} label={t('operations.traffic.kind.blocked')} />
      </ul>
      <div className="row">
        <label>
          <input type="checkbox" checked={s.heatMap} onChange={(e) => s.setHeatMap(e.target.checked)} data-testid="ops-heatmap" />{' '}
          {t('operations.layers.heatMap')}
        </label>
        <select
          value={s.heatWindowMin}
          aria-label={t('operations.layers.window')}
          onChange={(e) => s.setHeatWindow(Number(e.target.value))}
          data-testid="ops-heat-window"
        >
          {HEAT_WINDOWS_MIN.map((n) => (
            <option key={n} value={n}>
              {t('operations.layers.windowMin', { n })}
            </option>
          ))}
        </select>
      </div>
      {s.heatMap && (
        <div className="heat-legend" title={t('operations.layers.heatNote')} data-testid="ops-heat-legend">
          <span className="ramp" style={{ background: `linear-gradient(to right, ${HEAT_HEX.join(', ')})` }} />
          <span className="ends">
            <span>{t('operations.layers.heatFree')}</span>
            <span>{t('operations.layers.heatBusy')}</span>
            <span>{t('operations.layers.heatFull', { share: RED_AT_PERCENT })}</span>
          </span>
        </div>
      )}
      <div className="row">
        <label htmlFor="ops-colour-rule">{t('operations.layers.rule')}</label>
        <select id="ops-colour-rule" value={s.colourRule} onChange={(e) => s.setColourRule(e.target.value as ColourRule)} data-testid="ops-colour-rule">
          {COLOUR_RULES.map((r) => (
            <option key={r} value={r}>
              {t(`operations.layers.ruleName.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {s.colourRule === 'battery' && (
        <div className="thresholds">
          {threshold('batteryLowPercent', t('operations.layers.batteryLow'))}
          {threshold('batteryMediumPercent', t('operations.layers.batteryMedium'))}
        </div>
      )}
      {s.colourRule === 'delay' && (
        <div className="thresholds">
          {threshold('delayWarnS', t('operations.layers.delayWarn'))}
          {threshold('delayAlarmS', t('operations.layers.delayAlarm'))}
        </div>
      )}
      {s.colourRule !== 'none' && (
        <ul className="rule-legend" data-testid="ops-rule-legend">
          {legend(s.colourRule)}
        </ul>
      )}
    </div>
  );
}
