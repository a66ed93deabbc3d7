import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRIDORS, defaultLayoutParams, YARD_KEYS, type Corridor, type LayoutParams, type YardKey } from '../../domain/layouts/layoutParams';

/** Makes and opens the variant; the reasons it cannot be made, or undefined once it is open. */
export type MakeVariant = (params: LayoutParams) => Promise<readonly string[] | undefined>;

type Numbers = 'handoverBays' | 'scannerLanes' | 'agvs' | 'parkBays' | 'chargeBays';
const NUMBERS: readonly Numbers[] = ['handoverBays', 'scannerLanes', 'agvs', 'parkBays', 'chargeBays'];

interface Form {
  variant: string;
  cranes: Record<YardKey, string>;
  slots: Record<YardKey, string>;
  corridor: Corridor;
  numbers: Record<Numbers, string>;
}

function initialForm(agvs: number): Form {
  const d = defaultLayoutParams(agvs);
  const text = (r: Readonly<Record<YardKey, number>>) => Object.fromEntries(YARD_KEYS.map((k) => [k, String(r[k])])) as Record<YardKey, string>;
  return {
    variant: 'variant',
    cranes: text(d.cranesPerYard),
    slots: text(d.slots),
    corridor: d.corridor,
    numbers: Object.fromEntries(NUMBERS.map((k) => [k, String(d[k])])) as Record<Numbers, string>,
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

function paramsOf(f: Form): LayoutParams {
  const perYard = (r: Record<YardKey, string>) => Object.fromEntries(YARD_KEYS.map((k) => [k, num(r[k])])) as Record<YardKey, number>;
  return {
    variant: f.variant.trim(),
    yards: 1,
    cranesPerYard: perYard(f.cranes),
    slots: perYard(f.slots),
    corridor: f.corridor,
    handoverBays: num(f.numbers.handoverBays),
    scannerLanes: num(f.numbers.scannerLanes),
    agvs: num(f.numbers.agvs),
    parkBays: num(f.numbers.parkBays),
    chargeBays: num(f.numbers.chargeBays),
  };
}

/**
 * *New variant…*: a generated layout of the zone from a few parameters (the layout generator, as `npm run layout`),
 * opened in the editor to edit by hand as any other. A variant that cannot be made lists every reason and opens
 * nothing.
 */
export function NewVariantDialog({ zone, agvs, make, onClose }: { zone: string; agvs: number; make: MakeVariant; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initialForm(agvs));
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const create = () => {
    setBusy(true);
    make(paramsOf(form)).then(
      (refused) => {
        setBusy(false);
        if (refused) setProblems(refused);
        else onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setProblems([e instanceof Error ? e.message : String(e)]);
      },
    );
  };
  const yardRow = (which: 'cranes' | 'slots') => (
    <tr>
      <th scope="row">{t(`engineering.variant.${which}`)}</th>
      {YARD_KEYS.map((k) => (
        <td key={k}>
          <input
            type="number"
            min="1"
            step="1"
            value={form[which][k]}
            aria-label={`${t(`engineering.variant.${which}`)}: ${t(`engineering.variant.yard.${k}`)}`}
            data-testid={`variant-${which}-${k}`}
            onChange={(e) => setForm({ ...form, [which]: { ...form[which], [k]: e.target.value } })}
          />
        </td>
      ))}
    </tr>
  );
  return (
    <div className="panel new-variant" role="dialog" aria-modal="true" aria-label={t('engineering.variant.title')} data-testid="new-variant">
      <h2>{t('engineering.variant.title')}</h2>
      <p>{t('engineering.variant.intro', { zone })}</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('engineering.variant.name')}</span>
          <input value={form.variant} data-testid="variant-name" onChange={(e) => setForm({ ...form, variant: e.target.value })} />
        </label>
        <table>
          <thead>
            <tr>
              <td />
              {YARD_KEYS.map((k) => (
                <th key={k} scope="col">
                  {t(`engineering.variant.yard.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {yardRow('cranes')}
            {yardRow('slots')}
          </tbody>
        </table>
        <label>
          <span>{t('engineering.variant.corridor')}</span>
          <select value={form.corridor} data-testid="variant-corridor" onChange={(e) => setForm({ ...form, corridor: e.target.value as Corridor })}>
            {CORRIDORS.map((c) => (
              <option key={c} value={c}>
                {t(`engineering.variant.corridorKind.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {NUMBERS.map((k) => (
          <label key={k}>
            <span>{t(`engineering.variant.${k}`)}</span>
            <input
              type="number"
              min="0"
              step="1"
              value={form.numbers[k]}
              data-testid={`variant-${k}`}
              onChange={(e) => setForm({ ...form, numbers: { ...form.numbers, [k]: e.target.value } })}
            />
          </label>
        ))}
      </form>
      {problems.length > 0 && (
        <ul className="variant-problems" role="alert" data-testid="variant-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="buttons">
        <button type="button" disabled={busy} data-testid="variant-create" onClick={create}>
          {t('engineering.variant.create')}
        </button>
        <button type="button" data-testid="variant-cancel" onClick={onClose}>
          {t('engineering.variant.cancel')}
        </button>
      </div>
    </div>
  );
}
