import { useTranslation } from 'react-i18next';
import { formatNumber } from './formatNumber';

/** What the panel shows of a shipped sample recording (the app's list says where each one is served). */
interface SampleChoice {
  readonly id: string;
  readonly zone: string;
  readonly variant: string;
  readonly minutes: number;
  /** AGVs recorded, when fewer than the scene's fleet. */
  readonly agvs?: number;
}

/**
 * Where a replay starts when no recording is open yet (or the last one failed): pick an MCAP file from the disk
 * (or drop one anywhere on the page), or play one of the shipped samples; or go back to the simulation.
 */
export function ReplayOpen<Sample extends SampleChoice>({
  samples,
  busy,
  error,
  onFile,
  onSample,
  onBack,
}: {
  samples: readonly Sample[];
  busy: boolean;
  error: string | undefined;
  onFile: (file: File) => void;
  onSample: (sample: Sample) => void;
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
