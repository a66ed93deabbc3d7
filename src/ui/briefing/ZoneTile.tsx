import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneFolder } from '../../domain/zoneFolder';
import type { Scene } from '../../domain/sceneSchema';
import { useTwin } from '../../store/useTwin';
import type { SimSource } from '../../telemetry/SimSource';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { formatNumber } from '../formatNumber';
import { useSourceState } from '../useSourceState';
import { useElementHeight } from './useElementHeight';
import { zoneFigures, type ZoneFigures } from './zoneFigures';
import { DayHeadline } from './DayHeadline';
import { gateTime } from '../gateTime';
import { GateDays } from './GateDays';
import { hasGateCounts, type GateReport } from '../../store/server/gateReport';

const PACE_COLOUR = '#38bdf8';
const TODAY_COLOUR = '#fbbf24';
const TARGET_BAND = 'rgba(74, 222, 128, 0.28)';
const PLACEHOLDER = '—';

const hourText = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
/** Chart ticks: every third hour is labelled, so wall-sized labels do not run into each other. */
const tickText = (h: number) => (h % 3 === 0 ? hourText(h) : '');

/** The figures of one zone's running simulation; re-renders on its snapshots (twice a second), never per frame. */
function useFigures(source: SimSource, process: Scene['process']): { figures?: ZoneFigures; error?: string } {
  const state = useSourceState(source);
  const figures = useMemo(() => (state.snapshot ? zoneFigures(state.snapshot, process) : undefined), [state.snapshot, process]);
  return { figures, error: state.status === 'error' ? state.error : undefined };
}

interface TileProps {
  readonly scene: Scene;
  readonly source?: SimSource;
  /** Why the simulation could not start (one that fails while running says so itself). */
  readonly error?: string;
  readonly onScreen: boolean;
  /** Type size of the chart's axes, CSS px (the wall's body size). */
  readonly fontPx: number;
  /** The gate's own counts from the control-room server: the headline when they exist (the simulation's otherwise). */
  readonly real?: GateReport;
}

/**
 * One zone on the wall: the day's projected clearances (with their band and what is cleared so far) against today's
 * figure and the 2030 target range, time in system, AGV fleet use, and the day's hourly pace with the target band.
 * Every number is the simulation's or the scene file's.
 */
export function ZoneTile(props: TileProps) {
  return props.source ? <LiveTile {...props} source={props.source} /> : <TileBody {...props} />;
}

function LiveTile(props: TileProps & { source: SimSource }) {
  const { figures, error } = useFigures(props.source, props.scene.process);
  return <TileBody {...props} figures={figures} error={props.error ?? error} />;
}

function TileBody({ scene, error, onScreen, fontPx, figures, real }: TileProps & { figures?: ZoneFigures }) {
  const { t } = useTranslation();
  const [chartBox, chartHeight] = useElementHeight<HTMLDivElement>();
  const lang = useTwin((s) => s.lang);
  const id = zoneFolder(scene.zone.id);
  const fmt = (n: number) => formatNumber(Math.round(n), lang);
  const { todayVehiclesPerDay: today, target2030VehiclesPerDay: target } = scene.zone.capacity;
  const projection = figures?.projection;
  const gate = hasGateCounts(real) ? real : undefined;
  const scaleMax = Math.max(target.max, (gate ? gate.today.projection?.high : projection?.high) ?? 0, ...(gate?.days.map((d) => d.cleared) ?? [])) * 1.15;
  const pct = (n: number) => `${Math.min(100, (n / scaleMax) * 100)}%`;

  const series = useMemo<ChartSeries[]>(
    () =>
      figures
        ? [
            { label: t('briefing.chartPace'), values: figures.trend, color: PACE_COLOUR },
            { label: t('briefing.chartToday'), values: figures.hours.map(() => today.value), color: TODAY_COLOUR, dash: [12, 8] },
          ]
        : [],
    [figures, today.value, t],
  );

  return (
    <section className={`briefing-tile${onScreen ? ' on-screen' : ''}`} data-testid={`briefing-tile-${id}`} aria-label={scene.zone.name[lang]}>
      <header>
        <h2>{scene.zone.name[lang]}</h2>
        {onScreen && <span className="briefing-on-screen">{t('briefing.onScreen')}</span>}
      </header>
      {error && (
        <p className="briefing-error" role="alert">
          {t('briefing.simFailed', { message: error })}
        </p>
      )}
      <div className="briefing-figures">
        {gate ? (
          <DayHeadline
            testId={`briefing-gate-${id}`}
            label={t('briefing.gateToday')}
            {...(gate.today.projection
              ? { projection: gate.today.projection }
              : { soFar: { cleared: gate.days.at(-1)!.cleared, time: gateTime(gate.today.asOfMs / 1000, lang).slice(0, 5) } })}
            waiting={t('briefing.paceWaiting')}
            source={t('briefing.gateSource')}
            today={today.value}
            target={target}
            fmt={fmt}
            pct={pct}
          />
        ) : (
          <DayHeadline
            testId={`briefing-projection-${id}`}
            label={t('briefing.projected')}
            {...(projection ? { projection } : {})}
            waiting={t(figures ? 'briefing.paceWaiting' : 'briefing.starting')}
            today={today.value}
            target={target}
            fmt={fmt}
            pct={pct}
          />
        )}
        <div className="briefing-kpi">
          {gate && <span className="briefing-caption briefing-source">{t('briefing.kpisSimulated')}</span>}
          <span className="briefing-label">{t('briefing.timeInSystem')}</span>
          <span className="briefing-value" data-testid={`briefing-p50-${id}`}>
            {figures?.timeInSystemP50Min === undefined ? PLACEHOLDER : t('briefing.minutes', { n: fmt(figures.timeInSystemP50Min) })}
          </span>
          <span className="briefing-label">{t('briefing.agvUse')}</span>
          <span className="briefing-value" data-testid={`briefing-agv-${id}`}>
            {!figures ? PLACEHOLDER : figures.agvUse === undefined ? t('briefing.noAgvs') : t('briefing.percent', { n: fmt(figures.agvUse * 100) })}
          </span>
          {figures && figures.agvs > 0 && <span className="briefing-caption">{t('briefing.agvCount', { n: fmt(figures.agvs) })}</span>}
          {figures && <span className="briefing-caption">{t('briefing.demand', { n: fmt(figures.demand) })}</span>}
        </div>
      </div>
      {gate ? (
        <GateDays id={id} days={gate.days} fmt={fmt} pct={pct} />
      ) : (
        <>
          <div className="briefing-chart" ref={chartBox}>
            {figures && chartHeight > 0 && (
              <LineChart
                x={figures.hours}
                series={series}
                xLabel={t('briefing.chartX')}
                yLabel={t('briefing.chartY')}
                height={chartHeight}
                bands={[{ from: target.min, to: target.max, color: TARGET_BAND }]}
                xFormat={tickText}
                fontPx={fontPx}
                showKey={false}
                testId={`briefing-chart-${id}`}
              />
            )}
          </div>
          <div className="briefing-chart-legend">
            <span className="pace-key">{t('briefing.chartPace')}</span>
            <span className="today-key">{t('briefing.chartToday')}</span>
            <span className="target-key">{t('briefing.chartTarget')}</span>
          </div>
        </>
      )}
    </section>
  );
}
