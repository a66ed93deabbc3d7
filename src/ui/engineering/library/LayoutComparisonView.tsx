import { useTranslation } from 'react-i18next';
import type { LibraryComparison } from '../../../store/server/layoutLibraryApi';
import { problemText } from '../../problemText';

/**
 * Two versions compared: what was added, moved (how far), changed (which fields) or removed, with what the checker
 * says of each in the newer version; the other parts of the scene that differ; each version's problem count.
 */
export function LayoutComparisonView({ comparison: c }: { comparison: LibraryComparison }) {
  const { t } = useTranslation();
  return (
    <div className="library-comparison" data-testid="library-comparison">
      <p>
        {t('engineering.library.verdict', { from: c.from, to: c.to, before: c.before.length, after: c.after.length })}
        {c.sections.length > 0 && ` · ${t('engineering.library.sections', { sections: c.sections.join(', ') })}`}
      </p>
      {c.changes.length === 0 && <p className="library-note">{t('engineering.library.noChanges')}</p>}
      <ul>
        {c.changes.map((x) => (
          <li key={`${x.kind}:${x.id}`} className={`change-${x.change}`} data-testid="library-change">
            {t(`engineering.library.change.${x.change}`, {
              what: t(`engineering.library.subject.${x.kind}`),
              id: x.id,
              metres: x.movedM ?? 0,
              fields: (x.fields ?? []).join(', '),
            })}
            {x.problems.map((p, i) => (
              <span key={i} className="library-change-problem">
                {problemText(p, t)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
