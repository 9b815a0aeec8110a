// The search form: where from (a named place, the device's location, or a click on the map), the
// radius and the child's age, and the other filters folded under "more filters". Every change
// applies at once (the address changes, the search runs again); the fee applies when the field is
// left or Enter is pressed.
import { useEffect, useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { NamedPlace } from './places';
import { formatRadius } from './public-format';
import {
  activeFilterCount,
  approximatePosition,
  EMPTY_SEARCH,
  KINDS,
  MAX_AGE_MONTHS,
  radiusOptions,
  SERVICE_TYPES,
  withoutFilters,
  type Point,
  type SearchState,
} from './search-state';

/** How the current point was chosen, when this page load knows it. */
export type PointSource = { kind: 'place'; index: number } | { kind: 'mine' } | { kind: 'map' } | null;

export interface SearchFormProps {
  state: SearchState;
  places: readonly NamedPlace[];
  pointSource: PointSource;
  /** Applies a new search; `newPoint` when the point itself changed (a new history entry). */
  onChange: (next: SearchState, how?: { newPoint?: PointSource }) => void;
}

type GeoStatus = { kind: 'idle' } | { kind: 'locating' } | { kind: 'failed'; reason: 'denied' | 'unavailable' | 'unsupported' };

const AGES = Array.from({ length: MAX_AGE_MONTHS + 1 }, (_, months) => months);

export function SearchForm({ state, places, pointSource, onChange }: SearchFormProps) {
  const { lang, t } = useI18n();
  const [geo, setGeo] = useState<GeoStatus>({ kind: 'idle' });
  const [fee, setFee] = useState(state.maxFee === null ? '' : String(state.maxFee));
  const [feeError, setFeeError] = useState(false);

  // The fee field follows the address (back and forward, a shared link).
  useEffect(() => {
    setFee(state.maxFee === null ? '' : String(state.maxFee));
    setFeeError(false);
  }, [state.maxFee]);

  const set = (patch: Partial<SearchState>) => onChange({ ...state, ...patch });
  const setPoint = (point: Point, source: PointSource) => onChange({ ...state, point }, { newPoint: source });

  const applyFee = () => {
    const text = fee.trim();
    if (text === '') {
      setFeeError(false);
      if (state.maxFee !== null) set({ maxFee: null });
      return;
    }
    if (!/^\d{1,7}$/.test(text)) {
      setFeeError(true);
      return;
    }
    setFeeError(false);
    if (Number(text) !== state.maxFee) set({ maxFee: Number(text) });
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setGeo({ kind: 'failed', reason: 'unsupported' });
      return;
    }
    setGeo({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeo({ kind: 'idle' });
        setPoint(approximatePosition(position.coords.latitude, position.coords.longitude), { kind: 'mine' });
      },
      (error) => setGeo({ kind: 'failed', reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  // The place list shows the chosen place, or says where else the point came from.
  const placeValue = pointSource?.kind === 'place' ? String(pointSource.index) : state.point ? 'current' : '';
  const currentLabel = pointSource?.kind === 'mine' ? t.search.placeMine : t.search.placeMap;
  const filterCount = activeFilterCount(state);
  const ageHintId = 'search-age-note';

  return (
    <form
      class="search-form"
      role="search"
      aria-labelledby="search-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        applyFee();
      }}
    >
      <div class="search-form__where">
        <div class="field">
          <label class="field__label" for="search-place">
            {t.search.where}
          </label>
          <select
            id="search-place"
            class="field__input"
            value={placeValue}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const place = places[Number(value)];
              if (value === '' || value === 'current' || !place) return;
              setPoint({ lat: place.lat, lng: place.lng }, { kind: 'place', index: Number(value) });
            }}
          >
            {!state.point && <option value="">{t.search.placeChoose}</option>}
            {state.point && pointSource?.kind !== 'place' && (
              <option value="current">
                {pointSource === null ? t.search.pointAt(state.point.lat.toFixed(4), state.point.lng.toFixed(4)) : currentLabel}
              </option>
            )}
            {places.map((place, index) => (
              <option key={index} value={String(index)}>
                {lang === 'en' ? place.nameEn : place.name}
              </option>
            ))}
          </select>
        </div>
        <div class="search-form__where-actions">
          <button type="button" class="button button--secondary" id="use-my-location" onClick={locate} disabled={geo.kind === 'locating'}>
            {geo.kind === 'locating' ? t.search.locating : t.search.useMyLocation}
          </button>
          {state.point && (
            <button type="button" class="button button--secondary" onClick={() => onChange({ ...state, point: null }, { newPoint: null })}>
              {t.search.clearPoint}
            </button>
          )}
        </div>
        {geo.kind === 'failed' && (
          <p class="search-form__geo-error" role="alert">
            {geo.reason === 'denied'
              ? t.search.locationDenied
              : geo.reason === 'unsupported'
                ? t.search.locationUnsupported
                : t.search.locationUnavailable}
          </p>
        )}
        <p class="field__hint search-form__map-hint">{t.search.mapHint}</p>
      </div>

      <div class="form-row">
        <SelectField
          id="search-radius"
          label={t.search.radius}
          value={String(state.radiusM)}
          options={radiusOptions(state.radiusM).map((r) => ({ value: String(r), label: formatRadius(r, lang) }))}
          onChange={(value) => set({ radiusM: Number(value) || EMPTY_SEARCH.radiusM })}
        />
        <div class="field">
          <label class="field__label" for="search-age">
            {t.search.age}
          </label>
          <select
            id="search-age"
            class="field__input"
            value={state.ageMonths === null ? '' : String(state.ageMonths)}
            aria-describedby={state.ageMonths !== null && state.ageMonths < 6 ? ageHintId : undefined}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set({ ageMonths: value === '' ? null : Number(value) });
            }}
          >
            <option value="">{t.search.ageAny}</option>
            {AGES.map((months) => (
              <option key={months} value={String(months)}>
                {t.search.ageOption(months)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state.ageMonths !== null && state.ageMonths < 6 && (
        <p class="field__hint search-form__note" id={ageHintId}>
          {t.search.ageTooYoung}
        </p>
      )}

      {/* Folded unless some are in use (then the count shows on the toggle too). */}
      <details class="search-filters" open={filterCount > 0}>
        <summary class="search-filters__summary">{filterCount > 0 ? t.search.filtersCount(filterCount) : t.search.filters}</summary>
        <div class="search-filters__body">
          <CheckboxField
            id="search-affordable"
            label={t.search.affordable}
            checked={state.affordable}
            onChange={(affordable) => set({ affordable })}
          />
          <CheckboxField
            id="search-vacancy"
            label={t.search.hasVacancy}
            checked={state.hasVacancy}
            onChange={(hasVacancy) => set({ hasVacancy })}
          />
          <div class="form-row">
            <SelectField
              id="search-service"
              label={t.search.serviceType}
              value={state.serviceType ?? ''}
              placeholder={t.search.any}
              options={SERVICE_TYPES.map((value) => ({ value, label: t.facility.serviceTypes[value] }))}
              onChange={(value) => set({ serviceType: value || null })}
            />
            <SelectField
              id="search-kind"
              label={t.search.kind}
              value={state.kind ?? ''}
              placeholder={t.search.any}
              options={KINDS.map((value) => ({ value, label: t.facility.kinds[value] }))}
              onChange={(value) => set({ kind: value || null })}
            />
          </div>
          <div class="search-form__fee" onFocusOut={applyFee}>
            <TextField
              id="search-max-fee"
              label={t.search.maxFee}
              hint={t.search.maxFeeHint}
              value={fee}
              inputMode="numeric"
              errors={feeError ? [t.search.maxFeeInvalid] : undefined}
              onInput={setFee}
            />
          </div>
          {filterCount > 0 && (
            <button type="button" class="button button--secondary button--small" onClick={() => onChange(withoutFilters(state))}>
              {t.search.resetFilters}
            </button>
          )}
        </div>
      </details>
    </form>
  );
}
