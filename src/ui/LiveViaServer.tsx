import { useTranslation } from 'react-i18next';

export type ViaServerState = 'not-served' | 'sign-in' | 'connecting' | 'failed';

/**
 * The live console before the control-room server's fleet shows (`?source=live&via=server`): what stands in the
 * way (a page the server does not serve, nobody signed in) or why the fleet socket failed, with a way to try again.
 * The reason comes from the server or the socket: shown as text.
 */
export function LiveViaServer({ state, error, onRetry }: { state: ViaServerState; error?: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel login-form" role={state === 'connecting' ? 'status' : 'alert'} data-testid="live-via-server">
      <h2>{t('live.viaServer.title')}</h2>
      {state === 'not-served' && <p className="error">{t('live.viaServer.notServed')}</p>}
      {state === 'sign-in' && <p>{t('live.viaServer.signIn')}</p>}
      {state === 'connecting' && <p>{t('live.viaServer.connecting')}</p>}
      {state === 'failed' && (
        <>
          <p className="error">{error}</p>
          <button type="button" onClick={onRetry}>
            {t('live.viaServer.retry')}
          </button>
        </>
      )}
    </section>
  );
}
