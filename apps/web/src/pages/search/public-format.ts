// Pure helpers of the parents' pages: distances, how fresh vacancy figures are, the latest
// inspection of each domain. The words come from the resource files; these functions only decide
// the figures. Unit-tested.
import type { PublicDomain, PublicOutcome } from '../../api/types';

export const DOMAIN_ORDER: readonly PublicDomain[] = ['fire', 'food', 'building', 'hygiene'];
const DAY_MS = 86_400_000;
/** Vacancy figures older than this are out of date (docs/domain.md 2); the API says so in `stale`. */
export const STALE_AFTER_DAYS = 30;

/** A distance to show: metres rounded to 10 below 1 km, kilometres with one decimal below 10 km, whole kilometres above. */
export function distanceParts(metres: number): { value: number; unit: 'm' | 'km'; digits: number } {
  const m = Math.max(0, metres);
  if (m < 995) return { value: Math.max(10, Math.round(m / 10) * 10), unit: 'm', digits: 0 };
  const km = m / 1000;
  if (km < 9.95) return { value: Math.round(km * 10) / 10, unit: 'km', digits: 1 };
  return { value: Math.round(km), unit: 'km', digits: 0 };
}

/** "350 米" / "1.2 公里" in Chinese, "350 m" / "1.2 km" in English. */
export function formatDistance(metres: number, lang: 'zh-CN' | 'en'): string {
  const { value, unit, digits } = distanceParts(metres);
  const number = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  if (lang === 'en') return `${number} ${unit}`;
  return `${number} ${unit === 'm' ? '米' : '公里'}`;
}

/** A radius option's label: 1000 → "1 公里" / "1 km"; 500 → "500 米" / "500 m". */
export function formatRadius(metres: number, lang: 'zh-CN' | 'en'): string {
  if (metres < 1000) return lang === 'en' ? `${metres} m` : `${metres} 米`;
  const km = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(metres / 1000);
  return lang === 'en' ? `${km} km` : `${km} 公里`;
}

/** Whole days from `iso` to `now` (0 on the same day or for a time slightly ahead); null when unreadable. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const time = new Date(iso).getTime();
  if (!Number.isFinite(time)) return null;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

export type Freshness = { kind: 'unknown' } | { kind: 'fresh' | 'stale'; days: number };

/**
 * How fresh vacancy figures are. `stale` is the API's verdict (over 30 days without an update) and
 * wins; without a time the figures' age is unknown (and they count as stale when the API says so).
 */
export function freshness(updatedAt: string | null, stale: boolean, now: Date): Freshness {
  const days = daysSince(updatedAt, now);
  if (days === null) return { kind: 'unknown' };
  return { kind: stale || days > STALE_AFTER_DAYS ? 'stale' : 'fresh', days };
}

/** The newest inspection of each domain, in the order fire, food, building, hygiene (domains never inspected left out). */
export function latestByDomain<T extends { domain: PublicDomain; inspectedAt: string; outcome: PublicOutcome }>(
  inspections: readonly T[],
): T[] {
  const latest = new Map<PublicDomain, T>();
  for (const inspection of inspections) {
    const known = latest.get(inspection.domain);
    if (!known || new Date(inspection.inspectedAt).getTime() > new Date(known.inspectedAt).getTime())
      latest.set(inspection.domain, inspection);
  }
  return DOMAIN_ORDER.flatMap((domain) => {
    const found = latest.get(domain);
    return found ? [found] : [];
  });
}

/** The worst outcome among inspections (fail > rectify > pass), or null when there are none. */
export function worstOutcome(inspections: readonly { outcome: PublicOutcome }[]): PublicOutcome | null {
  if (inspections.some((i) => i.outcome === 'fail')) return 'fail';
  if (inspections.some((i) => i.outcome === 'rectify')) return 'rectify';
  return inspections.length > 0 ? 'pass' : null;
}
