import { useTranslation } from 'react-i18next';
import { problemText } from '../problemText';
import type { ImportOutcome, LayoutFormat } from './sceneFiles';

/** The formats' own names, the same in every language. */
const FORMAT_NAME: Record<LayoutFormat, string> = { lif: 'LIF', geojson: 'GeoJSON' };

/** A refused file can hold thousands of problems; the list shows this many and counts the rest. */
const SHOWN = 30;

/**
 * What the last layout import did: refused, each problem on its line with its place in the file (nothing changed);
 * or done, with what was read, the defaults it filled in and what it could not keep. The new layout's own
 * problems are the problem list's, as after any edit.
 */
export function ImportNotice({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const format = FORMAT_NAME[outcome.format];
  const close = (
    <button type="button" aria-label={t('panel.close')} onClick={onClose}>
      ×
    </button>
  );
  if (!outcome.ok) {
    const more = outcome.problems.length - SHOWN;
    return (
      <div className="editor-error import-notice" role="alert" data-testid="import-refused">
        <div>
          <strong>{t('engineering.file.importRefused', { file: outcome.file, format, count: outcome.problems.length })}</strong>
          <ul>
            {outcome.problems.slice(0, SHOWN).map((p, i) => (
              <li key={i}>
                <code>{problemText(p, t)}</code>
              </li>
            ))}
          </ul>
          {more > 0 && <p>{t('engineering.file.importMore', { count: more })}</p>}
        </div>
        {close}
      </div>
    );
  }
  const { counts, notes, check } = outcome.result;
  return (
    <div className="import-notice" role="status" data-testid="import-done">
      <div>
        <strong>
          {counts.facilities === undefined
            ? t('engineering.file.importedLanes', { file: outcome.file, format, nodes: counts.nodes, edges: counts.edges })
            : t('engineering.file.importedLayout', {
                file: outcome.file,
                format,
                facilities: counts.facilities,
                nodes: counts.nodes,
                edges: counts.edges,
              })}
        </strong>{' '}
        {check.length === 0 ? t('engineering.file.importClean') : t('engineering.file.importProblems', { count: check.length })}
        {notes.length > 0 && (
          <ul>
            {notes.map((p, i) => (
              <li key={i}>
                <code>{problemText(p, t)}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
      {close}
    </div>
  );
}
