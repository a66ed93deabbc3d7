import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTwin } from '../store/useTwin';
import type { ReplayAlert } from '../telemetry/replay/findAlerts';
import type { ReplaySource } from '../telemetry/ReplaySource';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { FleetCounts } from './FleetCounts';
import { formatNumber } from './formatNumber';
import { gateTime } from './gateTime';
import { TransportBar } from './TransportBar';
import { useSourceState } from './useSourceState';

/**
 * A recording's player: the gate clock, play/pause, step back and forward one message, jump to the next alert,
 * speed 0.1×–64×, and a timeline to scrub with the recording's alerts marked on it (each a button that jumps
 * there). Re-renders on the source's state (four times a second at most), never per frame. Strings from the
 * recording (vehicle names, error texts) are rendered as text.
 */
export function ReplayHud({ source, name, onOpen }: { source: ReplaySource; name: string; onOpen: (file: File) => void }) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const state = useSourceState(source);
  const [shown, setShown] = useState<ReplayAlert>();
  const { startS, endS, alerts } = state.info;
  const span = Math.max(endS - startS, 1e-3);
  const s = state.snapshot;
  const jump = () => setShown(source.nextAlert());
  const alertText = (a: ReplayAlert) =>
    `${gateTime(a.atS, lang)} · ${a.vehicle.slice(a.vehicle.indexOf('/') + 1)} · ${t(`replay.alert.${a.kind}`)} · ${a.detail}`;

  return (
    <section className="panel sim-hud replay-hud" data-testid="replay-hud" aria-label={t('replay.title')}>
      <header>
        <span className="clock" data-testid="replay-clock">
          {gateTime(state.clockS, lang)}
        </span>
        <span className={`status status-${state.status}`} data-testid="replay-status">
          {state.status === 'ended' ? t('replay.ended') : t(`hud.status.${state.status}`)}
        </span>
        <span className="file" title={name}>
          {name}
        </span>
      </header>
      <TransportBar
        source={source}
        state={state}
        recordPrefix="twin-replay"
        extra={
          <>
            <button type="button" onClick={jump} disabled={alerts.length === 0} data-testid="replay-next-alert">
              ⚠ {t('replay.nextAlert')}
            </button>
            <span className="note">{t('replay.alerts', { n: alerts.length })}</span>
            <label className="open">
              {t('replay.openOther')}
              <input type="file" accept=".mcap" onChange={(e) => e.target.files?.[0] && onOpen(e.target.files[0])} />
            </label>
          </>
        }
        marks={
          <div className="alert-marks">
            {alerts.slice(0, 200).map((a) => (
              <button
                key={`${a.atS}-${a.vehicle}-${a.kind}`}
                type="button"
                className={`mark mark-${a.kind}`}
                style={{ left: `${((a.atS - startS) / span) * 100}%` }}
                title={alertText(a)}
                aria-label={alertText(a)}
                onClick={() => {
                  source.pause();
                  source.seek(a.atS);
                  setShown(a);
                }}
              />
            ))}
          </div>
        }
      />
      {shown && (
        <p className="alert-shown" data-testid="replay-alert-shown">
          ⚠ {alertText(shown)}
        </p>
      )}
      {state.problems.map((p) => (
        <p key={p.message} className={p.severity === 'error' ? 'error' : 'warn'} role="alert" data-testid="replay-problem">
          {p.message}
        </p>
      ))}
      {s && (
        <div className="kpis">
          <FleetCounts counts={s} testIdPrefix="replay" />
          <div className="kpi wide">
            <span className="label">{t('replay.messages')}</span>
            <span className="value">{t('replay.messagesOf', { n: formatNumber(state.info.messageCount, lang), topics: state.info.topicCount })}</span>
          </div>
          <DiagnosticsPanel counts={s} />
        </div>
      )}
    </section>
  );
}
