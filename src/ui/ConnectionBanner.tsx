import { useTranslation } from 'react-i18next';
import type { LiveSource } from '../telemetry/LiveSource';
import { useSourceState } from './useSourceState';

/**
 * Across the top of the map while the live feed has lost its broker: what is shown is the last known fleet, not
 * the fleet now, and the twin is trying again. Gone as soon as the feed is live again.
 */
export function ConnectionBanner({ source }: { source: LiveSource }) {
  const { t } = useTranslation();
  const state = useSourceState(source);
  if (state.status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <strong>{t('live.lost.title')}</strong> {t('live.lost.detail')}
    </div>
  );
}
