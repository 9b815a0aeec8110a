// The page header: the system's title, page actions, and the language switch.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { otherLang } from '../i18n/language';

export function AppHeader({ children }: { children?: ComponentChildren }) {
  const { lang, t, toggleLang } = useI18n();
  return (
    <header class="app-header">
      <h1 class="app-header__title">{t.app.title}</h1>
      <div class="app-header__actions">
        {children}
        <button type="button" class="header-button" lang={otherLang(lang)} onClick={toggleLang}>
          {t.language.switchTo}
        </button>
      </div>
    </header>
  );
}
