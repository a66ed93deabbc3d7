import { useTranslation } from 'react-i18next';
import type { Scene } from '../../domain/sceneSchema';
import type { Alert } from '../../telemetry/alerts/AlertBook';
import type { SourceKind } from '../../telemetry/TelemetrySource';
import { formatNumber } from '../formatNumber';
import { alertTime } from './alertTime';

/** Level marks that every font has (no emoji): a triangle for a warning, a diamond for a critical alert. */
const MARK = { warning: '▲', critical: '◆' } as const;

/**
 * One alert in the list: level mark, kind, time at the gate, place (vehicles or facility, and where), what the
 * source said; still active or cleared when; acknowledged by whom, or the button to acknowledge. Clicking the
 * alert flies the camera to its place. Vehicle names and details come from the wire: rendered as text.
 */
export function AlertItem({
  alert,
  scene,
  clock,
  operatorName,
  onFly,
  onAcknowledge,
  now,
}: {
  alert: Alert;
  /** The source clock now (s), for the countdown of a predicted alert. */
  now: number;
  scene: Scene;
  clock: SourceKind;
  operatorName: (by: string) => string;
  onFly: (x: number, y: number) => void;
  /** Absent: this user may not acknowledge (a viewer on the shared book); the button says so. */
  onAcknowledge: ((id: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang, 0);
  const hasPlace = alert.x !== undefined && alert.y !== undefined;
  const facility = alert.facilityId ? scene.facilities.find((f) => f.id === alert.facilityId) : undefined;
  const serials = alert.vehicles.map((v) => v.slice(v.indexOf('/') + 1)).join(' · ');
  // A lost connection stands for every vehicle gone silent: counted, each named in the tooltip.
  const connection = alert.kind === 'connection';
  const who = facility
    ? (facility.name?.[lang === 'vi' ? 'vi' : 'en'] ?? facility.id)
    : connection
      ? t('alerts.silentUnder', { count: alert.vehicles.length })
      : serials;
  return (
    <li
      className={`alert-item level-${alert.level}${alert.active ? '' : ' cleared'}${alert.ack ? ' acked' : ''}`}
      data-testid="alert-item"
      data-alert-id={alert.id}
      data-kind={alert.kind}
      data-active={alert.active}
      data-acked={alert.ack !== undefined}
      {...(hasPlace ? { 'data-x': alert.x!.toFixed(1), 'data-y': alert.y!.toFixed(1) } : {})}
    >
      <button
        type="button"
        className="alert-main"
        disabled={!hasPlace}
        title={hasPlace ? t('alerts.flyTo') : t('alerts.noPlace')}
        onClick={() => hasPlace && onFly(alert.x!, alert.y!)}
        data-testid="alert-fly"
      >
        <span className="alert-mark" aria-label={t(`alerts.level.${alert.level}`)}>
          {MARK[alert.level]}
        </span>
        <span className="alert-kind">{t(`alerts.kind.${alert.kind}`)}</span>
        <span className="alert-time" data-testid="alert-time">
          {alertTime(alert.openedS, clock, lang, t)}
        </span>
        <span className="alert-place" data-testid="alert-place" {...(connection && serials ? { title: serials } : {})}>
          {who}
          {hasPlace && <span className="alert-xy"> · {t('alerts.at', { x: n(alert.x!), y: n(alert.y!) })}</span>}
        </span>
        {alert.detail && !connection && <span className="alert-detail">{alert.detail}</span>}
        {alert.cause && (
          <span className="alert-detail" data-testid="alert-cause">
            {t(`alerts.cause.${alert.cause}`, { defaultValue: alert.cause })}
            {alert.nodeId && ` · ${t('alerts.node', { id: alert.nodeId })}`}
          </span>
        )}
        {alert.active && alert.dueS !== undefined && (
          <span className="alert-due" data-testid="alert-due">
            {alert.dueS - now > 0.5 ? t('alerts.dueIn', { seconds: n(alert.dueS - now) }) : t('alerts.dueNow')}
          </span>
        )}
      </button>
      <div className="alert-status">
        <span>{alert.active ? t('alerts.active') : t('alerts.clearedAt', { time: alertTime(alert.clearedS!, clock, lang, t) })}</span>
        {alert.ack ? (
          <span className="alert-acked" data-testid="alert-acked">
            {t('alerts.ackedBy', { who: operatorName(alert.ack.by), time: alertTime(alert.ack.atS, clock, lang, t) })}
          </span>
        ) : (
          <button
            type="button"
            disabled={!onAcknowledge}
            title={onAcknowledge ? undefined : t('alerts.viewOnly')}
            onClick={() => onAcknowledge?.(alert.id)}
            data-testid="alert-ack"
          >
            {t('alerts.acknowledge')}
          </button>
        )}
      </div>
    </li>
  );
}
