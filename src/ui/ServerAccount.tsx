import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ServerProblem, ServerStore } from '../store/server/serverStore';

export interface ServerAccountProps {
  readonly store: ServerStore;
  readonly onSignIn: (name: string, password: string) => void;
  readonly onSignOut: () => void;
}

/**
 * The top bar's account corner on a twin served by the control-room server: who is signed in and their role, or a
 * sign-in form. Nothing at all without a server.
 */
export function ServerAccount({ store, onSignIn, onSignOut }: ServerAccountProps) {
  const { t } = useTranslation();
  const server = useStore(store, (s) => s.server);
  const [open, setOpen] = useState(false);
  if (server.status === 'absent' || server.status === 'checking') return null;
  if (server.status === 'signed-in') {
    return (
      <div className="group server-account" data-testid="server-account">
        <span className="server-user" data-testid="server-user" data-role={server.role}>
          {t('server.signedInAs', { user: server.user, role: t(`server.role.${server.role}`) })}
        </span>
        <button type="button" data-testid="server-signout" onClick={onSignOut}>
          {t('server.signOut')}
        </button>
        {server.problem && <ProblemText problem={server.problem} />}
      </div>
    );
  }
  return (
    <div className="group server-account" data-testid="server-account">
      <button type="button" data-testid="server-signin-open" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('server.signIn')}
      </button>
      {open && <SignInForm busy={server.busy} problem={server.problem} onSubmit={onSignIn} />}
    </div>
  );
}

function SignInForm({ busy, problem, onSubmit }: { busy: boolean; problem?: ServerProblem; onSubmit: (name: string, password: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(name, password);
  };
  return (
    <form className="panel server-signin" onSubmit={submit} data-testid="server-signin">
      <h2>{t('server.title')}</h2>
      <label>
        {t('server.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" data-testid="server-name" autoFocus />
      </label>
      <label>
        {t('server.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          data-testid="server-password"
        />
      </label>
      {problem && <ProblemText problem={problem} />}
      <button type="submit" disabled={busy || name === '' || password === ''} data-testid="server-signin-submit">
        {busy ? t('server.signingIn') : t('server.signIn')}
      </button>
    </form>
  );
}

function ProblemText({ problem }: { problem: ServerProblem }) {
  const { t } = useTranslation();
  const text =
    problem.kind === 'wrong-credentials'
      ? t('server.problem.wrong')
      : problem.kind === 'throttled'
        ? t('server.problem.throttled', { s: problem.retryS })
        : problem.kind === 'unreachable'
          ? t('server.problem.unreachable', { detail: problem.detail })
          : t('server.problem.refused', { status: problem.status, detail: problem.detail });
  return (
    <p className="error" role="alert" data-testid="server-problem">
      {text}
    </p>
  );
}
