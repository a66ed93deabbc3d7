import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../domain/sceneSchema';
import { ALERT_KINDS, type AlertKind } from '../../telemetry/alerts/AlertBook';
import type { TrafficStore } from '../../store/traffic/trafficStore';
import type { SourceKind, SourceState } from '../../telemetry/TelemetrySource';
import { useTwinStore } from '../../store/useTwin';
import { AlertDrills, type DrillTarget } from './AlertDrills';
import { AlertItem } from './AlertItem';
import { useAlertBook, type AlertSource, type SharedBook } from './useAlertBook';
import './alerts.css';

/** The running source as the alerts panel sees it; the simulation also takes fault drills. */
export type AlertsPanelSource = AlertSource & { readonly kind: SourceKind } & Partial<DrillTarget>;

/** Alerts listed at most: a storm of alerts keeps the panel responsive; the count says how many there are. */
const SHOWN = 200;
/** How often a predicted alert's countdown is redrawn (ms). */
const COUNTDOWN_MS = 1000;

/**
 * The operations room's alerts: newest first, each with its kind and level, time at the gate, place and vehicles;
 * filtered to the unacknowledged (default) or all, and by kind; acknowledged one by one or all at once; a click flies
 * the camera there. A badge counts the unacknowledged, also when the panel is folded. `operator` names who
 * acknowledges (the logged-in user on a live feed); without one, "this console". With `shared`, the list is the
 * control room's book kept by the server (acknowledged there, as the signed-in user, for every console to see).
 */
export function AlertsPanel({
  source,
  scene,
  operator,
  traffic,
  shared,
}: {
  source: AlertsPanelSource;
  scene: Scene;
  operator?: string;
  traffic?: TrafficStore;
  shared?: SharedBook;
}) {
  const { t } = useTranslation();
  const store = useTwinStore();
  const alerts = useAlertBook(source, scene, traffic, shared);
  const [open, setOpen] = useState(true);
  const [all, setAll] = useState(false);
  const [kind, setKind] = useState<AlertKind | ''>('');
  const { list, unacknowledged: unacked } = alerts;
  const shown = useMemo(() => list.filter((a) => (all || !a.ack) && (kind === '' || a.kind === kind)), [list, all, kind]);
  const by = operator ?? '';
  const operatorName = (who: string) => who || t('alerts.thisConsole');
  const counting = list.some((a) => a.active && a.dueS !== undefined);
  const [, setTick] = useState(0);
  // Predicted alerts count down between book changes: a re-render a second while one is open (not per frame).
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setTick((k) => k + 1), COUNTDOWN_MS);
    return () => clearInterval(timer);
  }, [counting]);
  const drills = source.kind === 'sim' && source.injectRogueAgv && source.endRogueAgv && source.setFacilityDown ? (source as DrillTarget) : undefined;

  const badge = (
    <span className={`alerts-badge${unacked > 0 ? ' on' : ''}`} data-testid="alerts-badge" aria-label={t('alerts.unacknowledged', { count: unacked })}>
      {unacked}
    </span>
  );
  if (!open) {
    return (
      <button type="button" className="panel alerts-show" onClick={() => setOpen(true)} data-testid="alerts-show">
        {t('alerts.title')} {badge}
      </button>
    );
  }
  return (
    <section className="panel alerts-panel" aria-label={t('alerts.title')} data-testid="alerts-panel">
      <header>
        <h2>{t('alerts.title')}</h2>
        {shared && (
          <span className="alerts-shared" title={t('alerts.sharedHint')} data-testid="alerts-shared">
            {t('alerts.shared')}
          </span>
        )}
        {badge}
        <button type="button" onClick={() => setOpen(false)} data-testid="alerts-hide" aria-label={t('alerts.hide')}>
          ▾
        </button>
      </header>
      {shared?.problem && (
        <p className="alerts-problem" role="alert" data-testid="alerts-problem">
          {shared.problem}
        </p>
      )}
      <div className="alerts-filters">
        <select
          value={all ? 'all' : 'open'}
          onChange={(e) => setAll(e.target.value === 'all')}
          aria-label={t('alerts.filter.show')}
          data-testid="alerts-filter-ack"
        >
          <option value="open">{t('alerts.filter.unacknowledged')}</option>
          <option value="all">{t('alerts.filter.all')}</option>
        </select>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as AlertKind | '')}
          aria-label={t('alerts.filter.kind')}
          data-testid="alerts-filter-kind"
        >
          <option value="">{t('alerts.filter.anyKind')}</option>
          {ALERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`alerts.kind.${k}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={unacked === 0 || !alerts.canAcknowledge}
          title={alerts.canAcknowledge ? undefined : t('alerts.viewOnly')}
          onClick={() => alerts.acknowledgeAll(by)}
          data-testid="alerts-ack-all"
        >
          {t('alerts.acknowledgeAll')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="alerts-none" data-testid="alerts-none">
          {list.length === 0 ? t('alerts.none') : t('alerts.noneShown')}
        </p>
      ) : (
        <ol className="alerts-list">
          {shown.slice(0, SHOWN).map((a) => (
            <AlertItem
              key={a.id}
              alert={a}
              scene={scene}
              clock={source.kind}
              now={source.state$.value.clockS}
              operatorName={operatorName}
              onFly={(x, y) => store.getState().flyTo(x, y)}
              onAcknowledge={alerts.canAcknowledge ? (id) => alerts.acknowledge(id, by) : undefined}
            />
          ))}
        </ol>
      )}
      {drills && <SimDrills source={source} target={drills} scene={scene} />}
    </section>
  );
}

/** The drills with the simulation's AGV count and checkpoints out of service, from its latest state. */
function SimDrills({ source, target, scene }: { source: AlertsPanelSource; target: DrillTarget; scene: Scene }) {
  const [state, setState] = useState<SourceState & { readonly rogueAgv?: number }>(source.state$.value);
  useEffect(() => {
    const sub = source.state$.subscribe(setState);
    return () => sub.unsubscribe();
  }, [source]);
  return <AlertDrills target={target} scene={scene} agvs={state.fleet?.agvs ?? 0} down={state.facilitiesDown ?? []} rogue={state.rogueAgv} />;
}
