import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS, type Scene } from '../domain/sceneSchema';
import { useTwin } from '../store/useTwin';
import { KIND_COLOUR } from '../domain/kindColour';

const OVERLAYS = [
  { key: 'lanes', label: 'legend.lanes', colour: '#155e75' },
  { key: 'truck-routes', label: 'legend.truckRoutes', colour: '#f97316' },
] as const;

/**
 * What each colour means, how many of each the scene has; a click hides or shows that kind. The engineering
 * console passes the edited layout, so the counts follow its edits.
 */
export function Legend({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const hidden = useTwin((s) => s.hiddenKinds);
  const toggle = useTwin((s) => s.toggleKind);
  const counts = new Map<string, number>();
  for (const f of scene.facilities) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const rows = [
    ...FACILITY_KINDS.filter((k) => counts.has(k)).map((k) => ({ key: k, label: t(`kind.${k}`), colour: KIND_COLOUR[k], n: counts.get(k) })),
    ...OVERLAYS.map((o) => ({ key: o.key, label: t(o.label), colour: o.colour, n: undefined })),
  ];
  return (
    <nav className="panel legend" aria-label={t('legend.title')} data-testid="legend">
      <h2>{t('legend.title')}</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.key}>
            <button type="button" title={t('legend.toggle')} aria-pressed={!hidden.includes(r.key)} onClick={() => toggle(r.key)}>
              <span className="swatch" style={{ background: r.colour }} />
              <span className="label">{r.label}</span>
              {r.n !== undefined && (
                <span className="count" data-testid={`legend-count-${r.key}`}>
                  {r.n}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
