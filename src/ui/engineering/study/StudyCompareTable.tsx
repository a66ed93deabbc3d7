import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../domain/sceneSchema';
import type { StudyResult } from '../../../sim/study/runStudy';
import { formatNumber } from '../../formatNumber';
import { bindingText, formatEstimate, percent, type Lang } from './studyLabels';

interface Row {
  readonly label: string;
  readonly a: string;
  readonly b: string;
  /** B − A, signed, when the figure is a number. */
  readonly delta?: string;
}

const signed = (x: number, lang: Lang, digits = 0) => `${x > 0 ? '+' : ''}${formatNumber(x, lang, digits)}`;

/** The same study on the layout as opened (A) and as edited (B), figure by figure, with B − A. */
export function StudyCompareTable({ a, b, scene, lang }: { a: StudyResult; b: StudyResult; scene: Scene; lang: Lang }) {
  const { t } = useTranslation();
  const min = 1 / 60;
  const fleet = (r: StudyResult) => r.base.utilisation['agv-fleet']?.mean;
  const fleetA = fleet(a);
  const fleetB = fleet(b);
  const answer = (r: StudyResult) => {
    const s = r.sweep?.smallestFleet;
    if (!s) return '—';
    return s.agvs === undefined ? t('study.compare.notReached') : formatNumber(s.agvs, lang, 0);
  };
  const rows: Row[] = [
    {
      label: Number.isInteger(a.spec.hours / 24)
        ? t('study.result.cleared')
        : t('study.result.clearedScaled', { hours: formatNumber(a.spec.hours, lang, 2), scale: formatNumber(24 / a.spec.hours, lang, 2) }),
      a: formatEstimate(a.base.clearedPerDay, lang),
      b: formatEstimate(b.base.clearedPerDay, lang),
      delta: signed(b.base.clearedPerDay.mean - a.base.clearedPerDay.mean, lang),
    },
    {
      label: t('study.compare.p50'),
      a: formatEstimate(a.base.timeInSystemP50S, lang, min),
      b: formatEstimate(b.base.timeInSystemP50S, lang, min),
      delta: signed((b.base.timeInSystemP50S.mean - a.base.timeInSystemP50S.mean) * min, lang),
    },
    {
      label: t('study.compare.p95'),
      a: formatEstimate(a.base.timeInSystemP95S, lang, min),
      b: formatEstimate(b.base.timeInSystemP95S, lang, min),
      delta: signed((b.base.timeInSystemP95S.mean - a.base.timeInSystemP95S.mean) * min, lang),
    },
    {
      label: t('study.result.binding'),
      a: a.base.binding.resource ? bindingText(a.base.binding, a.base.runs.length, scene, lang, t) : '—',
      b: b.base.binding.resource ? bindingText(b.base.binding, b.base.runs.length, scene, lang, t) : '—',
    },
    {
      label: t('study.compare.fleetBusy'),
      a: fleetA === undefined ? '—' : percent(fleetA, lang),
      b: fleetB === undefined ? '—' : percent(fleetB, lang),
      ...(fleetA !== undefined && fleetB !== undefined ? { delta: signed((fleetB - fleetA) * 100, lang) } : {}),
    },
    { label: t('study.compare.smallestFleet'), a: answer(a), b: answer(b) },
  ];
  return (
    <table className="study-compare" data-testid="study-compare">
      <thead>
        <tr>
          <th />
          <th>{t('study.layout.baseline')}</th>
          <th>{t('study.layout.edited')}</th>
          <th>{t('study.compare.delta')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.a}</td>
            <td>{r.b}</td>
            <td>{r.delta ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
