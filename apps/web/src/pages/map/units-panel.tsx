// The units as a table: the same figures as the map's units layer, for screen readers, keyboard
// users and anyone who prefers numbers. A panel over the map (over the whole page on phones).
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { RegionProperties } from '../../api/types';
import { formatDateTime, formatInteger, formatRate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { colourFor } from '../../map/choropleth';
import { regionName } from './region-name';
import { Shortfall } from './region-summary';

export const UNITS_PANEL_ID = 'units-panel';

export interface UnitsPanelProps {
  open: boolean;
  units: RegionProperties[];
  city: RegionProperties | null;
  onClose: () => void;
  onShowUnit: (code: string) => void;
  /** Move focus into the panel when it opens (not on the first render). */
  focusOnOpen: boolean;
  /** The units could not be loaded: say so and offer a retry. */
  failed?: boolean;
  onRetry?: () => void;
}

function latestUpdate(units: RegionProperties[]): string | null {
  let latest: string | null = null;
  for (const unit of units) if (unit.updatedAt && (!latest || unit.updatedAt > latest)) latest = unit.updatedAt;
  return latest;
}

export function UnitsPanel({ open, units, city, onClose, onShowUnit, focusOnOpen, failed = false, onRetry }: UnitsPanelProps) {
  const { lang, t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (open && focusOnOpen) headingRef.current?.focus();
  }, [open, focusOnOpen]);

  // Escape closes the open panel wherever the focus is (it may still be on the toggle that opened it).
  // A layout effect, so the key works from the moment the panel shows.
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  const updated = latestUpdate(units);
  const updatedText = updated ? formatDateTime(updated, lang) : null;
  const year = units[0]?.populationYear;

  return (
    <section id={UNITS_PANEL_ID} class="units-panel" aria-labelledby="units-panel-title" hidden={!open}>
      <div class="units-panel__head">
        <h2 id="units-panel-title" tabIndex={-1} ref={headingRef}>
          {t.units.title}
        </h2>
        <button type="button" class="icon-button" onClick={onClose} aria-label={t.units.close} title={t.units.close}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      <p class="units-panel__intro">{t.units.intro(year ?? null)}</p>
      {failed && (
        <div class="notice notice--error">
          <p>{t.errors.loadRegions}</p>
          {onRetry && (
            <button type="button" class="button button--small" onClick={onRetry}>
              {t.app.retry}
            </button>
          )}
        </div>
      )}
      <div class="table-wrap">
        <table class="units-table">
          <colgroup>
            <col class="units-table__name" />
            <col span={4} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t.units.unit}</th>
              <th scope="col" class="num">
                {t.units.colPopulation}
              </th>
              <th scope="col" class="num">
                {t.units.colPlaces}
              </th>
              <th scope="col" class="num">
                {t.units.colPer1000}
              </th>
              <th scope="col" class="num">
                {t.units.colShortfall2025}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => {
              const name = regionName(unit, lang);
              return (
                <tr key={unit.code} data-code={unit.code}>
                  <th scope="row">
                    <button type="button" class="link-button" onClick={() => onShowUnit(unit.code)} title={t.units.showOnMap(name)}>
                      <span class="swatch" style={{ background: colourFor(unit.placesPer1000) }} aria-hidden="true" />
                      {name}
                    </button>
                  </th>
                  <td class="num">{formatInteger(unit.population, lang)}</td>
                  <td class="num">{formatInteger(unit.placeCount, lang)}</td>
                  <td class="num">{formatRate(unit.placesPer1000, lang)}</td>
                  <td class="num">
                    <Shortfall value={unit.shortfall2025} lang={lang} t={t} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          {city && (
            <tfoot>
              <tr data-code={city.code}>
                <th scope="row">{t.units.cityTotal}</th>
                <td class="num">{formatInteger(city.population, lang)}</td>
                <td class="num">{formatInteger(city.placeCount, lang)}</td>
                <td class="num">{formatRate(city.placesPer1000, lang)}</td>
                <td class="num">
                  <Shortfall value={city.shortfall2025} lang={lang} t={t} />
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {updatedText && <p class="units-panel__updated">{t.units.updatedAt(updatedText)}</p>}
    </section>
  );
}
