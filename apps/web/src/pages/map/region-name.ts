import type { RegionProperties } from '../../api/types';
import type { Lang } from '../../i18n/language';

/** A unit's name in the page's language (`nameEn` in English, falling back to `name`). */
export function regionName(region: Pick<RegionProperties, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? region.nameEn || region.name : region.name;
}
