import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VehicleDetail } from '../telemetry/vehicleRow';
import { formatNumber } from './formatNumber';

/** How often the open panel asks the worker for the vehicle again (a UI tick, not per frame). */
const REFRESH_MS = 500;
const DEGREES_PER_RADIAN = 180 / Math.PI;

/**
 * One vehicle of a live or replayed feed, as its latest state says: where it is, what it carries, battery,
 * operating mode, driving or paused, errors by level, safety state, order, the nodes and edges released to it
 * and those planned beyond (the horizon), its latest action results. Everything from the wire is text.
 */
export function VehiclePanel({
  source,
  vehicleKey,
  onClose,
}: {
  source: { vehicle(key: string): Promise<VehicleDetail | undefined> };
  vehicleKey: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<VehicleDetail>();
  useEffect(() => {
    let live = true;
    const load = () =>
      source.vehicle(vehicleKey).then(
        (d) => live && setDetail(d),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [source, vehicleKey]);
  const n = (x: number, digits = 1) => formatNumber(x, i18n.language, digits);
  const s = detail?.state;
  const released = s?.nodeStates.filter((x) => x.released) ?? [];
  const planned = s?.nodeStates.filter((x) => !x.released) ?? [];
  const edgesReleased = s?.edgeStates.filter((x) => x.released).length ?? 0;
  const yesNo = (b: boolean | undefined) => (b === undefined ? '—' : b ? t('vehicle.yes') : t('vehicle.no'));

  return (
    <section className="vehicle-panel" data-testid="vehicle-panel" aria-label={vehicleKey}>
      <header>
        <strong>{vehicleKey}</strong>
        {detail?.row.stale && <span className="warn"> · {t('live.silent')}</span>}
        <button type="button" onClick={onClose} aria-label={t('vehicle.close')}>
          ×
        </button>
      </header>
      {!detail ? (
        <p>{t('vehicle.none')}</p>
      ) : (
        <dl>
          <dt>{t('vehicle.position')}</dt>
          <dd>
            {detail.placed
              ? t('vehicle.positionValue', { x: n(detail.x), y: n(detail.y), h: n(detail.headingRad * DEGREES_PER_RADIAN, 0) })
              : t('vehicle.notPlaced')}
          </dd>
          <dt>{t('vehicle.load')}</dt>
          <dd>
            {s?.loads === undefined ? '—' : s.loads.length === 0 ? t('vehicle.empty') : s.loads.map((l) => l.loadId ?? l.loadType ?? '?').join(', ')}
          </dd>
          <dt>{t('vehicle.battery')}</dt>
          <dd>{s?.battery ? `${n(s.battery.chargePercent, 0)} %${s.battery.charging ? ` · ${t('vehicle.charging')}` : ''}` : '—'}</dd>
          <dt>{t('vehicle.mode')}</dt>
          <dd>{s?.operatingMode ?? '—'}</dd>
          <dt>{t('vehicle.driving')}</dt>
          <dd>
            {yesNo(s?.driving)}
            {s?.paused ? ` · ${t('live.paused')}` : ''}
          </dd>
          <dt>{t('vehicle.safety')}</dt>
          <dd className={s?.safety && (s.safety.emergencyStop !== 'NONE' || s.safety.fieldViolation) ? 'alarm' : ''}>
            {s?.safety ? `${t('vehicle.eStop')}: ${s.safety.emergencyStop} · ${t('vehicle.field')}: ${yesNo(s.safety.fieldViolation)}` : '—'}
          </dd>
          <dt>{t('vehicle.order')}</dt>
          <dd>
            {s?.orderId ?? '—'}
            {s?.lastNodeId ? ` · ${t('vehicle.lastNode')} ${s.lastNodeId}` : ''}
          </dd>
          <dt>{t('vehicle.nodes')}</dt>
          <dd data-testid="vehicle-nodes">
            {t('vehicle.released', { n: released.length, edges: edgesReleased })}: {released.map((x) => x.nodeId).join(' → ') || '—'}
            <br />
            {t('vehicle.planned', { n: planned.length })}: {planned.map((x) => x.nodeId).join(' → ') || '—'}
          </dd>
          <dt>{t('vehicle.errors')}</dt>
          <dd data-testid="vehicle-errors">
            {s && s.errors.length > 0 ? (
              <ul>
                {s.errors.map((e, k) => (
                  <li key={k} className={`level-${e.errorLevel}`}>
                    {e.errorLevel} · {e.errorType}
                    {e.errorDescription ? `: ${e.errorDescription}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              t('vehicle.noErrors')
            )}
          </dd>
          {s && s.actionStates.length > 0 && (
            <>
              <dt>{t('vehicle.actions')}</dt>
              <dd>
                {s.actionStates
                  .slice(-5)
                  .map((a) => `${a.actionType ?? a.actionId}: ${a.actionStatus}${a.resultDescription ? ` (${a.resultDescription})` : ''}`)
                  .join(' · ')}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
