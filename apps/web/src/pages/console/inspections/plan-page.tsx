// Page `/console/plan` (regulators, admins): the inspection plan, facilities in reach once per
// domain by risk score, with the reasons in the page's language, the last inspection, a link to the
// facility's record and, for the regulator's own agency's domains, to the inspection form.
// Filters: domain, due only, unit.
import { useState } from 'preact/hooks';
import { DOMAINS, domainsOf, getInspectionPlan, type Domain, type PlanItem, type PlanQuery } from '../../../api/inspections';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { CheckboxField, SelectField } from '../../../components/fields';
import { AsyncStatus } from '../../../components/notice';
import { regionLabel, useRegions } from '../../../components/region-names';
import { formatDate } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';

const CITY_CODE = '220100';
const PAGE = 30;

function riskLevel(score: number): 'high' | 'medium' | 'low' {
  return score >= 60 ? 'high' : score >= 30 ? 'medium' : 'low';
}

function PlanRow({ item, inspectable }: { item: PlanItem; inspectable: boolean }) {
  const { lang, t } = useConsoleI18n();
  const regions = useRegions();
  const domain = t.inspections.domains[item.domain];
  const reasons = lang === 'en' ? item.reasonsEn : item.reasons;
  return (
    <li class="item-card plan-row" data-facility-id={item.facilityId} data-domain={item.domain}>
      <div class="plan-row__head">
        <p class={`risk risk--${riskLevel(item.riskScore)}`} aria-label={`${t.plan.risk} ${item.riskScore}`}>
          <span class="risk__score">{item.riskScore}</span>
          <span class="risk__label" aria-hidden="true">
            {t.plan.risk}
          </span>
        </p>
        <div class="plan-row__title">
          <Link class="item-card__title" href={paths.regulatorFacility(item.facilityId, 'inspections')}>
            {item.name}
          </Link>
          <p class="item-card__meta">
            <span class="badge badge--domain">{domain}</span> {regionLabel(regions, item.regionCode, lang) ?? item.regionCode}
            {item.due && <span class="badge badge--due">{t.plan.due}</span>}
          </p>
        </div>
      </div>
      <p class="item-card__meta">
        {item.lastInspectedAt ? t.plan.lastInspected(formatDate(item.lastInspectedAt, lang) ?? item.lastInspectedAt) : t.plan.never}
      </p>
      {reasons.length > 0 ? (
        <ul class="plan-row__reasons" aria-label={t.plan.reasons}>
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p class="item-card__meta">{t.plan.noReasons}</p>
      )}
      <div class="item-card__actions">
        <Link class="button button--small button--secondary" href={paths.regulatorFacility(item.facilityId, 'inspections')}>
          {t.plan.record}
        </Link>
        {inspectable && (
          <Link class="button button--small" href={paths.regulatorInspect(item.facilityId, item.domain)}>
            {t.plan.inspect(domain)}
          </Link>
        )}
      </div>
    </li>
  );
}

function PlanScreen() {
  const { lang, t } = useConsoleI18n();
  const { session } = useSession();
  const user = session!.user;
  const regions = useRegions();
  const own = domainsOf(user);
  const [form, setForm] = useState<{ domain: Domain | ''; dueOnly: boolean; regionCode: string }>({
    domain: own.length === 1 ? own[0]! : '',
    dueOnly: false,
    regionCode: '',
  });
  const [query, setQuery] = useState<PlanQuery>(form);
  const list = usePagedList(
    (cursor, signal) => getInspectionPlan({ ...query, limit: PAGE, cursor }, { lang, signal }),
    JSON.stringify(query),
  );
  const { state } = list;

  const reach = user.regionCode && user.regionCode !== CITY_CODE ? user.regionCode : null;
  const units = regions.filter((region) => region.level !== 'city' && (!reach || region.code === reach));
  return (
    <ConsolePage title={t.plan.title}>
      <p class="section-intro">{t.plan.intro}</p>
      <form
        class="search-form plan-filters"
        role="search"
        aria-label={t.plan.title}
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ ...form });
        }}
      >
        <SelectField<Domain>
          id="plan-domain"
          label={t.plan.domain}
          value={form.domain}
          placeholder={t.plan.anyDomain}
          options={DOMAINS.map((domain) => ({ value: domain, label: t.inspections.domains[domain] }))}
          onChange={(domain) => setForm((previous) => ({ ...previous, domain }))}
        />
        <SelectField<string>
          id="plan-region"
          label={t.plan.region}
          value={form.regionCode}
          placeholder={t.plan.anyRegion}
          options={units.map((region) => ({ value: region.code, label: regionLabel(regions, region.code, lang) ?? region.code }))}
          onChange={(regionCode) => setForm((previous) => ({ ...previous, regionCode }))}
        />
        <CheckboxField
          id="plan-due"
          label={t.plan.dueOnly}
          checked={form.dueOnly}
          onChange={(dueOnly) => setForm((previous) => ({ ...previous, dueOnly }))}
        />
        <div class="search-form__submit">
          <button type="submit" class="button">
            {t.plan.apply}
          </button>
        </div>
      </form>
      <AsyncStatus state={state} />
      {state.status === 'ready' && (
        <>
          <p class="section-intro" role="status" id="plan-count">
            {list.items.length === 0 ? t.plan.empty : t.plan.results(list.items.length, list.hasMore)}
          </p>
          {list.items.length > 0 && (
            <ol class="item-list plan-list" aria-labelledby="plan-count">
              {list.items.map((item) => (
                <PlanRow key={`${item.facilityId}:${item.domain}`} item={item} inspectable={own.includes(item.domain)} />
              ))}
            </ol>
          )}
        </>
      )}
      <LoadMore list={list} />
    </ConsolePage>
  );
}

export function PlanPage() {
  return (
    <RequireRole roles={['regulator', 'admin']}>
      <PlanScreen />
    </RequireRole>
  );
}
