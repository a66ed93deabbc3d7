import { useContext, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import experimentData from '../../../../data/experiment.json' with { type: 'json' };
import type { Scene } from '../../../domain/sceneSchema';
import { experimentProblems, type ExperimentLayout } from '../../../sim/experiment/experiment';
import { experimentSpec } from '../../../sim/experiment/experimentFile';
import { summariseExperiment } from '../../../sim/experiment/experimentSummary';
import type { ExperimentRunner } from '../../../store/layout/ExperimentRunner';
import { formatNumber } from '../../formatNumber';
import { downloadText } from '../study/downloadText';
import { ExperimentChart } from './ExperimentChart';
import { ExperimentContext } from './experimentContext';
import { experimentCsv } from './experimentCsv';
import { experimentFileOf, initialExperimentForm, type ExperimentForm } from './experimentForm';
import { ExperimentTable } from './ExperimentTable';
import '../study/study.css';
import './experiment.css';

type TextField = 'vehiclesPerDay' | 'target' | 'hours' | 'warmupDays' | 'seeds' | 'agvs' | 'cranes' | 'slots' | 'scannerLanes' | 'corridor';

/**
 * The engineering console's design of experiments: the layout being edited and/or generated variants of the zone
 * (cranes per yard, scanner lanes, corridors), each with every fleet size over several seeds, run on a pool of web
 * workers. Days are kept as they finish: the chart (cleared/day against fleet, the Pareto front marked) and the
 * table grow during the run, and cancelling keeps them. The answer is the cheapest point that reaches the target.
 */
export function ExperimentPanel({ scene, runner }: { scene: Scene; runner: ExperimentRunner }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'vi' ? 'vi' : 'en';
  const services = useContext(ExperimentContext);
  const state = useSyncExternalStore(runner.subscribe, runner.getState);
  const form = (state.form as ExperimentForm | undefined) ?? initialExperimentForm(scene);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [preparing, setPreparing] = useState(false);
  const run = state.run;
  const running = run.status === 'running' || preparing;
  const available = runner.available && services !== undefined;

  const update = (patch: Partial<ExperimentForm>) =>
    runner.setForm({ ...((runner.getState().form as ExperimentForm | undefined) ?? initialExperimentForm(scene)), ...patch });

  const start = async () => {
    if (!services) return;
    const parsed = experimentFileOf(form, scene.zone.id);
    if (!parsed.ok) return setProblems(parsed.problems);
    const layouts: ExperimentLayout[] = parsed.edited ? [{ id: 'edited', label: t('experiment.edited', { variant: scene.variant }), scene }] : [];
    if (parsed.file.generate) {
      setPreparing(true);
      const made = await services.generate(parsed.file).finally(() => setPreparing(false));
      if (!made.ok) return setProblems(made.problems);
      layouts.push(...made.layouts);
    }
    const spec = experimentSpec(parsed.file, scene.zone.capacity.target2030VehiclesPerDay.min);
    const bad = experimentProblems(spec, layouts);
    if (bad.length > 0) return setProblems(bad);
    setProblems([]);
    void runner.run(layouts, spec);
  };

  const summary = useMemo(
    () => (state.spec ? summariseExperiment(state.layouts, state.spec, state.records) : undefined),
    [state.layouts, state.spec, state.records],
  );
  const failures = state.records.filter((r) => r.error !== undefined);
  const n0 = (v: number) => formatNumber(v, lang, 0);
  const done = summary?.runsDone ?? 0;

  const text = (k: TextField, label: string, wide = false) => (
    <label className={wide ? 'wide' : undefined}>
      <span>{label}</span>
      <input value={form[k]} onChange={(e) => update({ [k]: e.target.value })} disabled={running} data-testid={`experiment-${k}`} />
    </label>
  );
  const toggle = (k: 'edited' | 'generate', label: string) => (
    <label>
      <input
        type="checkbox"
        checked={form[k] === 'yes'}
        onChange={(e) => update({ [k]: e.target.checked ? 'yes' : 'no' })}
        disabled={running}
        data-testid={`experiment-${k}`}
      />
      {label}
    </label>
  );

  return (
    <div className="study-panel experiment-panel" data-testid="experiment-panel">
      <h2>{t('experiment.title')}</h2>
      <p className="study-note">{t('experiment.intro')}</p>
      <form className="study-form" onSubmit={(e) => e.preventDefault()}>
        {text('vehiclesPerDay', t('experiment.form.vehiclesPerDay'))}
        {text('target', t('experiment.form.target'))}
        {text('hours', t('experiment.form.hours'))}
        {text('warmupDays', t('experiment.form.warmupDays'))}
        {text('seeds', t('experiment.form.seeds'))}
        {text('agvs', t('experiment.form.agvs'))}
      </form>
      <div className="experiment-toggles">
        {toggle('edited', t('experiment.form.edited'))}
        {toggle('generate', t('experiment.form.generate'))}
      </div>
      {form.generate === 'yes' && (
        <>
          <form className="study-form" onSubmit={(e) => e.preventDefault()}>
            {text('cranes', t('experiment.form.cranes'))}
            {text('slots', t('experiment.form.slots'))}
            {text('scannerLanes', t('experiment.form.scannerLanes'))}
            {text('corridor', t('experiment.form.corridor'))}
          </form>
          <p className="study-note">{t('experiment.form.perYardNote')}</p>
        </>
      )}
      <div className="study-actions">
        <button type="button" onClick={() => void start()} disabled={running || !available} data-testid="experiment-run">
          {t('experiment.action.run')}
        </button>
        {run.status === 'running' && (
          <button type="button" onClick={() => runner.cancel()} data-testid="experiment-cancel">
            {t('experiment.action.cancel')}
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          disabled={!summary || summary.points.length === 0}
          onClick={() => summary && downloadText(`experiment-${scene.id}.csv`, experimentCsv(summary, state.layouts), 'text/csv')}
          data-testid="experiment-export-csv"
        >
          {t('experiment.action.csv')}
        </button>
      </div>
      {!available && <p className="study-message error">{t('experiment.unavailable')}</p>}
      {problems.length > 0 && (
        <div className="study-message error" data-testid="experiment-problems">
          {t('experiment.invalid')}
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {preparing && <p className="study-message">{t('experiment.preparing')}</p>}
      {run.status === 'running' && (
        <div
          className="study-progress"
          data-testid="experiment-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={run.runs}
          aria-valuenow={state.records.length}
        >
          <div className="bar" style={{ width: `${(state.records.length / run.runs) * 100}%` }} />
          <span>
            {t('experiment.progress', {
              done: state.records.length,
              runs: run.runs,
              threads: run.threads,
              percent: n0((state.records.length / run.runs) * 100),
            })}
          </span>
        </div>
      )}
      {run.status === 'cancelled' && (
        <p className="study-message" data-testid="experiment-cancelled">
          {t('experiment.cancelled', { done })}
        </p>
      )}
      {run.status === 'done' && <p className="study-message">{t('experiment.finished', { done, runs: run.runs })}</p>}
      {run.status === 'error' && <p className="study-message error">{run.message}</p>}
      {failures.length > 0 && <p className="study-message error">{t('experiment.failed', { count: failures.length, message: failures[0]!.error })}</p>}
      {summary && state.spec && summary.points.length > 0 && (
        <>
          <p className={summary.cheapest ? 'experiment-answer' : 'experiment-answer none'} data-testid="experiment-answer">
            {summary.cheapest
              ? t('experiment.cheapest', {
                  target: n0(state.spec.target),
                  layout: summary.cheapest.label,
                  agvs: summary.cheapest.agvs,
                  cranes: summary.cheapest.cranes,
                  cost: formatNumber(summary.cheapest.cost, lang, 1),
                  cleared: n0(summary.cheapest.cleared),
                })
              : t('experiment.noneReaches', { target: n0(state.spec.target) })}
          </p>
          <ExperimentChart summary={summary} target={state.spec.target} lang={lang} />
          <div className="experiment-table-wrap">
            <ExperimentTable summary={summary} layouts={state.layouts} lang={lang} />
          </div>
          <p className="experiment-note">
            {t('experiment.costNote', { agv: experimentData.cost.agvUnit.value, crane: experimentData.cost.craneUnit.value })}
          </p>
        </>
      )}
    </div>
  );
}
