// Loads what the map page shows: the unit boundaries with their figures (required), the base-map
// configuration and the city totals (both optional: the page works without them).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchMapConfig, fetchRegionBoundaries, fetchRegions } from '../../api/public';
import type { MapConfig, RegionBoundaries, RegionProperties } from '../../api/types';
import type { Lang } from '../../i18n/language';

export type MapData =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; boundaries: RegionBoundaries; mapConfig: MapConfig | null; city: RegionProperties | null };

const NO_TILES: MapConfig = { tileUrl: null, attribution: '', tileCrs: 'wgs84' };

function isFeatureCollection(value: RegionBoundaries): boolean {
  return value?.type === 'FeatureCollection' && Array.isArray(value.features);
}

export function useMapData(lang: Lang): { data: MapData; retry: () => void } {
  const [data, setData] = useState<MapData>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The language only picks the language of error messages; switching it does not reload.
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    const controller = new AbortController();
    const options = { lang: langRef.current, signal: controller.signal };
    setData({ status: 'loading' });
    Promise.all([
      fetchRegionBoundaries(options),
      fetchMapConfig(options).catch(() => NO_TILES),
      fetchRegions(options)
        .then((list) => list.items.find((item) => item.level === 'city') ?? null)
        .catch(() => null),
    ]).then(
      ([boundaries, mapConfig, city]) => {
        if (controller.signal.aborted) return;
        if (!isFeatureCollection(boundaries)) {
          setData({ status: 'error', error: new Error('boundaries: not a FeatureCollection') });
          return;
        }
        setData({ status: 'ready', boundaries, mapConfig, city });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setData({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, retry };
}
