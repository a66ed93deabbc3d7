/**
 * An experiment file read from disk with every problem named (file, line, field), its generated layouts made on
 * the zone's site, and its scene files parsed and checked: the layouts and the spec to run, or the problems.
 */
import { basename } from 'node:path';
import { readJsonText, placed } from '../../src/domain/jsonText';
import { parseScene } from '../../src/domain/parseScene';
import { formatProblem } from '../../src/domain/problem';
import { zodProblems } from '../../src/domain/zodProblems';
import { experimentProblems, type ExperimentLayout, type ExperimentSpec } from '../../src/sim/experiment/experiment';
import { ExperimentFile, experimentSpec, generatedLayouts } from '../../src/sim/experiment/experimentFile';
import { readSceneText } from '../cliOptions';
import { loadSiteAndBase } from '../layoutSite';

export type LoadedExperiment =
  { readonly ok: true; readonly layouts: ExperimentLayout[]; readonly spec: ExperimentSpec } | { readonly ok: false; readonly problems: string[] };

export function loadExperiment(file: string, text: string, overrides: { seeds?: number } = {}): LoadedExperiment {
  const json = readJsonText(text);
  if (!json.ok) return { ok: false, problems: json.problems.map((p) => formatProblem(p, file)) };
  const parsed = ExperimentFile.safeParse(json.data);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error).map((p) => formatProblem(placed(json.text, json.tree, p), file)) };
  const f = parsed.data;
  const site = loadSiteAndBase(f.zone);
  if (!site.ok) return { ok: false, problems: site.problems };
  const generated = generatedLayouts(f, site.base, site.site);
  if (!generated.ok) return { ok: false, problems: generated.problems.map((m) => `${file}: generate: ${m}`) };
  const layouts = [...generated.layouts];
  const problems: string[] = [];
  for (const path of f.scenes ?? []) {
    const scene = parseScene(readSceneText(path), path);
    if (!scene.ok) problems.push(...scene.problems.map((p) => formatProblem(p, path)));
    else if (scene.scene.zone.id !== f.zone) problems.push(`${path}: a layout of zone ${scene.scene.zone.id}, not the experiment's ${f.zone}`);
    else layouts.push({ id: basename(path, '.json'), label: `${scene.scene.variant} (${path})`, scene: scene.scene });
  }
  const spec = { ...experimentSpec(f, site.base.zone.capacity.target2030VehiclesPerDay.min), ...overrides };
  problems.push(...experimentProblems(spec, layouts).map((m) => `${file}: ${m}`));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, layouts, spec };
}
