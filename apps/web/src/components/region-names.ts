// Unit names by code, from the public region list (loaded once per page load).
import { useEffect, useState } from 'preact/hooks';
import { fetchRegions } from '../api/public';
import type { RegionProperties } from '../api/types';
import type { Lang } from '../i18n/language';

let regions: Promise<RegionProperties[]> | null = null;

function loadRegions(): Promise<RegionProperties[]> {
  regions ??= fetchRegions()
    .then((list) => list.items)
    .catch(() => {
      regions = null; // try again next time
      return [];
    });
  return regions;
}

export function useRegions(): RegionProperties[] {
  const [list, setList] = useState<RegionProperties[]>([]);
  useEffect(() => {
    let live = true;
    void loadRegions().then((items) => live && setList(items));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** The unit's name in the language, or its code while the names are unknown. */
export function regionLabel(list: RegionProperties[], code: string | null | undefined, lang: Lang): string | null {
  if (!code) return null;
  const region = list.find((item) => item.code === code);
  if (!region) return code;
  return lang === 'en' ? region.nameEn || region.name : region.name;
}
