import { useTranslation } from 'react-i18next';
import type { Scene } from '../domain/sceneSchema';
import equipment from '../../data/equipment.json' with { type: 'json' };
import { AGV_FLEET, AGV_LANES, resourceName } from '../sim/resourceName';
import type { SimKpis } from '../sim/simKpis';
import { useTwin } from '../store/useTwin';
import type { SimSource } from '../telemetry/SimSource';
import { TransportBar } from './TransportBar';
import { useSourceState } from './useSourceState';

function clockText(s: number): { day: number; time: string } {
  const day = Math.floor(s / 86400) + 1;
  const m = Math.floor((s % 86400) / 60);
  return { day, time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

/**
 * Trucks have length: the queue standing on the approach roads beyond the holding areas now (metres; the trucks in
 * it drawn red on the map) and the most since 00:00, and each holding area's trucks against its capacity with the
 * time it first filled. Shown where the HUD shows the trucks inside.
 */
function QueueOnRoad({ scene, kpis: k, fmt }: { scene: Scene; kpis: SimKpis; fmt: (n: number) => string }) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const areas = Object.entries(k.holding).filter(([, h]) => h.capacity > 0);
  return (
    <div className="kpi wide queue-on-road" data-testid="kpi-spillback">
      <span className="label" title={t('hud.roadQueueHint')}>
        <span className="swatch" style={{ background: equipment.queueTint.onRoad }} />
        {t('hud.roadQueue')}
      </span>
      <span className={`value ${k.spillBackM > 0 ? 'warn' : ''}`} data-testid="kpi-spillback-m">
        {`${fmt(k.spillBackM)} m`}
      </span>
      <span className="unit">
        {t('hud.roadQueueMax', { m: fmt(k.spillBackMaxM) })}
        {areas.map(([id, h]) => (
          <span key={id} className="holding" data-testid={`kpi-holding-${id}`}>
            {' · '}
            {h.fullFirstS === null
              ? t('hud.holding', { name: resourceName(scene, id)[lang], n: fmt(h.trucks), capacity: fmt(h.capacity) })
              : t('hud.holdingFull', {
                  name: resourceName(scene, id)[lang],
                  n: fmt(h.trucks),
                  capacity: fmt(h.capacity),
                  time: clockText(h.fullFirstS).time,
                })}
          </span>
        ))}
      </span>
    </div>
  );
}

/**
 * The heads-up display of the running simulation: the clock with play/pause and speed, and the KPIs as they
 * accumulate against the zone's baseline and 2030 target. It re-renders on the source's snapshots (twice a
 * second at most), never per frame.
 */
export function SimHud({
  scene,
  source,
  showPaths,
  onShowPaths,
}: {
  scene: Scene;
  source: SimSource;
  showPaths: boolean;
  onShowPaths: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const state = useSourceState(source);
  const fmt = (n: number) => Math.round(n).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const k = state.snapshot?.kpis;
  const hourly = state.snapshot?.hourly ?? [];
  const lastHour = hourly.at(-1);
  const pace = lastHour ? lastHour.cleared * 24 : undefined;
  const { todayVehiclesPerDay: today, target2030VehiclesPerDay: target } = scene.zone.capacity;
  const scaleMax = Math.max(target.max, pace ?? 0, k?.vehiclesPerDay ?? 0) * 1.1;
  const pct = (n: number) => `${Math.min(100, (n / scaleMax) * 100)}%`;
  const clock = clockText(state.clockS);
  // The lanes' figure is the share of the AGVs' working time spent waiting, not a utilisation: say it as such.
  const lanesReason = (u: Readonly<Record<string, number>>) =>
    t('hud.lanesReason', { wait: `${Math.round((u[AGV_LANES] ?? 0) * 100)} %`, fleet: `${Math.round((u[AGV_FLEET] ?? 0) * 100)} %` });

  return (
    <section className="panel sim-hud" data-testid="sim-hud" aria-label={t('hud.title')}>
      <header>
        <span className="clock" data-testid="sim-clock">
          {t('hud.clock', clock)}
        </span>
        <span className={`status status-${state.status}`}>{t(`hud.status.${state.status}`)}</span>
      </header>
      <TransportBar
        source={source}
        state={state}
        recordPrefix={`twin-sim-${scene.id}`}
        extra={
          <label className="paths">
            <input type="checkbox" checked={showPaths} onChange={(e) => onShowPaths(e.target.checked)} data-testid="sim-paths" />
            {t('hud.paths')}
          </label>
        }
      />
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {k && (
        <div className="kpis">
          <div className="kpi wide">
            <span className="label">{t('hud.cleared')}</span>
            <span className="big" data-testid="kpi-cleared">
              {fmt(k.cleared)}
            </span>
            <span className="unit">{t('hud.clearedOf', { arrived: fmt(k.arrived) })}</span>
          </div>
          <div className="kpi wide">
            <span className="label">{t('hud.pace')}</span>
            <span className="big">{pace === undefined ? '—' : fmt(pace)}</span>
            <span className="unit">{t('hud.demand', { n: fmt(k.vehiclesPerDay) })}</span>
          </div>
          <div className="target-bar" aria-hidden="true">
            <div
              className="target-range"
              style={{ left: pct(target.min), width: `calc(${pct(target.max)} - ${pct(target.min)})` }}
              title={t('hud.target', { min: fmt(target.min), max: fmt(target.max) })}
            />
            <div className="baseline" style={{ left: pct(today.value) }} title={t('hud.baseline', { n: fmt(today.value) })} />
            {pace !== undefined && <div className="pace" style={{ width: pct(pace) }} />}
          </div>
          <div className="bar-legend">
            <span>{t('hud.baseline', { n: fmt(today.value) })}</span>
            <span>{t('hud.target', { min: fmt(target.min), max: fmt(target.max) })}</span>
          </div>
          <div className="kpi">
            <span className="label">{t('hud.timeInSystem')}</span>
            <span className="value">{t('hud.p50p95', { p50: fmt(k.timeInSystemP50S / 60), p95: fmt(k.timeInSystemP95S / 60) })}</span>
          </div>
          <div className="kpi">
            <span className="label" title={t('hud.agvUseHint')}>
              {t('hud.agvUse')}
            </span>
            <span className="value">
              {k.agvs > 0 ? `${Math.round((k.utilisation['agv-fleet'] ?? 0) * 100)} % · ${t('hud.agvs', { n: k.agvs })}` : t('hud.noAgvs')}
            </span>
          </div>
          <div className="kpi">
            <span className="label">{t('hud.inside')}</span>
            <span className="value">{fmt(k.inside)}</span>
          </div>
          {k.holding && <QueueOnRoad scene={scene} kpis={k} fmt={fmt} />}
          <div className="kpi">
            <span className="label">{t('hud.bottleneck')}</span>
            <span className="value" data-testid="kpi-bottleneck">
              {k.bottleneck ? resourceName(scene, k.bottleneck)[lang] : '—'}
              {k.bottleneck === AGV_LANES && (
                <span className="reason" data-testid="kpi-bottleneck-reason">
                  {lanesReason(k.utilisation)}
                </span>
              )}
            </span>
          </div>
          <div className="kpi">
            <span className="label">{t('hud.nearMisses')}</span>
            <span className={`value ${k.nearMisses > 0 ? 'warn' : ''}`}>{fmt(k.nearMisses)}</span>
          </div>
          <div className="kpi">
            <span className="label">{t('hud.contacts')}</span>
            <span className={`value ${k.contacts > 0 ? 'alarm' : ''}`}>{fmt(k.contacts)}</span>
          </div>
        </div>
      )}
    </section>
  );
}
