import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ZoneId } from '../../domain/sceneSchema';
import { ZONES } from '../sceneCatalog';
import type { GateReport } from '../../store/server/gateReport';
import type { ServerStore } from '../../store/server/serverStore';

/** How often the wall asks again (ms): the counts are per minute, the projection per hour. */
const REFRESH_MS = 60_000;
const DAYS = 7;

/**
 * The gate's own counts for each zone, from the control-room server, for the briefing wall: fetched while someone
 * is signed in (the wall's browser keeps its session), again every minute; a zone the server cannot answer for is
 * left out (the wall then shows that zone's simulation, and says so) and why is in `problem`.
 */
export interface GateReports {
  readonly reports: Readonly<Partial<Record<ZoneId, GateReport>>>;
  readonly problem?: string;
}

export function useGateReports(server: ServerStore, enabled: boolean): GateReports {
  const signedIn = useStore(server, (s) => s.server.status === 'signed-in');
  const [state, setState] = useState<GateReports>({ reports: {} });
  useEffect(() => {
    if (!enabled || !signedIn) {
      setState({ reports: {} });
      return;
    }
    let live = true;
    const load = async () => {
      const reports: Partial<Record<ZoneId, GateReport>> = {};
      let problem: string | undefined;
      for (const zone of ZONES) {
        try {
          const res = await fetch(`/api/gate?zone=${encodeURIComponent(zone)}&days=${DAYS}`, { credentials: 'same-origin' });
          if (res.ok) reports[zone] = (await res.json()) as GateReport;
          else problem = `the server answered ${res.status} for zone ${zone}`;
        } catch (e) {
          problem = `the server cannot be reached (${e instanceof Error ? e.message : String(e)})`;
        }
      }
      if (live) setState(problem === undefined ? { reports } : { reports, problem });
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [enabled, signedIn]);
  return state;
}
