import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene, ZoneId } from '../domain/sceneSchema';
import { fleetFrame } from '../domain/fleetFrame';
import { PlaceholderFleet } from '../telemetry/placeholderFleet';
import { SimHud } from '../ui/SimHud';
import { LiveHud } from '../ui/LiveHud';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import { LoginForm } from '../ui/LoginForm';
import { LiveUnreachable } from '../ui/LiveUnreachable';
import { LiveViaServer } from '../ui/LiveViaServer';
import { useViaServer } from './server/useViaServer';
import { ReplayHud } from '../ui/ReplayHud';
import { ReplayOpen } from '../ui/ReplayOpen';
import { readSimUrl } from './simUrl';
import { readSourceUrl } from './sourceUrl';
import { SAMPLE_RECORDINGS } from './sampleCatalogue';
import { replayBytes, replayName, type ReplayInput } from './replayInput';
import { startLive } from './startLive';
import { startReplay } from './startReplay';
import { startSimulation } from './startSimulation';
import { FrameClock } from './FrameClock';
import { SourceController } from './SourceController';
import { useSourceController } from './useSourceController';
import { useTwin, useTwinStore } from '../store/useTwin';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { FacilityPanel } from '../ui/FacilityPanel';
import { HoverTooltip } from '../ui/HoverTooltip';
import { Legend } from '../ui/Legend';
import { ProblemPanel } from '../ui/ProblemPanel';
import { TopBar } from '../ui/TopBar';
import { ServerAccount } from '../ui/ServerAccount';
import type { ServerStore } from '../store/server/serverStore';
import type { ServerClient } from './server/ServerClient';
import { useServerCommands } from './server/useServerCommands';
import { useSharedAlerts } from './server/useSharedAlerts';
import { useServerSocket } from './server/useServerSocket';
import { useGateReports } from './server/useGateReports';
import type { SharedAlertsStore } from '../store/server/sharedAlertsStore';
import type { LayoutLibraryApi } from '../store/server/layoutLibraryApi';
import { useServerRecordings } from './server/useServerRecordings';
import { BriefingConsole } from '../ui/briefing/BriefingConsole';
import { BriefingServicesContext } from '../ui/briefing/briefingServices';
import { briefingServices } from './briefingServices';
import { EngineeringConsole } from '../ui/engineering/EngineeringConsole';
import { newVariant } from './newVariant';
import { ExperimentContext } from '../ui/engineering/experiment/experimentContext';
import { StudyRunnerContext } from '../ui/engineering/study/studyRunnerContext';
import { EXPERIMENT_SERVICES } from './experiment/experimentServices';
import { startStudy } from './startStudy';
import { ZoneCard } from '../ui/ZoneCard';
import type { RenderStats } from '../view/renderStats';
import { TwinCanvas } from '../view/TwinCanvas';
import { useStore } from 'zustand';
import { createOpsStore } from '../store/ops/opsStore';
import { OpsConsole } from '../ui/operations/OpsConsole';
import { AgvTint } from '../view/fleet/agvTint';
import { OpsLayers } from '../view/ops/OpsLayers';
import { AlertsPanel } from '../ui/operations/AlertsPanel';
import { FlyToAlert } from '../view/ops/FlyToAlert';
import { openScene } from './openScene';
import { variantsOf, ZONES, DEFAULT_VARIANT } from './sceneCatalog';
import { catalogRequest, type UrlState } from './urlState';
import type { SourceMetrics } from '../telemetry/SourceMetrics';
import type { TrafficStore } from '../store/traffic/trafficStore';
import { useTrafficPrediction } from './traffic/useTrafficPrediction';
import { useForecast } from './forecast/useForecast';
import { useFileDrop } from './useFileDrop';

const NO_PATHS = { segments: new Float32Array(0), version: 0 };

/** Highest device pixel ratio we render at: a 4K wall at ratio 1–1.5 stays sharp, a ratio-3 phone stays fast. */
const MAX_PIXEL_RATIO = 2;

/** The recording `input` opened in the replay worker; a failure names the file. */
function replayStart(scene: Scene, input: ReplayInput, metrics: SourceMetrics) {
  const name = replayName(input);
  return replayBytes(input)
    .then((blob) => startReplay(scene, name, blob, metrics))
    .catch((e: unknown) => {
      throw new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    });
}

/** The control-room server's standing and its client (absent-status store when the page is served without one). */
export interface ServerLink {
  readonly store: ServerStore;
  readonly client: ServerClient;
  /** The shared alert book from the server's socket. */
  readonly alerts: SharedAlertsStore;
  readonly library: LayoutLibraryApi;
}

export function App({
  url,
  metrics,
  renderStats,
  traffic,
  server,
}: {
  url: UrlState;
  metrics: SourceMetrics;
  renderStats: RenderStats;
  traffic: TrafficStore;
  server: ServerLink;
}) {
  const { t } = useTranslation();
  const store = useTwinStore();
  const loaded = useTwin((s) => s.loaded);
  const loading = useTwin((s) => s.loading);
  const hidden = useTwin((s) => s.hiddenKinds);
  const mode = useTwin((s) => s.mode);
  const operations = mode === 'operations';
  const scene = loaded?.scene;
  const zone: ZoneId = scene?.zone.id ?? ZONES[0]!;

  const simUrl = useMemo(() => readSimUrl(window.location.search), []);
  const sourceUrl = useMemo(() => readSourceUrl(window.location.search), []);
  // A recording opened from the disk or dropped on the page switches to replay, whatever the URL said.
  const [replayInput, setReplayInput] = useState<ReplayInput | undefined>(() =>
    sourceUrl.request.kind === 'replay' && sourceUrl.request.file ? { kind: 'url', url: sourceUrl.request.file } : undefined,
  );
  // The replay picker's way back: the simulation, whatever the URL said.
  const [leftReplay, setLeftReplay] = useState(false);
  const replayMode = !leftReplay && (sourceUrl.request.kind === 'replay' || replayInput !== undefined);
  const liveBroker = !replayMode && sourceUrl.request.kind === 'live' ? sourceUrl.request.broker : undefined;
  const unreachable = !replayMode && sourceUrl.request.kind === 'live-unreachable' ? sourceUrl.request : undefined;
  const liveViaServer = !replayMode && sourceUrl.request.kind === 'live-server';

  // The running source (simulation, live feed or replay) and its clock; the render benchmark (?bench=agvs) drives a
  // placeholder fleet instead.
  const controller = useMemo(() => new SourceController(), []);
  useEffect(() => () => controller.stop(), [controller]);
  const { source: running, busy: sourceBusy, error: sourceError, operator: liveUser, label: replayLabel } = useSourceController(controller);
  const sim = running?.kind === 'sim' ? running : undefined;
  const live = running?.kind === 'live' ? running : undefined;
  const replay = running?.kind === 'replay' ? running : undefined;
  const socket = useServerSocket(server.store, server.alerts);
  const gateReports = useGateReports(server.store, mode === 'briefing');
  useServerCommands(live, server.store, socket);
  const sharedAlerts = useSharedAlerts(socket, server.store, server.alerts, live !== undefined, scene);
  const served = useStore(server.store, (s) => s.server.status !== 'absent' && s.server.status !== 'checking');
  const libraryLink = useMemo(() => (served ? { api: server.library, server: server.store } : undefined), [served, server]);
  const recorded = useServerRecordings(server.store, operations && replayMode && !replay);
  const wanted = !scene || url.bench || !operations ? undefined : replayMode ? 'replay' : liveBroker || unreachable || liveViaServer ? 'live' : 'sim';
  useEffect(() => {
    if (!scene || !wanted || wanted === 'live' || (wanted === 'replay' && !replayInput)) {
      // A live feed starts when the operator logs in; a replay when a recording is picked.
      controller.stop();
      return;
    }
    if (wanted === 'sim') {
      void controller
        .start('sim', () => startSimulation(scene, simUrl, metrics))
        .then((source) => {
          const error = controller.getState().error;
          if (!source && error) store.getState().reportProblems({ file: scene.id, problems: [{ path: 'simulation', message: error }] });
        });
    } else if (replayInput) {
      const name = replayName(replayInput);
      // Already running: a recording opened while another source ran, started before it took over.
      const now = controller.getState();
      if (now.kind === 'replay' && now.label === name && now.source) return;
      void controller.start('replay', () => replayStart(scene, replayInput, metrics), { label: name });
    }
  }, [controller, scene, wanted, replayInput, simUrl, store, metrics]);
  const login = useCallback(
    (user: string, password: string) => {
      if (scene && liveBroker) void controller.start('live', () => startLive(scene, liveBroker, user, password, metrics), { operator: user });
    },
    [controller, scene, liveBroker, metrics],
  );
  const loginError = wanted === 'live' ? sourceError : undefined;
  const viaServer = useViaServer(liveViaServer && operations ? scene : undefined, server.store, controller, metrics, live, sourceBusy, loginError);
  const replayError = wanted === 'replay' ? sourceError : undefined;

  // Traffic prediction runs for the operations console's source (the briefing and engineering consoles have none).
  useTrafficPrediction(operations ? running : undefined, scene, traffic);
  const forecast = useForecast(operations ? running : undefined, scene, traffic);

  const [showPaths, setShowPaths] = useState(false);
  // The operations console's view settings and the AGV colours of its data rule.
  const ops = useMemo(() => createOpsStore(), []);
  const agvTint = useMemo(() => new AgvTint(0), []);
  const opsSelected = useStore(ops, (s) => s.selectedKey !== undefined);
  useEffect(() => {
    if (!sim) return;
    const sub = sim.state$.subscribe((s) => {
      if (s.status === 'error' && s.error) store.getState().reportProblems({ file: 'simulation', problems: [{ path: 'engine', message: s.error }] });
    });
    return () => sub.unsubscribe();
  }, [sim, store]);
  useEffect(() => {
    // A selected AGV's planned path is drawn from the simulation's paths: fetch them while one is selected.
    if (sim) sim.showPaths = showPaths || opsSelected;
  }, [sim, showPaths, opsSelected]);

  const bench = useMemo(() => (scene && url.bench ? new PlaceholderFleet(scene, url.bench.agvs) : undefined), [scene, url.bench]);
  useEffect(() => {
    if (!bench) return;
    const clock = new FrameClock(bench);
    clock.start();
    return () => clock.stop();
  }, [bench]);
  const fleet = useMemo(() => {
    if (!scene) return undefined;
    if (bench) return { frame: bench.frame };
    return running ? { frame: running.frame, agvTint, onDisplayFrame: controller.frameDrawn } : { frame: fleetFrame(0, 0) };
  }, [scene, bench, running, controller, agvTint]);
  useEffect(() => ops.getState().select(undefined), [running, ops]);
  // Flying to an alert's place ends following an AGV (the follow camera would pull the view straight back).
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.flyTarget !== prev.flyTarget) ops.getState().setFollow(false);
      }),
    [store, ops],
  );
  // Live and replayed feeds add their collision rings (checked in their workers); only the simulation has paths.
  const feed = replayMode ? replay : live;
  const simLayers = useMemo(
    () =>
      sim
        ? {
            busy: sim.busy,
            cranes: sim.cranes,
            alerts: sim.alerts,
            get paths() {
              return sim.paths;
            },
            showPaths,
          }
        : feed && { busy: feed.busy, alerts: feed.alerts, paths: NO_PATHS, showPaths: false },
    [sim, feed, showPaths],
  );

  // Sorted once per scene so an operator finds a lane node by name when sending an AGV there.
  const nodeIds = useMemo(() => (scene ? scene.lanes.nodes.map((n) => n.id).sort((a, b) => a.localeCompare(b)) : []), [scene]);
  const briefing = useMemo(() => briefingServices(metrics), [metrics]);
  const lang = useTwin((s) => s.lang);
  const sideNames = useMemo(() => ({ VN: t('country.VN'), CN: t('country.CN') }), [t]);

  // A recording opened while a source runs starts beside it and takes over only once it plays: a file that is no
  // recording is named in the problem panel and what ran goes on. With nothing running (the replay picker), the
  // picker shows the reason.
  const openRecording = useCallback(
    (input: ReplayInput) => {
      const now = controller.getState();
      if (!scene || !now.source) {
        setLeftReplay(false);
        setReplayInput(input);
        return;
      }
      void controller
        .start('replay', () => replayStart(scene, input, metrics), { label: replayName(input), keepRunning: true })
        .then((source) => {
          if (source) {
            setLeftReplay(false);
            setReplayInput(input);
          } else {
            const message = controller.getState().error ?? 'cannot open';
            store.getState().reportProblems({ file: replayName(input), problems: [{ path: '', message }] });
          }
        });
    },
    [controller, scene, metrics, store],
  );
  const openFile = useCallback(
    (file: File) => {
      store.getState().dismissProblems();
      if (/\.mcap$/i.test(file.name)) {
        openRecording({ kind: 'file', file });
        return;
      }
      file.text().then(
        (text) => openScene(store, { kind: 'text', name: file.name, text }),
        (e: Error) => store.getState().reportProblems({ file: file.name, problems: [{ path: '', message: `cannot read: ${e.message}` }] }),
      );
    },
    [store, openRecording],
  );
  const dragging = useFileDrop(openFile);

  const openCatalog = (z: ZoneId, variant: string) => {
    const request = catalogRequest(z, variant);
    if (!request) return;
    store.getState().dismissProblems();
    void openScene(store, request);
  };

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.getState().select(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  if (mode === 'briefing')
    return (
      <BriefingServicesContext.Provider value={briefing}>
        <BriefingConsole stats={renderStats} gate={gateReports} />
      </BriefingServicesContext.Provider>
    );

  const crashPanel = (error: Error, retry: () => void) => (
    <section className="panel problem-panel" role="alert" data-testid="crash-panel">
      <h2>{t('crash.title')}</h2>
      <p>
        <code>{error.message}</code>
      </p>
      <button type="button" onClick={retry}>
        {t('crash.retry')}
      </button>
    </section>
  );

  return (
    <div className="app">
      <TopBar
        scene={scene}
        zones={ZONES}
        variants={variantsOf(zone)}
        onZone={(z) => openCatalog(z, variantsOf(z).includes(DEFAULT_VARIANT) ? DEFAULT_VARIANT : variantsOf(z)[0]!)}
        onVariant={(v) => openCatalog(zone, v)}
        onFile={openFile}
        account={
          <ServerAccount store={server.store} onSignIn={(n, p) => void server.client.signIn(n, p)} onSignOut={() => void server.client.signOut()} />
        }
      />
      <main className="stage">
        {scene && (mode === 'engineering' || fleet) && (
          <ErrorBoundary fallback={crashPanel}>
            {mode === 'engineering' ? (
              <StudyRunnerContext.Provider value={startStudy}>
                <ExperimentContext.Provider value={EXPERIMENT_SERVICES}>
                  <EngineeringConsole
                    scene={scene}
                    maxPixelRatio={MAX_PIXEL_RATIO}
                    stats={renderStats}
                    makeVariant={(params) => newVariant(store, scene.zone.id, params)}
                    {...(libraryLink ? { library: libraryLink } : {})}
                  />
                </ExperimentContext.Provider>
              </StudyRunnerContext.Provider>
            ) : (
              fleet && (
                <TwinCanvas
                  scene={scene}
                  fleet={fleet}
                  stats={renderStats}
                  hidden={hidden}
                  maxPixelRatio={MAX_PIXEL_RATIO}
                  sideNames={sideNames}
                  matrixMethod={url.bench?.method}
                  sim={simLayers}
                  onPick={(f) => store.getState().select(f.id)}
                  onMiss={() => store.getState().select(undefined)}
                >
                  {operations && running && <OpsLayers scene={scene} source={running} ops={ops} traffic={traffic} tint={agvTint} />}
                  {operations && <FlyToAlert />}
                </TwinCanvas>
              )
            )}
          </ErrorBoundary>
        )}
        {loading && <div className="loading">{t('app.loading')}</div>}
        {scene && mode !== 'engineering' && <ZoneCard scene={scene} />}
        {scene && mode !== 'engineering' && <Legend scene={scene} />}
        {operations && scene && unreachable && (
          <LiveUnreachable reason={unreachable.reason} {...(unreachable.broker === undefined ? {} : { broker: unreachable.broker })} />
        )}
        {operations && scene && viaServer && <LiveViaServer {...viaServer} />}
        {operations && scene && liveBroker && !live && <LoginForm broker={liveBroker} error={loginError} busy={sourceBusy} onSubmit={login} />}
        {operations && scene && replayMode && !replay && (
          <ReplayOpen
            samples={SAMPLE_RECORDINGS}
            busy={sourceBusy}
            error={replayError ?? recorded.problem}
            onFile={(file) => setReplayInput({ kind: 'file', file })}
            {...(recorded.segments ? { recorded: recorded.segments } : {})}
            onRecorded={(segment) =>
              setReplayInput({
                kind: 'server',
                url: `/api/recordings/${segment.id}/file`,
                name: `server recording from ${new Date(segment.startMs).toISOString()}`,
              })
            }
            onBack={() => {
              setLeftReplay(true);
              setReplayInput(undefined);
            }}
            onSample={(sample) => {
              if (scene.id !== sample.id) openCatalog(sample.zone, sample.variant);
              setReplayInput({ kind: 'url', url: `sample:${sample.id}` });
            }}
          />
        )}
        {operations && live && <ConnectionBanner source={live} />}
        {operations && scene && running && (
          <AlertsPanel
            source={running}
            scene={scene}
            operator={live ? liveUser : undefined}
            traffic={traffic}
            {...(sharedAlerts ? { shared: sharedAlerts } : {})}
          />
        )}
        {operations && (
          <div className="ops-column">
            {scene && <FacilityPanel scene={scene} />}
            {running && <OpsConsole ops={ops} traffic={traffic} source={running} nodeIds={nodeIds} forecast={forecast} />}
            {scene && sim && <SimHud scene={scene} source={sim} showPaths={showPaths} onShowPaths={setShowPaths} />}
            {replay && <ReplayHud source={replay} name={replayLabel ?? ''} onOpen={(file) => openRecording({ kind: 'file', file })} />}
            {live && <LiveHud source={live} scene={scene} />}
          </div>
        )}
        {scene && mode !== 'engineering' && <HoverTooltip scene={scene} />}
        <ProblemPanel />
        {dragging && <div className="drop-hint">{t('app.dropHint')}</div>}
      </main>
    </div>
  );
}
