import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { LayoutKey, StudyRunner } from '../../../store/layout/StudyRunner';
import { defaultStudySpec, defaultSweep, resolveStudySpec, type StudySpec, type SweepParameter } from '../../../sim/study/studySpec';
import { formatNumber } from '../../formatNumber';
import { studyReportHtml } from '../../report/studyReport';
import { downloadText } from './downloadText';
import { openHtml } from './openHtml';
import { StudyCompareTable } from './StudyCompareTable';
import { studyCsv } from './studyCsv';
import { StudyResultView } from './StudyResultView';
import type { Lang } from './studyLabels';
import { useStudyRunner } from './useStudyRunner';
import './study.css';

type Field = 'vehiclesPerDay' | 'agvs' | 'hours' | 'warmupDays' | 'replications' | 'target' | 'from' | 'to' | 'step';
type Form = Record<Field, string> & { sweep: SweepParameter | '' };

function initialForm(scene: Scene): Form {
  const d = defaultStudySpec(scene);
  const s = defaultSweep('agvs');
  return {
    vehiclesPerDay: String(d.vehiclesPerDay),
    agvs: String(d.agvs),
    hours: String(d.hours),
    warmupDays: String(d.warmupDays),
    replications: String(d.replications),
    target: String(d.target),
    sweep: '',
    from: String(s.from),
    to: String(s.to),
    step: String(s.step),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

function specOf(f: Form): StudySpec {
  return {
    vehiclesPerDay: num(f.vehiclesPerDay),
    agvs: num(f.agvs),
    hours: num(f.hours),
    // A form kept from before warm-ups existed has none: the default.
    ...(f.warmupDays === undefined ? {} : { warmupDays: num(f.warmupDays) }),
    replications: num(f.replications),
    target: num(f.target),
    ...(f.sweep === '' ? {} : { sweep: { parameter: f.sweep, from: num(f.from), to: num(f.to), step: num(f.step) } }),
  };
}

/**
 * The capacity study of the engineering console: the simulation run in a worker on the edited layout (or on the
 * layout as opened and the edited one, side by side) with seeds 1..N, giving vehicles cleared/day with its 95 %
 * interval against the zone's 2030 target, the binding resource, queues and utilisation over the day, and a
 * one-parameter sweep that answers the smallest fleet reaching the target. Results export as CSV and JSON.
 * The run, its results and the form are the layout session's ({@link StudyRunner}): they outlive this panel.
 */
export function StudyPanel({ scene, baseline, runner }: { scene: Scene; baseline: Scene; runner: StudyRunner }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'vi' ? 'vi' : 'en';
  const { run: state, shown, form: saved } = useStudyRunner(runner);
  const form = (saved as Form | undefined) ?? initialForm(scene);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const running = state.status === 'running';
  const available = runner.available;

  // From the runner's latest form, not this render's: several fields may change before React renders again.
  const update = (change: (f: Form) => Form) => runner.setForm(change((runner.getState().form as Form | undefined) ?? initialForm(scene)));
  const set = (k: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    update((f) => ({ ...f, [k]: value }));
  };
  const setSweep = (e: React.ChangeEvent<HTMLSelectElement>) => {
    const parameter = e.target.value as SweepParameter | '';
    update((f) => {
      if (parameter === '') return { ...f, sweep: '' };
      const d = defaultSweep(parameter);
      return { ...f, sweep: parameter, from: String(d.from), to: String(d.to), step: String(d.step) };
    });
  };

  const start = (layouts: readonly { layout: LayoutKey; scene: Scene }[]) => {
    const spec = specOf(form);
    try {
      resolveStudySpec(scene, spec);
    } catch (e) {
      setInvalid(e instanceof Error ? e.message : String(e));
      return;
    }
    setInvalid(undefined);
    void runner.run(layouts, spec);
  };

  const base = `study-${scene.zone.id.replace(/[^\w-]/g, '-')}-${scene.id}`;
  // The report is of the edited layout's study (of the one layout studied, whichever it is).
  const reported = shown.find((r) => r.layout === 'edited') ?? shown[0];
  const title = (k: LayoutKey) => t(k === 'baseline' ? 'study.layout.baseline' : 'study.layout.edited');
  const input = (k: Field, label: string, step = 'any') => (
    <label>
      <span>{label}</span>
      <input type="number" step={step} min="0" value={form[k]} onChange={set(k)} disabled={running} data-testid={`study-${k}`} />
    </label>
  );

  return (
    <div className="study-panel" data-testid="study-panel">
      <h2>{t('study.title')}</h2>
      <form className="study-form" onSubmit={(e) => e.preventDefault()}>
        {input('vehiclesPerDay', t('study.form.vehiclesPerDay'))}
        {input('agvs', t('study.form.agvs'), '1')}
        {input('hours', t('study.form.hours'))}
        {input('warmupDays', t('study.form.warmupDays'), '1')}
        {input('replications', t('study.form.replications'), '1')}
        {input('target', t('study.form.target'))}
        <label>
          <span>{t('study.form.sweep')}</span>
          <select value={form.sweep} onChange={setSweep} disabled={running} data-testid="study-sweep">
            <option value="">{t('study.form.noSweep')}</option>
            <option value="agvs">{t('study.form.sweepAgvs')}</option>
            <option value="vehiclesPerDay">{t('study.form.sweepVehicles')}</option>
          </select>
        </label>
        {form.sweep !== '' && (
          <>
            {input('from', t('study.form.from'))}
            {input('to', t('study.form.to'))}
            {input('step', t('study.form.step'))}
          </>
        )}
      </form>
      <p className="study-note">
        {t('study.form.targetNote', {
          min: formatNumber(scene.zone.capacity.target2030VehiclesPerDay.min, lang, 0),
          max: formatNumber(scene.zone.capacity.target2030VehiclesPerDay.max, lang, 0),
        })}
      </p>
      <div className="study-actions">
        <button type="button" onClick={() => start([{ layout: 'edited', scene }])} disabled={running || !available} data-testid="study-run">
          {t('study.action.run')}
        </button>
        <button
          type="button"
          onClick={() =>
            start([
              { layout: 'baseline', scene: baseline },
              { layout: 'edited', scene },
            ])
          }
          disabled={running || !available}
          data-testid="study-compare-run"
        >
          {t('study.action.compare')}
        </button>
        {running && (
          <button type="button" onClick={() => runner.cancel()} data-testid="study-cancel">
            {t('study.action.cancel')}
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() => downloadText(`${base}.csv`, studyCsv(shown), 'text/csv')}
          data-testid="study-export-csv"
        >
          {t('study.action.csv')}
        </button>
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() =>
            downloadText(
              `${base}.json`,
              `${JSON.stringify({ study: shown.map(({ layout, result }) => ({ layout, result })) }, null, 2)}\n`,
              'application/json',
            )
          }
          data-testid="study-export-json"
        >
          {t('study.action.json')}
        </button>
        <button
          type="button"
          disabled={reported === undefined}
          onClick={() => reported && openHtml(studyReportHtml(reported.scene, reported.result, { date: new Date(reported.finishedAt), lang }))}
          title={t('study.action.reportTitle')}
          data-testid="study-report"
        >
          {t('study.action.report')}
        </button>
      </div>
      {running && (
        <div
          className="study-progress"
          data-testid="study-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(state.fraction * 100)}
        >
          <div className="bar" style={{ width: `${state.fraction * 100}%` }} />
          <span>
            {state.runs === 0
              ? t('study.starting', { layout: title(state.layout) })
              : t('study.progress', {
                  layout: title(state.layout),
                  done: Math.min(state.runsDone + 1, state.runs),
                  runs: state.runs,
                  percent: formatNumber(state.fraction * 100, lang, 0),
                })}
          </span>
        </div>
      )}
      {!available && <p className="study-message error">{t('study.error.unavailable')}</p>}
      {invalid !== undefined && (
        <p className="study-message error" data-testid="study-error">
          {t('study.error.invalid', { message: invalid })}
        </p>
      )}
      {state.status === 'error' && (
        <p className="study-message error" data-testid="study-error">
          {t('study.error.failed', { layout: title(state.layout ?? 'edited'), message: state.message })}
        </p>
      )}
      {state.status === 'cancelled' && (
        <p className="study-message" data-testid="study-cancelled">
          {t('study.cancelled')}
        </p>
      )}
      {shown.length === 2 && <StudyCompareTable a={shown[0]!.result} b={shown[1]!.result} scene={scene} lang={lang} />}
      <div className={`study-results ${shown.length === 2 ? 'side-by-side' : ''} ${running ? 'stale' : ''}`}>
        {shown.map((r) => (
          <StudyResultView key={r.layout} result={r.result} scene={r.scene} title={title(r.layout)} lang={lang} testId={`study-result-${r.layout}`} />
        ))}
      </div>
    </div>
  );
}
