// Page `/login`: sign in, or register as an operator. Someone already signed in is offered their
// console instead.
import { useState } from 'preact/hooks';
import { consolePathFor } from '../../auth/session';
import { useSession } from '../../auth/session-context';
import { ConsolePage } from '../../components/console-page';
import { Notice } from '../../components/notice';
import { useI18n } from '../../i18n/i18n';
import { Link, useSearchParam } from '../../router/router';
import { LoginForm } from './login-form';
import { RegisterForm } from './register-form';

export function LoginPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const next = useSearchParam('next');
  const expired = useSearchParam('expired') === '1';
  const [registered, setRegistered] = useState('');

  if (session) {
    const user = session.user;
    return (
      <ConsolePage title={t.auth.pageTitle}>
        <div class="card">
          <p>{t.auth.alreadySignedIn(user.displayName ?? user.username)}</p>
          <p>
            <Link class="button" href={consolePathFor(user)}>
              {t.auth.goToConsole}
            </Link>
          </p>
        </div>
      </ConsolePage>
    );
  }

  return (
    <ConsolePage title={t.auth.pageTitle}>
      {expired && <Notice kind="info">{t.auth.sessionExpired}</Notice>}
      <div class="auth-grid">
        <LoginForm next={next} username={registered} />
        <RegisterForm onRegistered={setRegistered} parentFirst={(next ?? '').startsWith('/console/applications')} />
      </div>
    </ConsolePage>
  );
}
