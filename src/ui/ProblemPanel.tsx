import { useTranslation } from 'react-i18next';
import { useTwin } from '../store/useTwin';
import { problemPlace, problemSentence } from './problemText';

/** The checker's problems with the last file asked for, one line each with its place in the file. */
export function ProblemPanel() {
  const { t } = useTranslation();
  const report = useTwin((s) => s.report);
  const dismiss = useTwin((s) => s.dismissProblems);
  if (!report) return null;
  return (
    <section className="panel problem-panel" role="alert" data-testid="problem-panel">
      <header>
        <h2>{t('problems.title', { file: report.file })}</h2>
        <button type="button" onClick={dismiss}>
          {t('problems.dismiss')}
        </button>
      </header>
      <p>{t('problems.count', { count: report.problems.length })}</p>
      <ol>
        {report.problems.map((p, i) => (
          <li key={i}>
            <code>{`${problemPlace(p, t)}:`}</code> <span>{problemSentence(p, t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
