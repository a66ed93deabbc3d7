/**
 * The strings a study report is written in, for each language: the shared ones (facility kinds, sides, fields),
 * the engineering console's (assumption labels), the study panel's and the report's own. The files are imported
 * one by one rather than through `locales/resources.ts` (whose `import.meta.glob` only Vite knows), so the report
 * renders the same in the console and from `npm run study` in Node. One i18next instance per language, made on
 * first use, synchronously.
 */
import i18next, { type TFunction } from 'i18next';
import en from '../locales/en.json' with { type: 'json' };
import enEngineering from '../locales/en/engineering.json' with { type: 'json' };
import enReport from '../locales/en/report.json' with { type: 'json' };
import enStudy from '../locales/en/study.json' with { type: 'json' };
import vi from '../locales/vi.json' with { type: 'json' };
import viEngineering from '../locales/vi/engineering.json' with { type: 'json' };
import viReport from '../locales/vi/report.json' with { type: 'json' };
import viStudy from '../locales/vi/study.json' with { type: 'json' };

export type ReportLang = 'en' | 'vi';

const RESOURCES = {
  en: { translation: { ...en, ...enEngineering, ...enStudy, ...enReport } },
  vi: { translation: { ...vi, ...viEngineering, ...viStudy, ...viReport } },
};

const made = new Map<ReportLang, TFunction>();

/** The translate function of `lang`; values are not escaped here: the report escapes every text it writes. */
export function reportT(lang: ReportLang): TFunction {
  let t = made.get(lang);
  if (!t) {
    const i18n = i18next.createInstance();
    void i18n.init({ lng: lang, fallbackLng: 'en', resources: RESOURCES, initAsync: false, interpolation: { escapeValue: false } });
    t = i18n.t;
    made.set(lang, t);
  }
  return t;
}
