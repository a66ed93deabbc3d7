/**
 * The report's assumptions: every sourced number of the layout, listed as the console's Assumptions panel lists
 * it (src/store/layout/assumptions), then the simulation model's (data/simulation.json) and the study statistics'
 * threshold its caveats rest on (data/study.json), each with its value and its source as written.
 */
import simulation from '../../../data/simulation.json' with { type: 'json' };
import study from '../../../data/study.json' with { type: 'json' };
import { escapeXml } from '../../domain/layoutSvg';
import type { Scene } from '../../domain/sceneSchema';
import { listAssumptions, sourcedGroups, type AssumptionField } from '../../store/layout/assumptions';
import { assumptionLabel } from '../engineering/assumptionLabel';
import { formatNumber } from '../formatNumber';
import { reportT, type ReportLang } from './reportStrings';

interface Row {
  readonly label: string;
  readonly fields: readonly AssumptionField[];
  readonly source: string;
}

/** `2,000` for a lone value or list (`0.01, 0.02, …`); named when there are several: `min: 2,000 · max: 2,500`. */
function valueText(fields: readonly AssumptionField[], lang: ReportLang): string {
  const groups = new Map<string, number[]>();
  for (const f of fields) {
    const name = f.name.replace(/\[\d+\]$/, '');
    groups.set(name, [...(groups.get(name) ?? []), f.value]);
  }
  // A Vietnamese number has a decimal comma: its list items are parted by semicolons.
  const sep = lang === 'vi' ? '; ' : ', ';
  return [...groups]
    .map(([name, values]) => {
      const shown = values.map((v) => formatNumber(v, lang, 6)).join(sep);
      return groups.size === 1 ? shown : `${name}: ${shown}`;
    })
    .join(' · ');
}

function table(title: string, rows: readonly Row[], lang: ReportLang): string {
  const t = reportT(lang);
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeXml(r.label)}</td><td class="value">${escapeXml(valueText(r.fields, lang))}</td><td class="source">${escapeXml(r.source)}</td></tr>`,
    )
    .join('');
  return (
    `<h3>${escapeXml(title)}</h3><table class="assumptions"><thead><tr><th>${escapeXml(t('report.col.number'))}</th>` +
    `<th>${escapeXml(t('report.col.value'))}</th><th>${escapeXml(t('report.col.source'))}</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/** The report's last pages: the assumptions of the layout, the simulation and the study, with their sources; `end` closes them. */
export function assumptionsSection(scene: Scene, lang: ReportLang, end: string): string {
  const t = reportT(lang);
  const data = (v: unknown): Row[] =>
    sourcedGroups(v).map((g) => {
      const key = g.inner.join('.');
      return { label: t(`report.data.${key}`, { defaultValue: key }), fields: g.fields, source: g.source };
    });
  const sceneRows = listAssumptions(scene).map((a) => ({ label: assumptionLabel(a.path, scene, lang, t), fields: a.fields, source: a.source }));
  return (
    `<section class="page assumptions" id="assumptions"><h2>${escapeXml(t('report.assumptionsTitle'))}</h2>` +
    `<p class="note">${escapeXml(t('report.assumptionsNote'))}</p>` +
    table(t('report.group.scene', { scene: scene.id }), sceneRows, lang) +
    table(t('report.group.simulation'), data(simulation), lang) +
    table(t('report.group.study'), data({ minReplicationsForInterval: study.minReplicationsForInterval }), lang) +
    `${end}</section>`
  );
}
