import { useTranslation } from 'react-i18next';
import type { GateDayCount } from '../../store/server/gateReport';

/** The last days at the gate, oldest first: each day's cleared count on a bar, on the tile's scale (today last, so far). */
export function GateDays({ id, days, fmt, pct }: { id: string; days: readonly GateDayCount[]; fmt: (n: number) => string; pct: (n: number) => string }) {
  const { t } = useTranslation();
  return (
    <div className="briefing-days" data-testid={`briefing-days-${id}`}>
      <span className="briefing-label">{t('briefing.lastDays', { count: days.length })}</span>
      <ol>
        {days.map((d, k) => (
          <li key={d.day} className={k === days.length - 1 ? 'today' : undefined}>
            <span className="day">{`${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`}</span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: pct(d.cleared) }} />
            </span>
            <span className="n">{fmt(d.cleared)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
