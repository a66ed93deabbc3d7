import { useTranslation } from 'react-i18next';
import type { ExperimentLayout } from '../../../sim/experiment/experiment';
import type { ExperimentSummary } from '../../../sim/experiment/experimentSummary';
import { resourceName } from '../../../sim/resourceName';
import { formatNumber } from '../../formatNumber';

/** Every point of the experiment: its layout, cranes, fleet, seeds done, cleared/day with its interval, cost, what binds. */
export function ExperimentTable({ summary, layouts, lang }: { summary: ExperimentSummary; layouts: readonly ExperimentLayout[]; lang: 'en' | 'vi' }) {
  const { t } = useTranslation();
  const n0 = (v: number) => formatNumber(v, lang, 0);
  const sceneOf = (id: string) => layouts.find((l) => l.id === id)!.scene;
  return (
    <table className="experiment-table" data-testid="experiment-table">
      <thead>
        <tr>
          {(['layout', 'cranes', 'agvs', 'seeds', 'cleared', 'reaches', 'cost', 'binds', 'pareto'] as const).map((k) => (
            <th key={k}>{t(`experiment.table.${k}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {summary.points.map((p) => {
          const e = p.point.clearedPerDay;
          const cheapest = summary.cheapest === p;
          return (
            <tr key={`${p.layout}|${p.agvs}`} className={cheapest ? 'cheapest' : p.reaches ? 'reaches' : undefined} data-testid="experiment-row">
              <td>{p.label}</td>
              <td>{p.cranes}</td>
              <td>{p.agvs}</td>
              <td>{p.seeds}</td>
              <td>
                {n0(e.mean)}
                {e.low === undefined ? '' : ` (${n0(e.low)}–${n0(e.high!)})`}
              </td>
              <td>{t(p.reaches ? 'experiment.table.yes' : 'experiment.table.no')}</td>
              <td>{formatNumber(p.cost, lang, 1)}</td>
              <td>{resourceName(sceneOf(p.layout), p.point.binding.resource)[lang]}</td>
              <td>{p.pareto ? '★' : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
