import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene, ZoneId } from '../domain/sceneSchema';
import { CONSOLE_MODES } from '../store/twinStore';
import { useTwin } from '../store/useTwin';

export interface TopBarProps {
  readonly scene?: Scene;
  readonly zones: readonly ZoneId[];
  readonly variants: readonly string[];
  readonly onZone: (zone: ZoneId) => void;
  readonly onVariant: (variant: string) => void;
  readonly onFile: (file: File) => void;
  /** Who is signed in to the control-room server (nothing without one). */
  readonly account?: ReactNode;
}

/** Zone and layout switchers, preset views, language, and opening a scene file from disk. */
export function TopBar({ scene, zones, variants, onZone, onVariant, onFile, account }: TopBarProps) {
  const { t } = useTranslation();
  const lang = useTwin((s) => s.lang);
  const setLang = useTwin((s) => s.setLang);
  const viewId = useTwin((s) => s.viewId);
  const goToView = useTwin((s) => s.goToView);
  const origin = useTwin((s) => s.loaded?.origin);
  const mode = useTwin((s) => s.mode);
  const setMode = useTwin((s) => s.setMode);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="topbar">
      <div className="brand">
        <strong>{t('app.title')}</strong>
        <span>{t('app.subtitle')}</span>
      </div>
      <div className="group" role="group" aria-label={t('mode.label')}>
        {CONSOLE_MODES.map((m) => (
          <button key={m} type="button" data-testid={`mode-${m}`} aria-pressed={mode === m} title={t(`mode.${m}Title`)} onClick={() => setMode(m)}>
            {t(`mode.${m}`)}
          </button>
        ))}
      </div>
      <div className="group" role="group" aria-label={t('zone.label')}>
        {zones.map((z) => (
          <button key={z} type="button" data-testid={`zone-${z}`} aria-pressed={scene?.zone.id === z} onClick={() => onZone(z)}>
            {z}
          </button>
        ))}
      </div>
      <div className="group" role="group">
        {variants.map((v) => (
          <button key={v} type="button" data-testid={`variant-${v}`} aria-pressed={origin === v} onClick={() => onVariant(v)}>
            {t(`variant.${v}`, { defaultValue: v })}
          </button>
        ))}
      </div>
      {scene && (
        <div className="group" role="group" aria-label={t('view.label')}>
          {scene.views.map((v) => (
            <button key={v.id} type="button" data-testid={`view-${v.id}`} aria-pressed={viewId === v.id} onClick={() => goToView(v.id)}>
              {v.name[lang]}
            </button>
          ))}
        </div>
      )}
      <div className="group end">
        {account}
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('app.openFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = '';
          }}
        />
        <button type="button" data-testid="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t('lang.switch')}
        </button>
      </div>
    </header>
  );
}
