// Unit names by code, from the public region list (loaded once per page load, shared-data.ts).
import { fetchRegions } from '../api/public';
import type { RegionProperties } from '../api/types';
import type { Lang } from '../i18n/language';
import { sharedResource } from './shared-data';
import { useShared } from './use-shared';

/** The region list (one key: the list does not depend on the language; it carries both names). */
export const regionList = sharedResource<'all', RegionProperties[]>(async () => (await fetchRegions()).items);

const NONE: RegionProperties[] = [];

export function useRegions(): RegionProperties[] {
  return useShared(regionList, 'all', String, { once: true }) ?? NONE;
}

/** The unit's name in the language, or its code while the names are unknown. */
export function regionLabel(list: RegionProperties[], code: string | null | undefined, lang: Lang): string | null {
  if (!code) return null;
  const region = list.find((item) => item.code === code);
  if (!region) return code;
  return lang === 'en' ? region.nameEn || region.name : region.name;
}
