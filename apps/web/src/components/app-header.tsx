// The public pages' header: the title, page actions, a link to sign in (or to the console when
// signed in), and the language switch. On the search page the title is the page's <h1> and the
// tab's title; elsewhere (`linkHome`) it is a link back to the search and the page names itself.
import type { ComponentChildren } from 'preact';
import { consolePathFor } from '../auth/session';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { otherLang } from '../i18n/language';
import { Link } from '../router/router';
import { useDocumentTitle } from './document-title';

export function AppHeader({ children, linkHome }: { children?: ComponentChildren; linkHome?: { href: string } }) {
  const { lang, t, toggleLang } = useI18n();
  const { session } = useSession();
  useDocumentTitle(linkHome ? null : t.app.title);
  return (
    <header class="app-header">
      {linkHome ? (
        <p class="app-header__title">
          <Link class="app-header__home" href={linkHome.href}>
            {t.app.title}
          </Link>
        </p>
      ) : (
        <h1 class="app-header__title">{t.app.title}</h1>
      )}
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
