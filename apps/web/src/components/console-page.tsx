// The frame of every console screen and the login page: skip link, header (system title, map link,
// who is signed in, sign out, language; below it the console's pages: the dashboard with the open
// alerts' count (regulators, admins), home, orders with a count, the inspection plan), then the page's heading and content in <main>. The page
// heading takes focus after an in-app navigation (router.tsx).
import type { ComponentChildren } from 'preact';
import { logout } from '../api/auth';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { otherLang } from '../i18n/language';
import type { SessionUser } from '../api/types';
import { consolePathFor } from '../auth/session';
import { Link, navigate, useLocation } from '../router/router';
import { paths } from '../router/routes';
import { useDocumentTitle } from './document-title';
import { useAlertCount } from './use-alert-count';
import { useOrderCount } from './use-order-count';
import { useComplaintText } from '../pages/complaints/messages';

/** The console's own pages: home (facilities or the workbench), orders (with what waits), and the plan. */
function ConsoleNav({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const pending = useOrderCount(user);
  const regulatorLike = user.role === 'regulator' || user.role === 'admin';
  const alerts = useAlertCount(user.role === 'regulator' ? user : undefined);
  const home = consolePathFor(user);
  const c = useComplaintText();
  const links =
    user.role === 'parent'
      ? [{ href: home, label: t.applications.myTitle, current: pathname.startsWith(home), id: 'nav-home' }]
      : [
          // The dashboard comes first for regulators (and admins).
          ...(regulatorLike
            ? [{ href: paths.dashboard(), label: t.nav.dashboard, current: pathname.startsWith(paths.dashboard()), id: 'nav-dashboard' }]
            : []),
          {
            href: home,
            label: user.role === 'operator' ? t.nav.myFacilities : t.nav.home,
            current: pathname.startsWith(home),
            id: 'nav-home',
          },
          { href: paths.orders(), label: t.nav.orders, current: pathname.startsWith(paths.orders()), id: 'nav-orders' },
          { href: paths.incidents(), label: t.nav.incidents, current: pathname.startsWith(paths.incidents()), id: 'nav-incidents' },
          ...(user.role === 'operator'
            ? []
            : [{ href: paths.plan(), label: t.nav.plan, current: pathname.startsWith(paths.plan()), id: 'nav-plan' }]),
          { href: paths.complaints(), label: c.inboxTitle, current: pathname.startsWith(paths.complaints()), id: 'nav-complaints' },
          ...(regulatorLike
            ? [{ href: paths.credit(), label: c.creditTitle, current: pathname.startsWith(paths.credit()), id: 'nav-credit' }]
            : []),
        ];
  return (
    <nav class="console-nav" aria-label={t.nav.consoleNav}>
      {links.map((link) => (
        <Link key={link.id} id={link.id} href={link.href} class="console-nav__link" aria-current={link.current ? 'page' : undefined}>
          {link.label}
          {link.id === 'nav-orders' && pending && pending.count > 0 && (
            <span class="count-badge" id="orders-count-badge">
              <span aria-hidden="true">{pending.more ? '99+' : pending.count}</span>
              <span class="visually-hidden">{t.nav.ordersPending(pending.more ? `${pending.count}+` : String(pending.count))}</span>
            </span>
          )}
          {link.id === 'nav-dashboard' && alerts && alerts.count > 0 && (
            <span class="count-badge count-badge--alert" id="alerts-count-badge">
              <span aria-hidden="true">{alerts.more ? '99+' : alerts.count}</span>
              <span class="visually-hidden">{t.nav.alertsOpen(alerts.more ? `${alerts.count}+` : String(alerts.count))}</span>
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}

function ConsoleHeader() {
  const { lang, t, toggleLang } = useI18n();
  const { session, signOut } = useSession();
  const user = session?.user;
  const roleText = user
    ? user.role === 'regulator' && user.agency
      ? `${t.agencies[user.agency]} · ${t.roles.regulator}`
      : t.roles[user.role]
    : '';
  return (
    <header class="app-header app-header--console">
      <p class="app-header__title">
        <Link href={user ? consolePathFor(user) : '/login'} class="app-header__home">
          {t.nav.systemTitle}
        </Link>
      </p>
      <nav class="app-header__actions" aria-label={t.nav.mainNav}>
        <Link href="/" class="header-button">
          {t.nav.map}
        </Link>
        {user && (
          <span class="header-user" title={t.nav.signedInAs(user.displayName ?? user.username, roleText)}>
            {t.nav.signedInAs(user.displayName ?? user.username, roleText)}
          </span>
        )}
        {user && (
          <button
            type="button"
            class="header-button"
            onClick={() => {
              if (session) void logout(session.accessToken);
              signOut();
              navigate('/login');
            }}
          >
            {t.nav.signOut}
          </button>
        )}
        <button type="button" class="header-button" lang={otherLang(lang)} onClick={toggleLang}>
          {t.language.switchTo}
        </button>
      </nav>
      {user && <ConsoleNav user={user} />}
    </header>
  );
}

export interface ConsolePageProps {
  title: string;
  /** A link back up (e.g. to the list), shown above the heading. */
  back?: { href: string; label: string };
  /** Shown beside the heading (e.g. a status badge). */
  aside?: ComponentChildren;
  children?: ComponentChildren;
}

export function ConsolePage({ title, back, aside, children }: ConsolePageProps) {
  const { t } = useI18n();
  useDocumentTitle(`${title} · ${t.nav.systemTitle}`);
  return (
    <div class="app app--document">
      <a class="skip-link" href="#main">
        {t.app.skipToMain}
      </a>
      <ConsoleHeader />
      <main id="main" class="console-main" tabIndex={-1}>
        {back && (
          <p class="back-link">
            <Link href={back.href}>
              <span aria-hidden="true">← </span>
              {back.label}
            </Link>
          </p>
        )}
        <div class="page-heading">
          <h1 class="page-heading__title" data-page-heading tabIndex={-1}>
            {title}
          </h1>
          {aside && <div class="page-heading__aside">{aside}</div>}
        </div>
        {children}
      </main>
    </div>
  );
}
