import { useTranslation } from 'react-i18next';
import { gateTime } from '../gateTime';
import type { LayoutSession } from '../../store/layout/LayoutSession';
import { useAutosaveStatus } from './useLayoutSession';

/** Says when the layout came from a saved draft (with a button to drop it) and whether the edits are saved. */
export function DraftBanner({ session }: { session: LayoutSession & { discardDraft(): void } }) {
  const { t, i18n } = useTranslation();
  const status = useAutosaveStatus(session.autosave);
  return (
    <div className="draft-banner">
      {session.restoredAt !== undefined && (
        <p className="restored" data-testid="draft-restored">
          {t('engineering.draft.restored', { time: gateTime(session.restoredAt / 1000, i18n.language, true) })}
          <button type="button" data-testid="discard-draft" onClick={session.discardDraft}>
            {t('engineering.draft.discard')}
          </button>
        </p>
      )}
      {session.draftError && (
        <p className="editor-error" role="alert">
          {t('engineering.draft.unreadable', { reason: session.draftError })}
        </p>
      )}
      <p className={`autosave ${status.kind}`} data-testid="autosave" data-status={status.kind}>
        {status.kind === 'saved'
          ? t('engineering.draft.saved', { time: gateTime(status.at / 1000, i18n.language) })
          : status.kind === 'error'
            ? t('engineering.draft.saveFailed', { reason: status.message })
            : t(`engineering.draft.${status.kind}`)}
      </p>
    </div>
  );
}
