// Loads what the search page's map layers need besides the facilities: the unit boundaries with
// their figures (the choropleth layer and the units panel), the base-map configuration and the city
// totals. Each part is optional: without boundaries the page still searches (the units layer and
// panel say they could not load and offer a retry).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchMapConfig, fetchRegionBoundaries, fetchRegions } from '../../api/public';
import type { MapConfig, RegionBoundaries, RegionProperties } from '../../api/types';
import type { Lang } from '../../i18n/language';

export type MapData =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** null when they could not be loaded (`boundariesError` says why). */
      boundaries: RegionBoundaries | null;
      boundariesError: unknown;
      mapConfig: MapConfig | null;
      city: RegionProperties | null;
    };

const NO_TILES: MapConfig = { tileUrl: null, attribution: '', tileCrs: 'wgs84', subdomains: [] };

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
    Promise.all([
      fetchRegionBoundaries(options).then(
        (boundaries) =>
          isFeatureCollection(boundaries)
            ? { boundaries, error: null as unknown }
            : { boundaries: null, error: new Error('boundaries: not a FeatureCollection') as unknown },
        (error: unknown) => ({ boundaries: null, error }),
      ),
      fetchMapConfig(options).catch(() => NO_TILES),
      fetchRegions(options)
        .then((list) => list.items.find((item) => item.level === 'city') ?? null)
        .catch(() => null),
    ]).then(([units, mapConfig, city]) => {
      if (controller.signal.aborted) return;
      setData((previous) => ({
        status: 'ready',
        boundaries: units.boundaries,
        boundariesError: units.error,
        // The base map is set up once: a retry for the boundaries keeps the configuration it had.
        mapConfig: previous.status === 'ready' ? previous.mapConfig : mapConfig,
        city,
      }));
    });
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, retry };
}
