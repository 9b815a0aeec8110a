// Page `/facilities/:id`: a facility as parents see it (`GET /public/facilities/{id}`, in the page's
// language: the inspection summaries come translated). Status (a suspended one says so first),
// the facts, where it is (approximate for home-based points: no address, the unit's name, a ~200 m
// circle), classes with places, vacancies and how fresh they are (opened from a search with a child's age, `?age=`,
// the places for that age first), and the latest inspection of each domain with its plain-language summary. A 404 (closed, not registered, never existed) is a
// friendly message with a way back.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { fetchPublicFacility } from '../../api/public';
import type { PublicFacility } from '../../api/types';
import { AppHeader } from '../../components/app-header';
import { useDocumentTitle } from '../../components/document-title';
import { errorMessage, statusOf } from '../../components/error-message';
import { Loading } from '../../components/load-status';
import { useAsync } from '../../components/use-async';
import { formatDate, formatInteger } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { paths } from '../../router/routes';
import { searchHref, searchNearHref } from '../search/links';
import { FreshnessText, OutcomeChip } from '../search/public-badges';
import { DOMAIN_ORDER, latestByDomain } from '../search/public-format';
import { parseSearch, searchQuery, EMPTY_SEARCH } from '../search/search-state';
import { useFacilityAgeText } from './facility-age-text';
import { FacilityMap } from './facility-map';
import { placesForAge, type PlacesForAge } from './places-for-age';
import { useComplaintText } from '../complaints/messages';

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The free places for the child's age: which classes take it, how many are free there, and the oldest of those
 * classes' reports (issue #18 item 1, as the search's card counts them).
 */
function AgePlaces({ places, ageMonths, now }: { places: PlacesForAge; ageMonths: number; now: Date }) {
  const { lang, t } = useI18n();
  const ta = useFacilityAgeText();
  const names = places.classes.map((item) => t.classes.ageGroups[item.ageGroup] ?? item.ageGroup).join(lang === 'en' ? ', ' : '、');
  return (
    <div class="age-places" id="age-places" data-for-age={places.vacancies}>
      <h3 class="age-places__title">{ta.title(ageMonths)}</h3>
      {places.classes.length === 0 ? (
        <p>{t.applications.noClassForAge}</p>
      ) : (
        <>
          <p class={`result__vacancy${places.vacancies > 0 ? ' result__vacancy--open' : ''}`}>
            <strong>
              {places.vacancies > 0 ? t.search.vacanciesForAge(formatInteger(places.vacancies, lang)) : t.search.noVacanciesForAge}
            </strong>
          </p>
          <p>{ta.classes(names)}</p>
          <p class="item-card__meta">
            {places.updatedAt !== null && `${ta.oldestReport(formatDate(places.updatedAt, lang) ?? places.updatedAt)} · `}
            <FreshnessText updatedAt={places.updatedAt} stale={places.stale} now={now} />
          </p>
        </>
      )}
    </div>
  );
}

function FacilityView({ facility, ageMonths }: { facility: PublicFacility; ageMonths: number | null }) {
  const { lang, t } = useI18n();
  const ta = useFacilityAgeText();
  // Arriving from another page, focus went to <main> while this loaded: move it to the heading.
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && document.activeElement === main) document.querySelector<HTMLElement>('[data-page-heading]')?.focus({ preventScroll: true });
  }, []);
  const tf = t.publicFacility;
  const now = new Date();
  const suspended = facility.status === 'suspended';
  const approximate = facility.kind === 'family' || facility.address === null;
  const yesNo = (value: boolean) => (value ? t.facility.yes : t.facility.no);
  const inspections = [...(facility.inspections ?? [])].sort(
    (a, b) => new Date(b.inspectedAt).getTime() - new Date(a.inspectedAt).getTime(),
  );
  const latest = latestByDomain(inspections);
  const earlier = inspections.filter((inspection) => !latest.includes(inspection));
  const nearQuery = searchQuery({ ...EMPTY_SEARCH, point: facility.location });
  const forAge = ageMonths === null ? null : placesForAge(facility.classes ?? [], ageMonths);

  return (
    <>
      <div class="page-heading">
        <h1 class="page-heading__title" data-page-heading tabIndex={-1}>
          {facility.name}
        </h1>
        <div class="page-heading__aside">
          <span class={`badge badge--${suspended ? 'suspended' : 'registered'}`} id="facility-status">
            {suspended ? tf.suspended : tf.registered}
          </span>
          {facility.affordable && <span class="badge badge--affordable">{t.search.affordableBadge}</span>}
        </div>
      </div>
      {suspended && (
        <div class="notice notice--warning facility-public__suspended">
          <p>
            <strong>{tf.suspended}</strong> {tf.suspendedNotice}
          </p>
        </div>
      )}

      <div class="facility-public__grid">
        <section class="card facility-public__facts" aria-labelledby="facts-title">
          <h2 id="facts-title" class="card__title">
            {tf.factsTitle}
          </h2>
          <dl class="facts">
            <Fact label={tf.registrationNo}>{facility.registrationNo || t.facility.none}</Fact>
            <Fact label={tf.kind}>{t.facility.kinds[facility.kind] ?? facility.kind}</Fact>
            <Fact label={tf.ownership}>{t.facility.ownerships[facility.ownership] ?? facility.ownership}</Fact>
            <Fact label={tf.region}>{facility.regionName}</Fact>
            <Fact label={tf.fee}>{t.search.fee(formatInteger(facility.monthlyFee, lang))}</Fact>
            <Fact label={tf.affordable}>{yesNo(facility.affordable)}</Fact>
            <Fact label={tf.medicalIntegrated}>{yesNo(facility.medicalIntegrated)}</Fact>
            <Fact label={tf.servesMeals}>{yesNo(facility.servesMeals)}</Fact>
            <Fact label={tf.serviceTypes}>
              {(facility.serviceTypes ?? []).map((type) => t.facility.serviceTypes[type] ?? type).join(lang === 'en' ? ', ' : '、') ||
                t.facility.none}
            </Fact>
            <Fact label={tf.ageGroups}>
              {(facility.ageGroups ?? []).map((group) => t.classes.ageGroups[group] ?? group).join(lang === 'en' ? ', ' : '、') ||
                t.facility.none}
            </Fact>
            <Fact label={tf.openingHours}>{facility.openingHours || t.facility.none}</Fact>
            <Fact label={tf.phone}>
              {facility.phone ? <a href={`tel:${facility.phone.replace(/[^\d+]/g, '')}`}>{facility.phone}</a> : tf.phoneNone}
            </Fact>
            {facility.registeredAt && (
              <Fact label={tf.registeredAt}>{formatDate(facility.registeredAt, lang) ?? facility.registeredAt}</Fact>
            )}
          </dl>
        </section>

        <section class="card facility-public__location" aria-labelledby="location-title">
          <h2 id="location-title" class="card__title">
            {tf.mapTitle}
          </h2>
          {approximate ? (
            <p class="facility-public__approximate" id="facility-approximate">
              {tf.approximate(facility.regionName)}
            </p>
          ) : (
            <p>
              <span class="facility-public__label">{tf.address}</span>
              {facility.address}
            </p>
          )}
          {facility.location && (
            <FacilityMap
              location={facility.location}
              approximate={approximate}
              label={approximate ? tf.mapLabelApproximate(facility.name) : tf.mapLabel(facility.name)}
            />
          )}
          <p class="facility-public__nearby">
            <Link href={searchNearHref(nearQuery)}>{tf.nearby}</Link>
          </p>
        </section>
      </div>

      <section class="panel-section" aria-labelledby="classes-title" id="facility-classes">
        <h2 id="classes-title">{tf.classesTitle}</h2>
        {facility.status === 'registered' && (facility.classes ?? []).length > 0 && (
          <p class="apply-box">
            <Link class="button" id="apply-link" href={paths.apply(facility.id)}>
              {t.applications.applyButton}
            </Link>{' '}
            <span class="section-intro">{t.applications.applyHint}</span>
          </p>
        )}
        {ageMonths !== null && forAge !== null && <AgePlaces places={forAge} ageMonths={ageMonths} now={now} />}
        <p class="section-intro">
          {tf.totals(formatInteger(facility.placeCount, lang), formatInteger(facility.vacancies, lang))}{' '}
          <FreshnessText updatedAt={facility.vacanciesUpdatedAt} stale={facility.vacanciesStale} now={now} />
        </p>
        {(facility.classes ?? []).length === 0 ? (
          <p class="empty-state">{tf.classesEmpty}</p>
        ) : (
          <ul class="item-list public-classes">
            {facility.classes.map((item, index) => (
              <li
                key={index}
                class="item-card"
                data-age-group={item.ageGroup}
                data-fits-age={forAge?.classes.includes(item) ? 'true' : undefined}
              >
                <h3 class="item-card__title">
                  {t.classes.ageGroups[item.ageGroup] ?? item.ageGroup}
                  {forAge?.classes.includes(item) && <span class="badge badge--fits-age">{ta.fits}</span>}
                </h3>
                <dl class="figures-row">
                  <div>
                    <dt>{tf.colPlaces}</dt>
                    <dd>{formatInteger(item.places, lang)}</dd>
                  </div>
                  <div>
                    <dt>{tf.colVacancies}</dt>
                    <dd>{formatInteger(item.vacancies, lang)}</dd>
                  </div>
                </dl>
                <p class="item-card__meta">
                  <FreshnessText updatedAt={item.updatedAt} stale={item.stale} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="panel-section" aria-labelledby="inspections-title" id="facility-inspections">
        <h2 id="inspections-title">{tf.inspectionsTitle}</h2>
        <p class="section-intro">{tf.inspectionsIntro}</p>
        <ul class="inspection-cards">
          {DOMAIN_ORDER.map((domain) => {
            const inspection = latest.find((item) => item.domain === domain);
            return (
              <li key={domain} class="card inspection-card" data-domain={domain}>
                <h3 class="inspection-card__domain">{t.inspections.domains[domain]}</h3>
                {inspection ? (
                  <>
                    <p class="inspection-card__outcome">
                      <OutcomeChip domain={domain} outcome={inspection.outcome} withDomain={false} />{' '}
                      <span class="inspection-card__date">
                        {tf.inspectedOn(formatDate(inspection.inspectedAt, lang) ?? inspection.inspectedAt)}
                      </span>
                    </p>
                    {inspection.summary && <p class="inspection-card__summary">{inspection.summary}</p>}
                  </>
                ) : (
                  <p class="inspection-card__none">{tf.neverInspected}</p>
                )}
              </li>
            );
          })}
        </ul>
        {earlier.length > 0 && (
          <details class="earlier-inspections">
            <summary>{tf.earlierInspections(earlier.length)}</summary>
            <ul class="earlier-inspections__list">
              {earlier.map((inspection, index) => (
                <li key={index}>
                  <p>
                    <OutcomeChip domain={inspection.domain} outcome={inspection.outcome} />{' '}
                    <span class="inspection-card__date">
                      {tf.inspectedOn(formatDate(inspection.inspectedAt, lang) ?? inspection.inspectedAt)}
                    </span>
                  </p>
                  {inspection.summary && <p class="inspection-card__summary">{inspection.summary}</p>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {(facility.incidents ?? []).length > 0 && (
        <section class="panel-section" aria-labelledby="incidents-title" id="facility-incidents">
          <h2 id="incidents-title">{t.incidents.publicTitle}</h2>
          <p class="section-intro">{t.incidents.publicIntro}</p>
          <ul class="public-incidents">
            {(facility.incidents ?? []).map((incident, index) => (
              <li key={index} data-kind={incident.kind}>
                {t.incidents.publicItem(
                  formatDate(incident.occurredOn, lang) ?? incident.occurredOn,
                  t.incidents.kinds[incident.kind],
                  t.incidents.severities[incident.severity],
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <CreditSection facility={facility} />

      <BackToSearch label={tf.backToSearch} />
    </>
  );
}

/** The operator's credit level and the facility's penalties of the last 3 years, and a way to complain. */
function CreditSection({ facility }: { facility: PublicFacility }) {
  const { lang } = useI18n();
  const c = useComplaintText();
  const credit = facility.credit;
  return (
    <section class="panel-section" aria-labelledby="credit-title" id="facility-credit">
      <h2 id="credit-title">{c.publicCredit}</h2>
      {credit && (
        <>
          <p id="facility-credit-level" data-level={credit.level}>
            {c.publicCreditLevel(c.levels[credit.level])}
          </p>
          {credit.penalties.length === 0 ? (
            <p>{c.publicPenaltiesNone}</p>
          ) : (
            <ul class="item-list" id="facility-penalties">
              {credit.penalties.map((p, index) => (
                <li key={index} class="item-card">
                  <p class="item-card__title">
                    {c.penaltyKinds[p.kind]} · {formatDate(p.decidedOn, lang)}
                  </p>
                  <p class="item-card__meta">{p.legalBasis}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <Link class="button button--secondary" id="complain-link" href={paths.complain(facility.id)}>
          {c.complainAboutThis}
        </Link>
      </p>
    </section>
  );
}

function BackToSearch({ label }: { label: string }) {
  return (
    <p class="back-link">
      <Link href={searchHref()}>
        <span aria-hidden="true">← </span>
        {label}
      </Link>
    </p>
  );
}

export function PublicFacilityPage({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const tf = t.publicFacility;
  const { state, reload } = useAsync((signal) => fetchPublicFacility(id, { lang, signal }), id);
  // The child's age of the search the page was opened from (links.ts facilityHref), read as the search reads it.
  const ageMonths = parseSearch(window.location.search).ageMonths;
  // Another language: ask again (the summaries come translated), keeping the page on screen meanwhile.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    reload();
  }, [lang, reload]);
  const notFound = state.status === 'error' && statusOf(state.error) === 404;
  const title = state.status === 'ready' ? state.value.name : notFound ? tf.notFoundTitle : t.app.title;
  useDocumentTitle(state.status === 'ready' || notFound ? `${title} · ${t.app.title}` : t.app.title);

  return (
    <div class="app app--document">
      <a class="skip-link" href="#main">
        {t.app.skipToMain}
      </a>
      <AppHeader linkHome={{ href: searchHref() }} />
      <main id="main" class="console-main facility-public" tabIndex={-1}>
        <BackToSearch label={tf.backToSearch} />
        {state.status === 'loading' && <Loading inline />}
        {state.status === 'ready' && <FacilityView facility={state.value} ageMonths={ageMonths} />}
        {notFound && (
          <div class="facility-public__missing" id="facility-not-found">
            <h1 class="page-heading__title" data-page-heading tabIndex={-1}>
              {tf.notFoundTitle}
            </h1>
            <p>{tf.notFoundBody}</p>
            <p>
              <Link href={searchHref()}>{tf.backToSearch}</Link>
            </p>
          </div>
        )}
        {state.status === 'error' && !notFound && (
          <div class="notice notice--error" role="alert">
            <p>{errorMessage(state.error, t, tf.loadFailed)}</p>
            <button type="button" class="button button--small" onClick={reload}>
              {t.app.retry}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
