// Page `/console/regulator`: the filings and the change filings waiting for review, and a search of every facility in
// the regulator's reach by status, unit and text.
import { useState } from 'preact/hooks';
import { FACILITY_STATUSES, listFacilities, type FacilityQuery, type FacilityStatus } from '../../../api/registry';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { SelectField, TextField } from '../../../components/fields';
import { AsyncStatus } from '../../../components/notice';
import { regionLabel, useRegions } from '../../../components/region-names';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from '../shared/console-text';
import { paths } from '../../../router/routes';
import { FacilityList } from '../shared/facility-list';
import { RequireRole } from '../shared/require-role';
import { ChangeQueue } from './change-queue';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';

const CITY_CODE = '220100';

function Queue() {
  const { lang, t } = useConsoleI18n();
  const { state, reload } = useAsync((signal) => listFacilities({ status: 'submitted', limit: 100 }, { lang, signal }), 'queue');
  return (
    <section class="panel-section" aria-labelledby="queue-title" id="review-queue">
      <div class="section-head">
        <h2 id="queue-title">{t.regulator.queueTitle}</h2>
        <button type="button" class="button button--small button--secondary" onClick={reload}>
          {t.console.reload}
        </button>
      </div>
      <AsyncStatus state={state} />
      {state.status === 'ready' && state.value.items.length === 0 && <p>{t.regulator.queueEmpty}</p>}
      {state.status === 'ready' && state.value.items.length > 0 && (
        <FacilityList items={state.value.items} hrefOf={(facility) => paths.regulatorFacility(facility.id)} labelledBy="queue-title" />
      )}
    </section>
  );
}

function Search() {
  const { lang, t } = useConsoleI18n();
  const { session } = useSession();
  const regions = useRegions();
  const [filter, setFilter] = useState<{ q: string; status: FacilityStatus | ''; regionCode: string }>({
    q: '',
    status: '',
    regionCode: '',
  });
  const [query, setQuery] = useState<FacilityQuery>({});
  const results = usePagedList(
    (cursor, signal) => listFacilities({ ...query, limit: 20, cursor }, { lang, signal }),
    JSON.stringify(query),
  );
  const { state } = results;

  // A district regulator's reach is its unit: offer only that one; city-level regulators and admins get all 15.
  const reach = session?.user.regionCode && session.user.regionCode !== CITY_CODE ? session.user.regionCode : null;
  const units = regions.filter((region) => region.level !== 'city' && (!reach || region.code === reach));
  return (
    <section class="panel-section" aria-labelledby="search-title">
      <h2 id="search-title">{t.regulator.searchTitle}</h2>
      <form
        class="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ q: filter.q.trim(), status: filter.status, regionCode: filter.regionCode });
        }}
      >
        <TextField
          id="search-q"
          type="search"
          label={t.regulator.q}
          value={filter.q}
          onInput={(q) => setFilter((previous) => ({ ...previous, q }))}
        />
        <SelectField<FacilityStatus>
          id="search-status"
          label={t.regulator.status}
          value={filter.status}
          placeholder={t.regulator.anyStatus}
          options={FACILITY_STATUSES.map((status) => ({ value: status, label: t.status[status] }))}
          onChange={(status) => setFilter((previous) => ({ ...previous, status }))}
        />
        <SelectField<string>
          id="search-region"
          label={t.regulator.region}
          value={filter.regionCode}
          placeholder={t.regulator.anyRegion}
          options={units.map((region) => ({ value: region.code, label: regionLabel(regions, region.code, lang) ?? region.code }))}
          onChange={(regionCode) => setFilter((previous) => ({ ...previous, regionCode }))}
        />
        <div class="search-form__submit">
          <button type="submit" class="button">
            {t.regulator.search}
          </button>
        </div>
      </form>
      <AsyncStatus state={state} />
      {state.status === 'ready' && (
        <>
          <p class="section-intro" role="status" id="search-count">
            {results.items.length === 0 ? t.regulator.noResults : t.regulator.results(results.items.length, results.hasMore)}
          </p>
          {results.items.length > 0 && (
            <FacilityList items={results.items} hrefOf={(facility) => paths.regulatorFacility(facility.id)} labelledBy="search-count" />
          )}
        </>
      )}
      <LoadMore list={results} />
    </section>
  );
}

export function RegulatorHomePage() {
  const { t } = useConsoleI18n();
  return (
    <RequireRole roles={['regulator', 'admin']}>
      <ConsolePage title={t.console.regulatorTitle}>
        <div class="console-columns">
          <div class="console-stack">
            <Queue />
            <ChangeQueue />
          </div>
          <Search />
        </div>
      </ConsolePage>
    </RequireRole>
  );
}
