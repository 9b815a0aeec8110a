// The map page's header: the title, page actions, a link to sign in (or to the console when
// signed in), and the language switch.
import type { ComponentChildren } from 'preact';
import { consolePathFor } from '../auth/session';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { otherLang } from '../i18n/language';
import { Link } from '../router/router';
import { useDocumentTitle } from './document-title';

export function AppHeader({ children }: { children?: ComponentChildren }) {
  const { lang, t, toggleLang } = useI18n();
  const { session } = useSession();
  useDocumentTitle(t.app.title);
  return (
    <header class="app-header">
      <h1 class="app-header__title">{t.app.title}</h1>
      <div class="app-header__actions">
        {children}
        <Link class="header-button" id="account-link" href={session ? consolePathFor(session.user) : '/login'}>
          {session ? t.nav.console : t.nav.signIn}
        </Link>
        <button type="button" class="header-button" lang={otherLang(lang)} onClick={toggleLang}>
          {t.language.switchTo}
        </button>
      </div>
    </header>
  );
}
