import { useTranslation } from 'react-i18next';
import type { FeedCounts } from '../telemetry/FleetFeed';

/**
 * The counts a live or replayed feed shares, as HUD tiles: AGVs known, silent ones, near misses and contacts
 * between reported footprints. `testIdPrefix` keeps each HUD's test ids (`live-agvs`, `replay-stale`, …).
 */
export function FleetCounts({ counts, testIdPrefix }: { counts: Pick<FeedCounts, 'agvs' | 'stale' | 'nearMisses' | 'contacts'>; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="kpi">
        <span className="label">{t('live.agvs')}</span>
        <span className="big" data-testid={`${testIdPrefix}-agvs`}>
          {counts.agvs}
        </span>
      </div>
      <div className="kpi">
        <span className="label">{t('live.stale')}</span>
        <span className={`big ${counts.stale > 0 ? 'warn' : ''}`} data-testid={`${testIdPrefix}-stale`}>
          {counts.stale}
        </span>
      </div>
      <div className="kpi">
        <span className="label">{t('hud.nearMisses')}</span>
        <span className={`value ${counts.nearMisses > 0 ? 'warn' : ''}`} data-testid={`${testIdPrefix}-near-misses`}>
          {counts.nearMisses}
        </span>
      </div>
      <div className="kpi">
        <span className="label">{t('hud.contacts')}</span>
        <span className={`value ${counts.contacts > 0 ? 'alarm' : ''}`}>{counts.contacts}</span>
      </div>
    </>
  );
}
