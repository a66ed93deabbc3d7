import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { gateClock } from '../../domain/gateClock';
import type { ForecastBand } from '../../sim/forecast/forecastTypes';
import type { ForecastScore, TrafficStore } from '../../store/traffic/trafficStore';
import { formatNumber } from '../formatNumber';
import { forecastBusyShare } from './forecastBusyShare';

/** Starts and cancels the console's forecast (the app's forecast runner). */
export interface ForecastControl {
  start(): void;
  cancel(): void;
}

/**
 * The operations console's forecast: a button that forecasts the next hour from the latest prediction round,
 * its progress and a cancel, then the band over the seeds (containers moved, trucks cleared, AGV busy share, and
 * containers per 5 minutes) between its start and end in gate time; in replay, its error against the recording.
 */
export function ForecastPanel({
  traffic,
  control,
  simulated,
  replayed,
}: {
  traffic: TrafficStore;
  control: ForecastControl;
  /** The source's clock is simulated seconds (else epoch seconds). */
  simulated: boolean;
  /** The source is a recording, so the forecast gets scored. */
  replayed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const forecast = useStore(traffic, (s) => s.forecast);
  const hasRound = useStore(traffic, (s) => s.snapshot !== undefined);
  const running = forecast?.status === 'running';
  const num = (v: number, digits = 0) => formatNumber(v, lang, digits);
  const range = ([lo, hi]: readonly [number, number], median: number) =>
    t('operations.forecast.range', { lo: num(lo), hi: num(hi), median: num(median, 1) });
  return (
    <div className="ops-forecast" data-testid="forecast-panel">
      <div className="ops-forecast-actions">
        <button type="button" disabled={running || !hasRound} onClick={() => control.start()} data-testid="forecast-run">
          {t('operations.forecast.run')}
        </button>
        {running && (
          <>
            <progress max={forecast.seeds} value={forecast.seedsDone} aria-label={t('operations.forecast.progress')} />
            <span>{t('operations.forecast.seeds', { done: forecast.seedsDone, seeds: forecast.seeds })}</span>
            <button type="button" onClick={() => control.cancel()} data-testid="forecast-cancel">
              {t('operations.forecast.cancel')}
            </button>
          </>
        )}
      </div>
      {!hasRound && !forecast && <p className="hint">{t('operations.forecast.needRound')}</p>}
      {forecast?.status === 'failed' && (
        <p className="ops-forecast-failed" role="alert">
          {t('operations.forecast.failed', { reason: forecast.reason })}
        </p>
      )}
      {forecast?.status === 'done' && (
        <div data-testid="forecast-result">
          <p className="hint">
            {t('operations.forecast.span', {
              from: gateClock(forecast.fromS, simulated),
              to: gateClock(forecast.toS, simulated),
              seeds: forecast.band.seeds,
              s: num(forecast.wallMs / 1000, 1),
            })}
          </p>
          <dl className="ops-forecast-figures">
            <dt>{t('operations.forecast.containers')}</dt>
            <dd data-testid="forecast-containers">{range(forecast.band.totals.containers, forecast.band.medianTotals.containers)}</dd>
            <dt>{t('operations.forecast.cleared')}</dt>
            <dd>{range(forecast.band.totals.cleared, forecast.band.medianTotals.cleared)}</dd>
            <dt title={t('operations.forecast.agvBusyHint')}>{t('operations.forecast.agvBusy')}</dt>
            <dd data-testid="forecast-agv-busy">{forecastBusyShare(forecast.band, num)}</dd>
          </dl>
          <BinTable band={forecast.band} fromS={forecast.fromS} simulated={simulated} num={num} />
          {forecast.score ? <Score score={forecast.score} num={num} /> : replayed && <p className="hint">{t('operations.forecast.scoring')}</p>}
        </div>
      )}
    </div>
  );
}

function BinTable({ band, fromS, simulated, num }: { band: ForecastBand; fromS: number; simulated: boolean; num: (v: number) => string }) {
  const { t } = useTranslation();
  const c = band.bins.containers;
  return (
    // Folded by default: twelve rows would crowd the fleet list out of the console.
    <details>
      <summary>{t('operations.forecast.binsTitle')}</summary>
      <table className="ops-forecast-bins" data-testid="forecast-bins">
        <thead>
          <tr>
            <th scope="col">{t('operations.forecast.binFrom')}</th>
            <th scope="col">{t('operations.forecast.binRange')}</th>
            <th scope="col">{t('operations.forecast.binMedian')}</th>
            <th scope="col">{t('operations.forecast.binWaiting')}</th>
          </tr>
        </thead>
        <tbody>
          {c.median.map((m, b) => (
            <tr key={b}>
              <td>{gateClock(fromS + b * band.binS, simulated).slice(0, 5)}</td>
              <td>
                {num(c.min[b]!)}–{num(c.max[b]!)}
              </td>
              <td>{num(m)}</td>
              <td>{num(band.bins.trucksWaiting.median[b]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Score({ score, num }: { score: ForecastScore; num: (v: number, digits?: number) => string }) {
  const { t } = useTranslation();
  const e = score.error;
  const covered = score.coveredS;
  const missing = (afterS: number) =>
    covered === undefined
      ? t('operations.forecast.notRead')
      : covered < afterS
        ? t('operations.forecast.notCovered', { s: num(Math.floor(covered)) })
        : t('operations.forecast.notPresent');
  return (
    <div className="ops-forecast-score" data-testid="forecast-score">
      <h4>{t('operations.forecast.scoreTitle')}</h4>
      <dl className="ops-forecast-figures">
        <dt>{t('operations.forecast.position5')}</dt>
        <dd>{e?.positionM5 !== undefined ? t('operations.forecast.metres', { m: num(e.positionM5, 1), n: e.agvs5 }) : missing(300)}</dd>
        <dt>{t('operations.forecast.position15')}</dt>
        <dd>{e?.positionM15 !== undefined ? t('operations.forecast.metres', { m: num(e.positionM15, 1), n: e.agvs15 }) : missing(900)}</dd>
        <dt>{t('operations.forecast.containersError')}</dt>
        <dd>
          {e?.containers !== undefined && e.containersRecorded !== undefined && e.containersBand
            ? t(e.containersWithin ? 'operations.forecast.within' : 'operations.forecast.outside', {
                d: `${e.containers > 0 ? '+' : ''}${num(e.containers, 1)}`,
                n: e.containersRecorded,
                min: num(e.overS / 60),
                lo: e.containersBand[0],
                hi: e.containersBand[1],
              })
            : missing(300)}
        </dd>
      </dl>
      {covered === undefined && score.reason && <p className="hint">{t('operations.forecast.scoreFailed', { reason: score.reason })}</p>}
    </div>
  );
}
