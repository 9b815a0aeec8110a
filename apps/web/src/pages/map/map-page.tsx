// Page `/`: the city map of places per 1,000 residents by supervisory unit, with the units'
// figures in a side panel.
import { useCallback, useState } from 'preact/hooks';
import { AppHeader } from '../../components/app-header';
import { LoadError, Loading } from '../../components/load-status';
import { useI18n } from '../../i18n/i18n';
import { RegionMap, type FocusRequest } from './region-map';
import { UNITS_PANEL_ID, UnitsPanel } from './units-panel';
import { useMapData } from './use-map-data';

/** Beside the map from this width; over it below. Keep in step with styles.css. */
const WIDE_QUERY = '(min-width: 900px)';

function isWide(): boolean {
  return window.matchMedia(WIDE_QUERY).matches;
}

export function MapPage() {
  const { lang, t } = useI18n();
  const { data, retry } = useMapData(lang);
  // Open beside the map on wide screens; closed (over the map when opened) on phones.
  const [panelOpen, setPanelOpen] = useState(isWide);
  const [panelOpenedByUser, setPanelOpenedByUser] = useState(false);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  const openPanel = useCallback(() => {
    setPanelOpen(true);
    setPanelOpenedByUser(true);
  }, []);
  const togglePanel = useCallback(() => {
    setPanelOpen((open) => !open);
    setPanelOpenedByUser(true);
  }, []);
  const closePanel = useCallback(() => {
    setPanelOpen(false);
    document.getElementById('units-toggle')?.focus();
  }, []);
  const showUnit = useCallback((code: string) => {
    if (!isWide()) setPanelOpen(false); // the panel covers the map on phones
    setFocusRequest((previous) => ({ code, seq: (previous?.seq ?? 0) + 1 }));
  }, []);

  const units = data.status === 'ready' ? data.boundaries.features.map((feature) => feature.properties) : [];

  return (
    <div class="app">
      <a
        class="skip-link"
        href={`#${UNITS_PANEL_ID}`}
        onClick={(event) => {
          event.preventDefault();
          openPanel();
        }}
      >
        {t.app.skipToUnits}
      </a>
      <AppHeader>
        <button
          type="button"
          id="units-toggle"
          class="header-button"
          aria-expanded={panelOpen}
          aria-controls={UNITS_PANEL_ID}
          onClick={togglePanel}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          <span>{t.map.showUnits}</span>
        </button>
      </AppHeader>
      <main class="map-page">
        <UnitsPanel
          open={panelOpen}
          units={units}
          city={data.status === 'ready' ? data.city : null}
          onClose={closePanel}
          onShowUnit={showUnit}
          focusOnOpen={panelOpenedByUser}
        />
        <div class="map-area">
          {data.status === 'ready' && <RegionMap boundaries={data.boundaries} mapConfig={data.mapConfig} focusRequest={focusRequest} />}
          {data.status === 'loading' && <Loading />}
          {data.status === 'error' && <LoadError error={data.error} fallback={t.errors.loadRegions} onRetry={retry} />}
        </div>
      </main>
    </div>
  );
}
