// Locale-aware formatting of figures. Intl formatters are cached per language.
import type { Lang } from './language';

const integerFormats = new Map<Lang, Intl.NumberFormat>();
const rateFormats = new Map<Lang, Intl.NumberFormat>();
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const shortFormats = new Map<Lang, Intl.NumberFormat>();

function cached<T>(cache: Map<Lang, T>, lang: Lang, make: () => T): T {
  let value = cache.get(lang);
  if (!value) {
    value = make();
    cache.set(lang, value);
  }
  return value;
}

/** 1234567 → "1,234,567". */
export function formatInteger(value: number, lang: Lang): string {
  return cached(integerFormats, lang, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 })).format(value);
}

/** Places per 1,000 residents, always with two decimals: 0 → "0.00". */
export function formatRate(value: number, lang: Lang): string {
  return cached(rateFormats, lang, () => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);
}

/** A time in Beijing time, e.g. "2026年11月28日 11:06" / "Nov 28, 2026, 11:06". */
export function formatDateTime(iso: string, lang: Lang): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return cached(
    dateTimeFormats,
    lang,
    () =>
      new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeStyle: 'short',
        hourCycle: 'h23',
        timeZone: 'Asia/Shanghai',
      }),
  ).format(date);
}

/** A short figure such as a target or a class break: 4.5 → "4.5", 8 → "8". */
export function formatNumber(value: number, lang: Lang): string {
  return cached(shortFormats, lang, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (`YYYY-MM-DD` as is, or an ISO time's day in Beijing time): "2026年11月28日" / "Nov 28, 2026". */
export function formatDate(value: string, lang: Lang): string | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  const timeZone = dateOnly ? 'UTC' : 'Asia/Shanghai';
  const key = `${lang}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}
