import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks for the broker's user name and password (never taken from the URL); shows why a login failed and keeps
 * what was typed so the user can correct it.
 */
export function LoginForm({
  broker,
  error,
  busy,
  onSubmit,
}: {
  broker: string;
  error?: string;
  busy: boolean;
  onSubmit: (user: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const [user, setUser] = useState('viewer');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(user, password);
  };
  return (
    <form className="panel login-form" onSubmit={submit} data-testid="login-form">
      <h2>{t('live.login')}</h2>
      <p className="broker">{broker}</p>
      <label>
        {t('live.user')}
        <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" data-testid="login-user" />
      </label>
      <label>
        {t('live.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          data-testid="login-password"
        />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || user === ''} data-testid="login-submit">
        {busy ? t('live.connecting') : t('live.connect')}
      </button>
    </form>
  );
}
