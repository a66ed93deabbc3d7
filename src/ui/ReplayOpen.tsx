import { useTranslation } from 'react-i18next';
import { formatNumber } from './formatNumber';
import { gateTime } from './gateTime';

/** What the panel shows of a shipped sample recording (the app's list says where each one is served). */
interface SampleChoice {
  readonly id: string;
  readonly zone: string;
  readonly variant: string;
  readonly minutes: number;
  /** AGVs recorded, when fewer than the scene's fleet. */
  readonly agvs?: number;
}

/** A segment the control-room server recorded (its API's list). */
export interface RecordedChoice {
  readonly id: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly messages: number;
  readonly state: 'recording' | 'complete' | 'cut';
}

/**
 * Where a replay starts when no recording is open yet (or the last one failed): pick an MCAP file from the disk
 * (or drop one anywhere on the page), or play one of the shipped samples or, on a twin served by the control-room
 * server, one of the hours it recorded; or go back to the simulation.
 */
export function ReplayOpen<Sample extends SampleChoice>({
  samples,
  busy,
  error,
  onFile,
  onSample,
  recorded,
  onRecorded,
  onBack,
}: {
  samples: readonly Sample[];
  busy: boolean;
  error: string | undefined;
  onFile: (file: File) => void;
  onSample: (sample: Sample) => void;
  /** The server's recordings, newest first; absent without a server (or not signed in). */
  recorded?: readonly RecordedChoice[];
  onRecorded?: (segment: RecordedChoice) => void;
  /** Leaves the replay for the simulation. */
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = (s: Sample) => {
    const params = { zone: s.zone, variant: t(`variant.${s.variant}`, { defaultValue: s.variant }), minutes: formatNumber(s.minutes, i18n.language, 1) };
    return s.agvs === undefined ? t('replay.sample', params) : t('replay.sampleAgvs', { ...params, agvs: s.agvs });
  };
  return (
    <section className="panel login-form replay-open" data-testid="replay-open" aria-label={t('replay.title')}>
      <h2>{t('replay.title')}</h2>
      <label>
        {t('replay.openFile')}
        <input type="file" accept=".mcap" disabled={busy} onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])} data-testid="replay-file" />
      </label>
      <span className="label">{t('replay.samples')}</span>
      {samples.map((s) => (
        <button key={s.id} type="button" disabled={busy} onClick={() => onSample(s)} data-testid={`replay-sample-${s.id}`}>
          {label(s)}
        </button>
      ))}
      {recorded && (
        <>
          <span className="label">{t('replay.recorded')}</span>
          {recorded.length === 0 && <p data-testid="replay-recorded-none">{t('replay.recordedNone')}</p>}
          <div className="replay-recorded" data-testid="replay-recorded">
            {recorded.map((r) => {
              const params = {
                from: gateTime(r.startMs / 1000, i18n.language, true),
                to: gateTime(r.endMs / 1000, i18n.language),
                messages: formatNumber(r.messages, i18n.language),
              };
              return (
                <button key={r.id} type="button" disabled={busy} onClick={() => onRecorded?.(r)} data-testid={`replay-recorded-${r.id}`}>
                  {t(r.state === 'cut' ? 'replay.recordedCut' : 'replay.recordedItem', params)}
                </button>
              );
            })}
          </div>
        </>
      )}
      {busy && <p>{t('replay.opening')}</p>}
      {error && (
        <p className="error" role="alert" data-testid="replay-error">
          {error}
        </p>
      )}
      <button type="button" className="back" onClick={onBack} data-testid="replay-back">
        {t('replay.back')}
      </button>
    </section>
  );
}
