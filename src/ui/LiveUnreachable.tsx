import { useTranslation } from 'react-i18next';

/**
 * The live console when the URL's broker address cannot work in a browser: what is wrong and what to give instead,
 * in place of the login form. Never the simulation, which an operator could take for the live fleet. The address
 * comes from the URL: shown as text.
 */
export function LiveUnreachable({ reason, broker }: { reason: 'missing' | 'mqtt' | 'not-ws'; broker?: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel login-form" role="alert" data-testid="live-unreachable">
      <h2>{t('live.unreachable.title')}</h2>
      <p className="error">{t(`live.unreachable.${reason}`, { broker })}</p>
      <p>{t('live.unreachable.hint')}</p>
    </section>
  );
}
