// The results as a numbered list (the numbers of the map's markers): name (a link to the facility
// page, covering the whole card), distance, kind, fee, vacancies and how fresh they are, badges and
// the latest inspection outcomes. Hover or focus on a card highlights its marker; a marker's click
// brings its card into view and focuses it. The count is announced (role="status").
import { useEffect, useRef } from 'preact/hooks';
import type { NearbyItem } from '../../api/types';
import { formatInteger } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { errorMessage } from '../../components/error-message';
import { facilityHref } from './links';
import { FreshnessText, LatestInspections } from './public-badges';
import { formatDistance, formatRadius } from './public-format';
import { RESULT_LIMIT } from './search-state';
import type { NearbyState } from './use-nearby';

export interface ActiveResult {
  id: string;
  /** Where it was chosen: the map scrolls the list to it, the list lights the marker up. */
  from: 'list' | 'map';
  /** Increments on every choice, so clicking the same marker again scrolls again. */
  seq: number;
}

export interface ResultsListProps {
  result: NearbyState;
  hasPoint: boolean;
  radiusM: number;
  /** The child's age of the search (null: none), carried to the facilities' pages. */
  ageMonths: number | null;
  active: ActiveResult | null;
  onActivate: (id: string | null) => void;
  onRetry: () => void;
}

function ResultItem({
  item,
  number,
  active,
  ageMonths,
  now,
  onActivate,
}: {
  item: NearbyItem;
  number: number;
  active: boolean;
  ageMonths: number | null;
  now: Date;
  onActivate: (id: string | null) => void;
}) {
  const { lang, t } = useI18n();
  const meta = [
    t.search.distance(formatDistance(item.distanceM, lang)),
    t.facility.kinds[item.kind] ?? item.kind,
    t.search.fee(formatInteger(item.monthlyFee, lang)),
  ];
  return (
    <li
      class={`result${active ? ' result--active' : ''}`}
      data-id={item.id}
      onMouseEnter={() => onActivate(item.id)}
      onMouseLeave={(event) => {
        if (!event.currentTarget.contains(document.activeElement)) onActivate(null);
      }}
      onFocusIn={() => onActivate(item.id)}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !event.currentTarget.contains(next)) onActivate(null);
      }}
    >
      <div class="result__head">
        <span class="result__number" aria-hidden="true">
          {number}
        </span>
        <h3 class="result__name">
          <Link class="result__link" href={facilityHref(item.id, ageMonths)}>
            {item.name}
          </Link>
        </h3>
      </div>
      <p class="result__meta">{meta.join(' · ')}</p>
      {(item.affordable || item.medicalIntegrated || item.kind === 'family') && (
        <p class="result__badges">
          {item.affordable && <span class="badge badge--affordable">{t.search.affordableBadge}</span>}
          {item.medicalIntegrated && <span class="badge badge--medical">{t.search.medicalBadge}</span>}
          {item.kind === 'family' && <span class="badge badge--approximate">{t.search.approximate}</span>}
        </p>
      )}
      <VacancyLine item={item} now={now} />
      <div class="result__inspections">
        <span class="result__label">{t.search.inspections}</span>
        <LatestInspections inspections={item.latestInspections} />
      </div>
    </li>
  );
}

/**
 * Free places: with the child's age, those in the classes that take the child first (green only when there are
 * some), the facility's total beside them, and the freshness of the oldest of those classes' reports.
 */
function VacancyLine({ item, now }: { item: NearbyItem; now: Date }) {
  const { lang, t } = useI18n();
  const forAge = item.vacanciesForAge;
  if (forAge === undefined)
    return (
      <p class={`result__vacancy${item.vacancies > 0 ? ' result__vacancy--open' : ''}`}>
        <strong>{item.vacancies > 0 ? t.search.vacancies(formatInteger(item.vacancies, lang)) : t.search.noVacancies}</strong>
        {' · '}
        <FreshnessText updatedAt={item.vacanciesUpdatedAt} stale={item.vacanciesStale} now={now} />
      </p>
    );
  return (
    <p class={`result__vacancy${forAge > 0 ? ' result__vacancy--open' : ''}`} data-for-age={forAge}>
      <strong>{forAge > 0 ? t.search.vacanciesForAge(formatInteger(forAge, lang)) : t.search.noVacanciesForAge}</strong>
      {item.vacancies !== forAge && (
        <span class="result__vacancy-all">{` (${t.search.vacanciesAll(formatInteger(item.vacancies, lang))})`}</span>
      )}
      {' · '}
      <FreshnessText
        updatedAt={item.vacanciesForAgeUpdatedAt === undefined ? item.vacanciesUpdatedAt : item.vacanciesForAgeUpdatedAt}
        stale={item.vacanciesForAgeStale ?? item.vacanciesStale}
        now={now}
      />
    </p>
  );
}

export function ResultsList({ result, hasPoint, radiusM, ageMonths, active, onActivate, onRetry }: ResultsListProps) {
  const { lang, t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const items = result.status === 'idle' ? [] : result.items;
  const now = new Date();

  // A marker was chosen: bring its card into view and put focus on its link.
  useEffect(() => {
    if (!active || active.from !== 'map') return;
    const card = listRef.current?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(active.id)}"]`);
    if (!card) return;
    card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    card.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
  }, [active]);

  let status = '';
  if (!hasPoint) status = t.search.noPoint;
  else if (result.status === 'loading') status = t.search.searching;
  else if (result.status === 'ready') {
    status = t.search.resultsCount(items.length, formatRadius(radiusM, lang));
    if (items.length >= RESULT_LIMIT) status += `${lang === 'en' ? ' ' : ''}${t.search.resultsLimited(items.length)}`;
  }

  return (
    <section class="results" aria-labelledby="results-title">
      <h2 id="results-title" class="results__title">
        {t.search.resultsTitle}
      </h2>
      <p id="results-status" class="results__status" role="status" aria-live="polite">
        {status}
      </p>
      {result.status === 'ready' && items.length === 0 && <p class="results__hint">{t.search.noResults}</p>}
      {result.status === 'error' && (
        <div class="notice notice--error" role="alert">
          <p>{errorMessage(result.error, t, t.search.searchFailed)}</p>
          <button type="button" class="button button--small" onClick={onRetry}>
            {t.app.retry}
          </button>
        </div>
      )}
      {items.length > 0 && (
        <ol
          class={`results__list${result.status === 'loading' ? ' results__list--busy' : ''}`}
          ref={listRef}
          aria-busy={result.status === 'loading'}
        >
          {items.map((item, index) => (
            <ResultItem
              key={item.id}
              item={item}
              number={index + 1}
              active={active?.id === item.id}
              ageMonths={ageMonths}
              now={now}
              onActivate={onActivate}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
