import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability, Recordable, SourceKind, SourceState, TelemetrySource } from '../telemetry/TelemetrySource';
import { formatNumber } from './formatNumber';
import { duration } from './gateTime';
import { RecordButton } from './RecordButton';

/** Below this share of the speed asked for, the bar says the speed reached (a slow machine, a busy engine). */
const FALLS_SHORT = 0.9;

/** The source as the bar drives it: its capabilities say which controls show. */
export type TransportSource = Pick<TelemetrySource, 'kind' | 'capabilities' | 'speeds' | 'play' | 'pause' | 'setSpeed' | 'seek' | 'stepBy'> &
  Partial<Recordable>;

/**
 * One transport bar for every source, like Foxglove's player controls: play/pause, speed, step, the timeline to
 * seek and record, each shown only when the source's `capabilities` offer it (a live feed has recording only).
 * When the speed reached falls short of the speed asked for, it says so. `marks` are drawn over the timeline
 * (a recording's alerts); `extra` controls follow the bar's own. Test ids start with the source's kind.
 */
export function TransportBar({
  source,
  state,
  recordPrefix,
  recordLimit,
  marks,
  extra,
}: {
  source: TransportSource;
  state: SourceState;
  recordPrefix: string;
  recordLimit?: number;
  marks?: ReactNode;
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const has = (c: Capability) => source.capabilities.includes(c);
  const id = (name: string) => `${source.kind satisfies SourceKind}-${name}`;
  const playing = state.status === 'playing';
  const achieved = state.achievedSpeed;
  const short = playing && achieved !== undefined && achieved < state.speed * FALLS_SHORT;
  const range = state.range;
  const span = range ? Math.max(range.endS - range.startS, 1e-3) : 0;
  const recordable = has('record') && source.startRecording && source.recordedMessages && source.stopRecording ? (source as Recordable) : undefined;

  return (
    <div className="transport" data-testid="transport">
      <div className="controls">
        {has('step') && (
          <button
            type="button"
            onClick={() => void source.stepBy?.(-1)}
            title={t('replay.stepBack')}
            aria-label={t('replay.stepBack')}
            data-testid={id('step-back')}
          >
            ◀|
          </button>
        )}
        {has('play-pause') && (
          <button
            type="button"
            onClick={() => (playing ? source.pause?.() : source.play?.())}
            disabled={state.status === 'error' || state.status === 'connecting'}
            data-testid={id('play')}
          >
            {playing ? `❚❚ ${t('hud.pause')}` : `▶ ${t('hud.play')}`}
          </button>
        )}
        {has('step') && (
          <button
            type="button"
            onClick={() => void source.stepBy?.(1)}
            title={t('replay.stepForward')}
            aria-label={t('replay.stepForward')}
            data-testid={id('step-forward')}
          >
            |▶
          </button>
        )}
        {has('speed') && source.speeds && (
          <label className="label">
            {t('hud.speed')}{' '}
            <select value={state.speed} onChange={(e) => source.setSpeed?.(Number(e.target.value))} data-testid={id('speed')}>
              {source.speeds.map((x) => (
                <option key={x} value={x}>
                  {formatNumber(x, i18n.language, x < 1 ? 2 : 0)}×
                </option>
              ))}
            </select>
          </label>
        )}
        {short && (
          <span className="achieved" title={t('hud.achievedTitle')} data-testid={id('achieved')}>
            {t('hud.achieved', { x: formatNumber(achieved, i18n.language, achieved < 10 ? 1 : 0) })}
          </span>
        )}
        {extra}
        {recordable && <RecordButton source={recordable} prefix={recordPrefix} {...(recordLimit === undefined ? {} : { limit: recordLimit })} />}
      </div>
      {has('seek') && range && (
        <div className="timeline">
          <input
            type="range"
            min={0}
            max={span}
            step={0.1}
            value={Math.min(span, state.clockS - range.startS)}
            onChange={(e) => source.seek?.(range.startS + Number(e.target.value))}
            aria-label={t('replay.timeline')}
            data-testid={id('timeline')}
          />
          {marks}
          <div className="times">
            <span>{duration(state.clockS - range.startS)}</span>
            <span>{duration(span)}</span>
          </div>
        </div>
      )}
    </div>
  );
}
