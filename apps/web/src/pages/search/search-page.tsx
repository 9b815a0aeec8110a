// Page `/`: the parents' search. The search lives in the query string (search-state.ts), so a
// reload or a shared address repeats it; the form changes the address (a new point adds a history
// entry, a filter replaces it) and the results follow the address. Beside the map on wide screens
// (the panel left, the map right), below it on phones (the map can be folded away). The map shows
// every public facility in view, the search area and the results; the units' choropleth is a layer
// (on at first when there is no search), and the units' figures are in a panel over the map.
import placesCsv from '../../../../../data/changchun-places.csv?raw';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AppHeader } from '../../components/app-header';
import { Loading } from '../../components/load-status';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useLocation } from '../../router/router';
import { paths } from '../../router/routes';
import { UNITS_PANEL_ID, UnitsPanel } from '../map/units-panel';
import { useMapData } from '../map/use-map-data';
import { facilityHref, rememberSearch } from './links';
import { parsePlaces, placeAt } from './places';
import { ResultsList, type ActiveResult } from './results-list';
import { SearchForm, type PointSource } from './search-form';
import { SearchMap, type FocusRequest, type MapLayers } from './search-map';
import { parseSearch, roundCoord, searchQuery, type Point, type SearchState } from './search-state';
import { useNearby } from './use-nearby';

const PLACES = parsePlaces(placesCsv);

/** Panel beside the map from this width; the map above the panel below it. Keep in step with styles.css. */
const WIDE_QUERY = '(min-width: 900px)';

function isWide(): boolean {
  return window.matchMedia(WIDE_QUERY).matches;
}

function samePoint(a: Point | null, b: Point | null): boolean {
  return !!a && !!b && roundCoord(a.lat) === roundCoord(b.lat) && roundCoord(a.lng) === roundCoord(b.lng);
}

export function SearchPage() {
  const { lang, t } = useI18n();
  const { search } = useLocation();
  const state = useMemo(() => parseSearch(search), [search]);
  const { data, retry: retryUnits } = useMapData(lang);
  const { result, retry } = useNearby(state, lang);

  // Where the point came from, for the place list ("my location", "the point chosen on the map").
  const [origin, setOrigin] = useState<{ kind: 'mine' | 'map'; point: Point } | null>(null);
  const place = placeAt(PLACES, state.point);
  const pointSource: PointSource = place
    ? { kind: 'place', index: PLACES.indexOf(place) }
    : origin && samePoint(origin.point, state.point)
      ? { kind: origin.kind }
      : null;

  // The choropleth is on for the city overview, off once a search shows facilities (unless switched by hand).
  // Likewise every facility's dot: hidden during a search, where it would pile up under the numbered results.
  const [layers, setLayers] = useState<MapLayers>(() => ({ units: !state.point, facilities: !state.point }));
  const layersTouched = useRef(false);
  const changeLayers = useCallback((next: MapLayers) => {
    layersTouched.current = true;
    setLayers(next);
  }, []);

  const [unitsOpen, setUnitsOpen] = useState(false);
  const [unitsOpenedByUser, setUnitsOpenedByUser] = useState(false);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [mapFolded, setMapFolded] = useState(false);
  const [active, setActive] = useState<ActiveResult | null>(null);

  useEffect(() => rememberSearch(search), [search]);

  const apply = useCallback((next: SearchState, how: { newPoint?: PointSource } = {}) => {
    if (how.newPoint !== undefined) {
      const kind = how.newPoint?.kind;
      if (next.point && (kind === 'mine' || kind === 'map')) setOrigin({ kind, point: next.point });
      if (!layersTouched.current)
        setLayers((current) => (next.point ? { units: false, facilities: false } : { ...current, facilities: true }));
    }
    navigate(paths.map(searchQuery(next, window.location.search)), { replace: how.newPoint === undefined, focus: false });
  }, []);

  const stateRef = useRef(state);
  stateRef.current = state;
  const pickOnMap = useCallback((point: Point) => apply({ ...stateRef.current, point }, { newPoint: { kind: 'map' } }), [apply]);
  const openFacility = useCallback((id: string) => navigate(facilityHref(id, stateRef.current.ageMonths)), []);
  const selectFromMap = useCallback((id: string) => setActive((previous) => ({ id, from: 'map', seq: (previous?.seq ?? 0) + 1 })), []);
  const activateFromList = useCallback(
    (id: string | null) =>
      setActive((previous) => {
        if (id === null) return null;
        if (previous?.id === id) return previous;
        return { id, from: 'list', seq: (previous?.seq ?? 0) + 1 };
      }),
    [],
  );

  const openUnits = useCallback(() => {
    setUnitsOpen(true);
    setUnitsOpenedByUser(true);
  }, []);
  const toggleUnits = useCallback(() => {
    setUnitsOpen((open) => !open);
    setUnitsOpenedByUser(true);
  }, []);
  const closeUnits = useCallback(() => {
    setUnitsOpen(false);
    document.getElementById('units-toggle')?.focus();
  }, []);
  const showUnit = useCallback((code: string) => {
    if (!isWide()) setUnitsOpen(false); // the panel covers the map on phones
    layersTouched.current = true;
    setLayers((current) => ({ ...current, units: true }));
    setMapFolded(false);
    setFocusRequest((previous) => ({ code, seq: (previous?.seq ?? 0) + 1 }));
  }, []);

  const ready = data.status === 'ready';
  const boundaries = ready ? data.boundaries : null;
  const units = boundaries ? boundaries.features.map((feature) => feature.properties) : [];
  const results = result.status === 'idle' ? [] : result.items;

  return (
    <div class="app">
      <a class="skip-link" href="#search-title">
        {t.app.skipToMain}
      </a>
      <a
        class="skip-link"
        href={`#${UNITS_PANEL_ID}`}
        onClick={(event) => {
          event.preventDefault();
          openUnits();
        }}
      >
        {t.app.skipToUnits}
      </a>
      <AppHeader>
        <button
          type="button"
          id="units-toggle"
          class="header-button"
          aria-expanded={unitsOpen}
          aria-controls={UNITS_PANEL_ID}
          onClick={toggleUnits}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          <span>{t.map.showUnits}</span>
        </button>
        <Link class="header-button" id="report-link" href={paths.complain()}>
          {t.map.reportUnregistered}
        </Link>
      </AppHeader>
      <main id="main" class={`search-page${mapFolded ? ' search-page--map-folded' : ''}`}>
        <section id="search-panel" class="search-panel" aria-labelledby="search-title">
          <div class="search-panel__head">
            <h2 id="search-title" class="search-panel__title" tabIndex={-1}>
              {t.search.title}
            </h2>
            <button
              type="button"
              id="map-fold"
              class="button button--secondary button--small search-panel__map-toggle"
              aria-controls="search-map-area"
              onClick={() => setMapFolded((folded) => !folded)}
            >
              {mapFolded ? t.search.showMap : t.search.hideMap}
            </button>
          </div>
          {state.point && result.status === 'ready' && (
            // Phones: the count and a jump to the list, above the form (the first result is a screen further down).
            <p class="results-jump" id="results-jump">
              <span>{t.search.resultsSummary(result.items.length)}</span>
              {result.items.length > 0 && (
                <a
                  href="#results-title"
                  onClick={(event) => {
                    event.preventDefault();
                    const heading = document.getElementById('results-title');
                    heading?.scrollIntoView({ block: 'start' });
                    document.querySelector<HTMLElement>('.results__list .result__link')?.focus({ preventScroll: true });
                  }}
                >
                  {t.search.jumpToResults}
                </a>
              )}
            </p>
          )}
          <p class="search-panel__intro">{t.search.intro}</p>
          <SearchForm state={state} places={PLACES} pointSource={pointSource} onChange={apply} />
          <ResultsList
            result={result}
            hasPoint={state.point !== null}
            radiusM={state.radiusM}
            ageMonths={state.ageMonths}
            active={active}
            onActivate={activateFromList}
            onRetry={retry}
          />
        </section>
        <UnitsPanel
          open={unitsOpen}
          units={units}
          city={ready ? data.city : null}
          onClose={closeUnits}
          onShowUnit={showUnit}
          focusOnOpen={unitsOpenedByUser}
          failed={ready && !boundaries}
          onRetry={retryUnits}
        />
        <div class="map-area" id="search-map-area">
          {ready ? (
            <SearchMap
              boundaries={boundaries}
              mapConfig={data.mapConfig}
              layers={layers}
              onLayersChange={changeLayers}
              point={state.point}
              radiusM={state.radiusM}
              results={results}
              activeId={active?.id ?? null}
              onResultSelect={selectFromMap}
              onPick={pickOnMap}
              onOpenFacility={openFacility}
              focusRequest={focusRequest}
              places={PLACES}
            />
          ) : (
            <Loading />
          )}
        </div>
      </main>
    </div>
  );
}
