import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fleetFrame } from '../../domain/fleetFrame';
import type { Scene } from '../../domain/sceneSchema';
import { useTwin } from '../../store/useTwin';
import type { SimSource } from '../../telemetry/SimSource';
import type { RenderStats } from '../../view/renderStats';
import { TwinCanvas, type SimLayers } from '../../view/TwinCanvas';
import { ErrorBoundary } from '../ErrorBoundary';
import { useSourceState } from '../useSourceState';
import './briefing.css';
import { BRIEFING } from './briefingSettings';
import { TourCamera } from './TourCamera';
import { tourPlan, type PlannedStop } from './tourPlan';
import { useBriefingScenes } from './useBriefingScenes';
import { useIdleControls } from './useIdleControls';
import { usePageVisible } from './usePageVisible';
import { useTourStep } from './useTourStep';
import { useViewport } from './useViewport';
import { useZoneSimulation } from './useZoneSimulation';
import { ZoneTile } from './ZoneTile';
import { hasGateCounts, type GateReport } from '../../store/server/gateReport';

/** The gate's own counts per zone, when a control-room server serves the wall, and why some are missing. */
export interface GateCounts {
  readonly reports: Readonly<Partial<Record<string, GateReport>>>;
  readonly problem?: string;
}

const NO_FLEET = { frame: fleetFrame(0, 0) };
const NO_PATHS = { segments: new Float32Array(0), version: 0 };
const NO_HIDDEN: readonly string[] = [];
const ignore = () => undefined;

/** Type size of the wall in CSS px, as briefing.css sets it (`--briefing-font`), for the charts drawn on canvas. */
const wallFontPx = (w: number, h: number) => Math.min(64, Math.max(12, Math.min(w * 0.0085, h * 0.015)));

/**
 * The briefing wall for leaders on large screens: both zones against their targets, from their running
 * simulations, with a guided camera tour through each zone that loops unattended. Owns its scenes, sources and
 * canvas; the rest of the app is not mounted in this mode. Work stops while the tab is hidden. Served by the
 * control-room server with the gate's event feed (`gate`), a zone's headline is the gate's own count of the day, and the
 * subtitle says which figures are simulated.
 */
export function BriefingConsole({ stats, gate }: { stats: RenderStats; gate?: GateCounts }) {
  const { t } = useTranslation();
  const { scenes, error } = useBriefingScenes();
  const visible = usePageVisible();
  const awake = useIdleControls(BRIEFING.controlsVisibleMs);
  const setMode = useTwin((s) => s.setMode);
  const lang = useTwin((s) => s.lang);
  const setLang = useTwin((s) => s.setLang);

  const controls = (
    <nav className={`briefing-controls${awake ? ' shown' : ''}`} aria-label={t('briefing.controls')}>
      <button type="button" data-testid="briefing-lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
        {t('lang.switch')}
      </button>
      <button type="button" data-testid="briefing-exit" onClick={() => setMode('operations')}>
        {t('briefing.exit')}
      </button>
    </nav>
  );

  return (
    <div className={`briefing${awake ? '' : ' idle'}`} data-testid="briefing" lang={lang}>
      {scenes ? (
        <Wall scenes={scenes} running={visible} controls={controls} stats={stats} gate={gate} />
      ) : (
        <>
          <p className={error ? 'briefing-error briefing-centre' : 'briefing-centre'} role={error ? 'alert' : undefined}>
            {error ? t('briefing.loadFailed', { message: error }) : t('briefing.loading')}
          </p>
          {controls}
        </>
      )}
    </div>
  );
}

/** The wall itself; `controls` (language, exit) take their place at the end of its header, after the clock. */
function Wall({
  scenes,
  running,
  controls,
  stats,
  gate,
}: {
  scenes: readonly Scene[];
  running: boolean;
  controls: ReactNode;
  stats: RenderStats;
  gate: GateCounts | undefined;
}) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const viewport = useViewport();
  const fontPx = wallFontPx(viewport.width, viewport.height);
  // One simulation per zone of the catalogue (two: 1119-1120 and 1088/2-1089).
  const a = useZoneSimulation(scenes[0], running);
  const b = useZoneSimulation(scenes[1], running);
  const runs = [a, b];
  const plan = useMemo(() => tourPlan(scenes, BRIEFING.defaultDwellS), [scenes]);
  const stop = useTourStep(plan, running);
  const zone = stop?.zone ?? 0;
  const scene = scenes[zone]!;
  const source = runs[zone]!.source;

  return (
    <>
      <header className="briefing-header">
        <h1>{t('briefing.title')}</h1>
        <span className="briefing-subtitle" data-testid="briefing-subtitle">
          {scenes.some((sc) => hasGateCounts(gate?.reports[sc.zone.id]))
            ? t('briefing.subtitleReal', { speed: BRIEFING.speed })
            : t('briefing.subtitle', { speed: BRIEFING.speed })}
          {gate?.problem && ` · ${t('briefing.gateProblem', { reason: gate.problem })}`}
        </span>
        {source && <SimClock source={source} />}
        {controls}
      </header>
      <main className="briefing-main">
        <section className="briefing-view" aria-label={scene.title[lang]}>
          <ZoneView scene={scene} source={source} stop={stop} running={running} stats={stats} />
          <div className="briefing-view-title">
            <span>{scene.zone.name[lang]}</span>
            <span className="briefing-caption">{scene.title[lang]}</span>
          </div>
          {stop && (
            <div className="briefing-tour-caption" data-testid="briefing-caption" data-stop={`${zone}:${stop.view.id}`}>
              <span className="briefing-label">
                {t('briefing.stop', { n: stop.n, count: stop.count })} · {stop.view.name[lang]}
              </span>
              <span className="briefing-tour-text">{stop.caption[lang]}</span>
            </div>
          )}
        </section>
        <div className="briefing-tiles">
          {scenes.map((s, i) => (
            <ZoneTile
              key={s.id}
              scene={s}
              source={runs[i]!.source}
              error={runs[i]!.error}
              onScreen={i === zone}
              fontPx={fontPx}
              {...(gate?.reports[s.zone.id] ? { real: gate.reports[s.zone.id] } : {})}
            />
          ))}
        </div>
      </main>
    </>
  );
}

/** The 3D view of the zone on screen, flown through the tour; drawing stops while the tab is hidden. */
function ZoneView({
  scene,
  source,
  stop,
  running,
  stats,
}: {
  scene: Scene;
  source?: SimSource;
  stop?: PlannedStop;
  running: boolean;
  stats: RenderStats;
}) {
  const { t } = useTranslation();
  const sideNames = useMemo(() => ({ VN: t('country.VN'), CN: t('country.CN') }), [t]);
  // The view is given the frames only: each zone's controller steps its simulation, on screen or not.
  const fleet = useMemo(() => (source ? { frame: source.frame } : NO_FLEET), [source]);
  const layers = useMemo<SimLayers | undefined>(
    () => source && { busy: source.busy, cranes: source.cranes, alerts: source.alerts, paths: NO_PATHS, showPaths: false },
    [source],
  );
  return (
    <ErrorBoundary
      fallback={(e) => (
        <p className="briefing-error briefing-centre" role="alert">
          {t('briefing.viewFailed', { message: e.message })}
        </p>
      )}
    >
      <TwinCanvas
        scene={scene}
        fleet={fleet}
        stats={stats}
        hidden={NO_HIDDEN}
        maxPixelRatio={BRIEFING.maxPixelRatio}
        sideNames={sideNames}
        sim={layers}
        onPick={ignore}
        onMiss={ignore}
        frameloop={running ? 'always' : 'never'}
      >
        {stop && <TourCamera view={stop.view} smoothTimeS={BRIEFING.cameraSmoothTimeS} />}
      </TwinCanvas>
    </ErrorBoundary>
  );
}

/** The simulated time of day of the zone on screen. */
function SimClock({ source }: { source: SimSource }) {
  const { t } = useTranslation();
  const { clockS } = useSourceState(source);
  const m = Math.floor((clockS % 86400) / 60);
  const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return (
    <span className="briefing-clock" data-testid="briefing-clock">
      {t('briefing.clock', { time })}
    </span>
  );
}
