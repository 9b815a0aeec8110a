// The language context: the current language, its strings, and a switch.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { en } from './en';
import { initialLang, otherLang, persistLang, type Lang } from './language';
import { zhCN, type Messages } from './zh-CN';

const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  toggleLang: () => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  // The page's language, set with the new text (a layout effect: screen readers and tests never see
  // English text under lang="zh-CN"); each page sets its own title (components/document-title.ts).
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    persistLang(next);
    setLangState(next);
  }, []);
  const toggleLang = useCallback(() => setLang(otherLang(lang)), [lang, setLang]);

  const value = useMemo<I18n>(() => ({ lang, t: MESSAGES[lang], setLang, toggleLang }), [lang, setLang, toggleLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

/** Strings for a language outside the component tree (content rendered into Leaflet layers). */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}
