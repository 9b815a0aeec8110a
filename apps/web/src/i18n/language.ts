// Which language the page is in: `?lang=` in the URL first, then the choice remembered in
// localStorage, then Chinese.
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

const STORAGE_KEY = 'childcare.lang';

/** Reads a language tag loosely: `en`, `en-US` → en; `zh`, `zh-CN`, `zh-Hans` → zh-CN. */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const tag = value.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  return null;
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh-CN' : 'en';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

export function initialLang(): Lang {
  const fromUrl = parseLang(new URLSearchParams(window.location.search).get('lang'));
  return fromUrl ?? parseLang(readStored()) ?? DEFAULT_LANG;
}

/** Remembers the choice, and keeps a `?lang=` already in the URL in step so a reload agrees. */
export function persistLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the page still switches
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', lang);
    window.history.replaceState(window.history.state, '', url);
  }
}
