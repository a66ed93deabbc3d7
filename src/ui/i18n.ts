/** UI strings in Vietnamese (default) and English, bundled: nothing is fetched at run time. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { STRINGS } from './locales/resources';

export function initI18n(lng: 'vi' | 'en') {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: STRINGS.en }, vi: { translation: STRINGS.vi } },
    interpolation: { escapeValue: false },
  });
  return i18next;
}
