import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createServerStore } from '../store/server/serverStore';
import { createSharedAlertsStore } from '../store/server/sharedAlertsStore';
import { createTrafficStore } from '../store/traffic/trafficStore';
import { createTwinStore } from '../store/twinStore';
import { TwinStoreContext } from '../store/useTwin';
import { initI18n } from '../ui/i18n';
import '../ui/styles.css';
import { App } from './App';
import { browserLang } from './browserLang';
import { readConsoleMode } from './consoleMode';
import { startTwin } from './startTwin';
import { createSourceMetrics } from '../telemetry/SourceMetrics';
import { installTwinProbe } from './twinProbe';
import { readUrlState } from './urlState';
import { ServerClient } from './server/ServerClient';
import { LayoutLibraryClient } from './server/LayoutLibraryClient';
import { createRenderStats } from '../view/renderStats';

const url = readUrlState(window.location.search);
const consoleMode = readConsoleMode(window.location.search);
const store = createTwinStore({ lang: url.lang ?? browserLang(navigator.languages), mode: consoleMode.mode });
const i18n = initI18n(store.getState().lang);
// One set of figures for automation, handed to every source the app starts and read by the probe.
const metrics = createSourceMetrics();
// Likewise the figures the view measures each frame, written by the canvas.
const renderStats = createRenderStats();
// Traffic prediction's settings and latest round: the operations console shows it, the probe reports it.
const traffic = createTrafficStore();
// The control-room server, when one serves the page: who is signed in (the top bar shows it, the probe reports it).
const serverStore = createServerStore();
const server = { store: serverStore, client: new ServerClient(serverStore), alerts: createSharedAlertsStore(), library: new LayoutLibraryClient() };
void server.client.detect();
installTwinProbe(store, { metrics, renderStats, traffic, server: server.store });
startTwin(store, url, i18n);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TwinStoreContext.Provider value={store}>
      <App url={url} metrics={metrics} renderStats={renderStats} traffic={traffic} server={server} />
    </TwinStoreContext.Provider>
  </StrictMode>,
);
