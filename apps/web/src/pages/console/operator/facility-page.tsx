// Page `/console/operator/facilities/:id`: one of the operator's facilities, in tabs: profile
// (edit), classes, staff, compliance and filing, change filings and 普惠 status (once registered), inspections and orders (read-only), history, and closing. The facility and its ETag
// live here; every tab that changes it hands back the new version.
import { useState } from 'preact/hooks';
import { getFacility, type Facility, type Versioned } from '../../../api/registry';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { StatusBadge } from '../../../components/status-badge';
import { Tabs } from '../../../components/tabs';
import { useAsync } from '../../../components/use-async';
import { useI18n } from '../../../i18n/i18n';
import { Link, useSearchParam } from '../../../router/router';
import { paths } from '../../../router/routes';
import { PenaltiesSection } from '../complaints/penalties-section';
import { DrillsSection } from '../incidents/drills-section';
import { InspectionRecord } from '../inspections/inspection-record';
import { CloseFlow } from '../shared/close-flow';
import { FacilityHeader } from '../shared/facility-header';
import { HistoryView } from '../shared/history-view';
import { RequireRole } from '../shared/require-role';
import { ChangesSection } from './changes-section';
import { ClassesSection } from './classes-section';
import { FilingSection } from './filing-section';
import { ProfileForm } from './profile-form';
import { StaffSection } from './staff-section';

const TAB_KEYS = ['profile', 'classes', 'staff', 'filing', 'changes', 'inspections', 'drills', 'penalties', 'history', 'close'] as const;
type TabKey = (typeof TAB_KEYS)[number];

function isTab(value: string | null): value is TabKey {
  return (TAB_KEYS as readonly string[]).includes(value ?? '');
}

/** Drills are logged from submission on (docs/api.md "Incidents (突发事件) and drills": submitted, registered, suspended); a closed facility's stay readable. */
const DRILL_STATUSES: readonly string[] = ['submitted', 'registered', 'suspended'];

function shownTab(key: TabKey, status: Facility['status']): boolean {
  // Change filings and closing begin with the registration; drills and penalties with the filing.
  if (key === 'close' || key === 'changes') return ['registered', 'suspended', 'closed'].includes(status);
  if (key === 'drills' || key === 'penalties') return status !== 'draft';
  return true;
}

/** Where the owner may change the profile and classes (docs/api.md "Facilities (registry and filing)": PATCH in draft and registered). */
function isEditable(facility: Facility): boolean {
  return facility.status === 'draft' || facility.status === 'registered';
}

function FacilityScreen({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const { state, reload, setValue } = useAsync((signal) => getFacility(id, { lang, signal }), id);
  const initialTab = useSearchParam('tab');
  const created = useSearchParam('created') === '1';
  const [tab, setTab] = useState<TabKey>(isTab(initialTab) ? initialTab : 'profile');
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning' | 'info'; text: string } | null>(
    created ? { kind: 'success', text: t.console.created } : null,
  );

  const selectTab = (key: TabKey) => {
    setTab(key);
    setNotice(null);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', key);
    url.searchParams.delete('created');
    window.history.replaceState(window.history.state, '', url);
  };

  const back = { href: paths.operatorHome(), label: t.console.backToList };
  if (state.status === 'loading') {
    return (
      <ConsolePage title={t.console.facilityTitle} back={back}>
        <Loading inline />
      </ConsolePage>
    );
  }
  if (state.status === 'error') {
    return (
      <ConsolePage title={t.console.facilityTitle} back={back}>
        <Notice kind="error">{errorMessage(state.error, t)}</Notice>
      </ConsolePage>
    );
  }

  const current = state.value;
  const facility = current.data;
  const editable = isEditable(facility);
  const update = (next: Versioned<Facility>) => setValue(next);
  const tabs = TAB_KEYS.filter((key) => shownTab(key, facility.status)).map((key) => ({ key, label: t.console.tabs[key] }));

  return (
    <ConsolePage title={facility.name} back={back} aside={<StatusBadge status={facility.status} />}>
      <FacilityHeader facility={facility} />
      {['submitted', 'registered', 'suspended'].includes(facility.status) && (
        <p class="report-incident">
          <Link id="report-incident" class="button button--secondary" href={paths.operatorReportIncident(facility.id)}>
            {t.incidents.reportAction}
          </Link>
        </p>
      )}
      {facility.status === 'registered' && (
        <p>
          <Link id="applicants-link" href={paths.applicants(facility.id)}>
            {t.applications.applicantsLink}
          </Link>
        </p>
      )}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <Tabs
        label={t.console.tabs.label}
        idPrefix="facility"
        tabs={tabs}
        selected={tabs.some((item) => item.key === tab) ? tab : 'profile'}
        onSelect={selectTab}
      >
        {tab === 'profile' && (
          <>
            {!editable && <Notice kind="info">{t.console.notEditable(t.status[facility.status])}</Notice>}
            <ProfileForm
              key={`${facility.id}:${facility.version}`}
              facility={current}
              editable={editable}
              onSaved={(saved) => {
                update(saved);
                setNotice({ kind: 'success', text: t.console.saved });
              }}
              onStale={() => {
                setNotice({ kind: 'warning', text: t.console.stale });
                reload();
              }}
            />
          </>
        )}
        {tab === 'classes' && <ClassesSection facilityId={facility.id} editable={editable} />}
        {tab === 'staff' && <StaffSection facilityId={facility.id} editable={facility.status !== 'closed'} />}
        {tab === 'filing' && <FilingSection facility={facility} onFacility={update} />}
        {tab === 'changes' && <ChangesSection facility={facility} />}
        {tab === 'inspections' && session && <InspectionRecord facility={facility} user={session.user} />}
        {tab === 'drills' && <DrillsSection facilityId={facility.id} editable={DRILL_STATUSES.includes(facility.status)} />}
        {tab === 'penalties' && <PenaltiesSection facilityId={facility.id} />}
        {tab === 'history' && <HistoryView facilityId={facility.id} refreshKey={facility.version} />}
        {tab === 'close' && <CloseFlow idPrefix="operator" facility={facility} onClosed={update} canClose />}
      </Tabs>
    </ConsolePage>
  );
}

export function OperatorFacilityPage({ id }: { id: string }) {
  return (
    <RequireRole roles={['operator']}>
      <FacilityScreen id={id} />
    </RequireRole>
  );
}
