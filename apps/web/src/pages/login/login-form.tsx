// Sign in: username and password → token in sessionStorage → the user's console (or the console
// page that sent them here).
import { useState } from 'preact/hooks';
import { login } from '../../api/auth';
import { ApiError } from '../../api/client';
import { sessionFromLogin, consolePathFor } from '../../auth/session';
import { useSession } from '../../auth/session-context';
import { errorMessage } from '../../components/error-message';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/notice';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { nextSuitsRole, safeNext } from '../../router/routes';

export function LoginForm({ next, username: initialUsername }: { next: string | null; username: string }) {
  const { lang, t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ username?: string[]; password?: string[] }>({});

  // The registration form fills the username in after registering.
  const [seenInitial, setSeenInitial] = useState(initialUsername);
  if (initialUsername !== seenInitial) {
    setSeenInitial(initialUsername);
    setUsername(initialUsername);
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const empty = {
      ...(username.trim() ? {} : { username: [t.validation.required] }),
      ...(password ? {} : { password: [t.validation.required] }),
    };
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await login(username.trim(), password, { lang });
      const session = sessionFromLogin(result, Date.now());
      signIn(session);
      const home = consolePathFor(result.user);
      const target = safeNext(next);
      navigate(target && nextSuitsRole(target, result.user.role, home) ? target : home, { replace: true });
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 401) setError(t.auth.badCredentials);
      else if (caught instanceof ApiError && caught.status === 429) setError(caught.userMessage ?? t.auth.throttled);
      else setError(errorMessage(caught, t));
    }
  };

  return (
    <form class="card auth-card" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h2 id="login-title" class="card__title">
        {t.auth.loginTitle}
      </h2>
      <p class="card__intro">{t.auth.loginIntro}</p>
      {error && <Notice kind="error">{error}</Notice>}
      <TextField
        id="login-username"
        label={t.auth.username}
        value={username}
        onInput={setUsername}
        autoComplete="username"
        required
        errors={missing.username}
      />
      <TextField
        id="login-password"
        label={t.auth.password}
        type="password"
        value={password}
        onInput={setPassword}
        autoComplete="current-password"
        required
        errors={missing.password}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t.auth.signingIn : t.auth.signIn}
        </button>
      </div>
    </form>
  );
}
