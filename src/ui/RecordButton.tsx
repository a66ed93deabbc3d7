import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recordable } from '../telemetry/TelemetrySource';
import { formatNumber } from './formatNumber';

type Phase = { kind: 'idle' } | { kind: 'recording'; messages: number } | { kind: 'saving' };

/** How often the message count of a running recording is refreshed (a UI tick, not per frame). */
const COUNT_EVERY_MS = 1000;

/**
 * Records the running source to an MCAP file: press to start, press again to stop and download the file
 * (`<prefix>-<date>-<time>.mcap`). A failure is said in words; the source keeps running either way.
 */
export function RecordButton({ source, prefix, limit }: { source: Recordable; prefix: string; limit?: number }) {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<string>();
  const recording = phase.kind === 'recording';

  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => {
      source.recordedMessages().then(
        (messages) => setPhase((p) => (p.kind === 'recording' ? { kind: 'recording', messages } : p)),
        () => undefined,
      );
    }, COUNT_EVERY_MS);
    return () => clearInterval(timer);
  }, [recording, source]);

  const fail = (e: unknown) => {
    setMessage(t('record.failed', { message: e instanceof Error ? e.message : String(e) }));
    setPhase({ kind: 'idle' });
  };
  const start = () => {
    setMessage(undefined);
    source.startRecording().then(() => setPhase({ kind: 'recording', messages: 0 }), fail);
  };
  const stop = () => {
    setPhase({ kind: 'saving' });
    source.stopRecording().then((bytes) => {
      const name = `${prefix}-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.mcap`;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      a.download = name;
      a.click();
      URL.revokeObjectURL(a.href);
      setMessage(t('record.saved', { name }));
      setPhase({ kind: 'idle' });
    }, fail);
  };

  return (
    <span className="record">
      <button
        type="button"
        className={recording ? 'recording' : ''}
        disabled={phase.kind === 'saving'}
        onClick={recording ? stop : start}
        data-testid="record"
      >
        {recording ? t('record.stop') : t('record.start')}
      </button>
      {recording && (
        <span className="note" data-testid="record-count">
          {t('record.recording', { n: formatNumber(phase.messages, i18n.language) })}
          {limit !== undefined && phase.messages >= limit ? ` · ${t('record.full')}` : ''}
        </span>
      )}
      {message && (
        <span className="note" role="status" data-testid="record-message">
          {message}
        </span>
      )}
    </span>
  );
}
