import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../domain/sceneSchema';
import { checkpointsOf } from '../../telemetry/alerts/alertInput';

/** What a drill needs of the simulation source. */
export interface DrillTarget {
  injectRogueAgv(i: number): Promise<void>;
  endRogueAgv(): Promise<void>;
  setFacilityDown(facilityId: string, down: boolean): Promise<void>;
}

/**
 * Fault drills on the simulation, for training the control room and testing the alerts: make an AGV ignore its
 * plan (it drives on into the others: near misses, contacts; ended, it rejoins the plan), or mark a barrier or scanner out of service (reported
 * as an alert; the simulation still serves trucks there). A failure is shown with its reason.
 */
export function AlertDrills({
  target,
  scene,
  agvs,
  down,
  rogue,
}: {
  target: DrillTarget;
  scene: Scene;
  agvs: number;
  down: readonly string[];
  rogue?: number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'vi' ? 'vi' : 'en';
  const checkpoints = useMemo(() => checkpointsOf(scene), [scene]);
  const [agv, setAgv] = useState(1);
  const [facility, setFacility] = useState(checkpoints[0]?.id ?? '');
  const [error, setError] = useState<string>();
  const run = (p: Promise<void>) =>
    p.then(
      () => setError(undefined),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  const isDown = down.includes(facility);
  return (
    <details className="alert-drills" data-testid="alert-drills">
      <summary>{t('alerts.drills.title')}</summary>
      <p className="hint">{t('alerts.drills.hint')}</p>
      {rogue !== undefined && (
        <p className="drill-on" role="status" data-testid="drill-rogue-on">
          ⚠ {t('alerts.drills.rogueOn', { n: rogue + 1 })}{' '}
          <button type="button" onClick={() => void run(target.endRogueAgv())} data-testid="drill-rogue-end">
            {t('alerts.drills.rogueEnd')}
          </button>
        </p>
      )}
      {agvs > 0 && (
        <div className="drill-row">
          <label>
            {t('alerts.drills.agv')}
            <select value={agv} onChange={(e) => setAgv(Number(e.target.value))} data-testid="drill-agv">
              {Array.from({ length: agvs }, (_, i) => (
                <option key={i} value={i + 1}>
                  AGV {i + 1}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={rogue === agv - 1} onClick={() => void run(target.injectRogueAgv(agv - 1))} data-testid="drill-rogue">
            {t('alerts.drills.rogue')}
          </button>
        </div>
      )}
      {checkpoints.length > 0 && (
        <div className="drill-row">
          <label>
            {t('alerts.drills.checkpoint')}
            <select value={facility} onChange={(e) => setFacility(e.target.value)} data-testid="drill-facility">
              {checkpoints.map((c) => {
                const f = scene.facilities.find((x) => x.id === c.id);
                return (
                  <option key={c.id} value={c.id}>
                    {f?.name?.[lang] ?? c.id}
                  </option>
                );
              })}
            </select>
          </label>
          <button type="button" onClick={() => void run(target.setFacilityDown(facility, !isDown))} data-testid="drill-facility-toggle">
            {isDown ? t('alerts.drills.facilityUp') : t('alerts.drills.facilityDown')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
