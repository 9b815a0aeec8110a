// Console pages need a session and the right role: without a session, go to /login (and come back
// after); with another role, say so and link to the user's own console.
import type { ComponentChildren } from 'preact';
import type { Role } from '../../../api/auth';
import { consolePathFor } from '../../../auth/session';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { Notice } from '../../../components/notice';
import { useI18n } from '../../../i18n/i18n';
import { Link, Redirect } from '../../../router/router';
import { paths } from '../../../router/routes';

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ComponentChildren }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (!session) return <Redirect to={paths.login(`${window.location.pathname}${window.location.search}`)} />;
  if (!roles.includes(session.user.role)) {
    return (
      <ConsolePage title={t.console.wrongConsole}>
        <Notice kind="warning">{t.console.wrongConsole}</Notice>
        <p>
          <Link href={consolePathFor(session.user)}>{t.console.goToMyConsole}</Link>
        </p>
      </ConsolePage>
    );
  }
  return <>{children}</>;
}

/** `/console`: straight on to the user's console (or to /login). */
export function ConsoleIndex() {
  const { session } = useSession();
  return <Redirect to={session ? consolePathFor(session.user) : paths.login('/console')} />;
}
