import { useTranslation } from 'react-i18next';
import type { DayProjection } from '../../sim/dayProjection';

const PLACEHOLDER = '—';
const hourText = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;

export interface HeadlineProps {
  /** `briefing-projection-<zone>` or `briefing-gate-<zone>`: the big number's test id. */
  readonly testId: string;
  readonly label: string;
  readonly projection?: DayProjection;
  /** Cleared so far, when there is no projection to show (the gate's count of a zone the server does not model). */
  readonly soFar?: { readonly cleared: number; /** As of when, at the gate (`14:35`). */ readonly time: string };
  /** Said while there is nothing to show yet. */
  readonly waiting: string;
  /** Where the numbers come from, said under the caption. */
  readonly source?: string;
  readonly today: number;
  readonly target: { readonly min: number; readonly max: number };
  readonly fmt: (n: number) => string;
  readonly pct: (n: number) => string;
}

/**
 * A tile's headline: where the day will end with its range and what is cleared so far (or just what is cleared),
 * on a bar against today's figure and the 2030 target range.
 */
export function DayHeadline({ testId, label, projection, soFar, waiting, source, today, target, fmt, pct }: HeadlineProps) {
  const { t } = useTranslation();
  const cleared = projection?.clearedSoFar ?? soFar?.cleared;
  return (
    <div className="briefing-pace">
      <span className="briefing-label">{label}</span>
      <span className="briefing-big" data-testid={testId}>
        {projection ? fmt(projection.expected) : soFar ? fmt(soFar.cleared) : PLACEHOLDER}
      </span>
      <span className="briefing-caption" data-testid={`${testId}-caption`}>
        {projection
          ? t('briefing.projectedCaption', {
              low: fmt(projection.low),
              high: fmt(projection.high),
              cleared: fmt(projection.clearedSoFar),
              time: hourText(projection.hoursDone),
            })
          : soFar
            ? t('briefing.soFarCaption', { time: soFar.time })
            : waiting}
      </span>
      {projection && <span className="briefing-caption">{t(`briefing.basis.${projection.basis}`)}</span>}
      {source && <span className="briefing-caption briefing-source">{source}</span>}
      <div className="briefing-bar" aria-hidden="true">
        <div className="target" style={{ left: pct(target.min), width: `calc(${pct(target.max)} - ${pct(target.min)})` }} />
        {cleared !== undefined && <div className="pace" style={{ width: pct(cleared) }} />}
        {projection && (
          <>
            <div className="band" style={{ left: pct(projection.low), width: `calc(${pct(projection.high)} - ${pct(projection.low)})` }} />
            <div className="expected" style={{ left: pct(projection.expected) }} />
          </>
        )}
        <div className="today" style={{ left: pct(today) }} />
      </div>
      <div className="briefing-bar-legend">
        <span className="today-text">{t('briefing.today', { n: fmt(today) })}</span>
        <span className="target-text">{t('briefing.target', { min: fmt(target.min), max: fmt(target.max) })}</span>
      </div>
    </div>
  );
}
