import { useTranslation } from 'react-i18next';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import { useEditorState } from '../../store/layout/useEditorState';
import { problemText } from '../problemText';

/** The checker's problems with the edited layout, live; a click selects the first thing a problem names. */
export function ProblemList({ editor }: { editor: LayoutEditor }) {
  const { t } = useTranslation();
  const problems = useEditorState(editor, (s) => s.problems);
  return (
    <section className="problem-list" data-testid="layout-problems" aria-live="polite">
      <h3>{t('engineering.problems.title', { count: problems.length })}</h3>
      {problems.length === 0 ? (
        <p className="ok">{t('engineering.problems.none')}</p>
      ) : (
        <ol>
          {problems.map((p, i) => {
            const first = p.subjects[0];
            return (
              <li key={i}>
                <button type="button" className="link" disabled={!first} onClick={() => first && editor.select(first)}>
                  <code>{problemText(p, t)}</code>
                  {p.subjects.length > 0 && <span className="names">{p.subjects.map((x) => x.id).join(' · ')}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
