// Page `/console/regulator/facilities/:id`: a facility's whole record for review (profile,
// classes, staff with masked ID numbers, compliance, inspections and orders, history) and the health
// regulator's actions; a regulator of an inspecting agency starts inspections here.
import { useState } from 'preact/hooks';
import { isHealthRegulator } from '../../../api/auth';
import { getFacility, type Facility, type Versioned } from '../../../api/registry';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { StatusBadge } from '../../../components/status-badge';
import { Tabs } from '../../../components/tabs';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from '../shared/console-text';
import { AsyncStatus } from '../../../components/notice';
import { useSearchParam } from '../../../router/router';
import { paths } from '../../../router/routes';
import { PenaltiesSection } from '../complaints/penalties-section';
import { DrillsSection } from '../incidents/drills-section';
import { InspectionRecord, InspectStart } from '../inspections/inspection-record';
import { CloseFlow } from '../shared/close-flow';
import { ComplianceView } from '../shared/compliance-view';
import { FacilityHeader } from '../shared/facility-header';
import { HistoryView } from '../shared/history-view';
import { ProfileView } from '../shared/profile-view';
import { ClassesView, StaffView } from '../shared/records-views';
import { RequireRole } from '../shared/require-role';
import { AffordableDecisionPanel } from './affordable-decision';
import { ReviewActions } from './review-actions';

const TAB_KEYS = ['profile', 'classes', 'staff', 'filing', 'inspections', 'drills', 'penalties', 'history', 'close'] as const;
type TabKey = (typeof TAB_KEYS)[number];

function isTab(value: string | null): value is TabKey {
  return (TAB_KEYS as readonly string[]).includes(value ?? '');
}

function ReviewScreen({ id }: { id: string }) {
  const { lang, t } = useConsoleI18n();
  const { session } = useSession();
  const { state, setValue } = useAsync((signal) => getFacility(id, { lang, signal }), id);
  const initialTab = useSearchParam('tab');
  const [tab, setTab] = useState<TabKey>(isTab(initialTab) ? initialTab : 'profile');
  const back = { href: paths.regulatorHome(), label: t.console.backToList };

  if (state.status !== 'ready' || !session) {
    return (
      <ConsolePage title={t.regulator.reviewTitle} back={back}>
        <AsyncStatus state={state} />
      </ConsolePage>
    );
  }

  const facility = state.value.data;
  const update = (next: Versioned<Facility>) => setValue(next);
  const showClose = ['registered', 'suspended', 'closed'].includes(facility.status);
  const tabs = TAB_KEYS.filter((key) =>
    key === 'close' ? showClose : !['drills', 'penalties'].includes(key) || facility.status !== 'draft',
  ).map((key) => ({
    key,
    label: key === 'filing' ? t.compliance.title : t.console.tabs[key],
  }));

  return (
    <ConsolePage title={facility.name} back={back} aside={<StatusBadge status={facility.status} />}>
      <FacilityHeader facility={facility} />
      {!isHealthRegulator(session.user) && <InspectStart facility={facility} user={session.user} />}
      <ReviewActions
        facility={facility}
        user={session.user}
        onFacility={update}
        onOpenClose={() => {
          setTab('close');
          window.setTimeout(() => document.getElementById('review-tab-close')?.focus(), 0);
        }}
      />
      {isHealthRegulator(session.user) && <InspectStart facility={facility} user={session.user} />}
      <Tabs
        label={t.console.tabs.label}
        idPrefix="review"
        tabs={tabs}
        selected={tabs.some((item) => item.key === tab) ? tab : 'profile'}
        onSelect={setTab}
      >
        {tab === 'profile' && (
          <>
            <AffordableDecisionPanel facility={facility} canDecide={isHealthRegulator(session.user)} onFacility={update} />
            <ProfileView facility={facility} />
          </>
        )}
        {tab === 'classes' && <ClassesView facilityId={facility.id} />}
        {tab === 'staff' && <StaffView facilityId={facility.id} />}
        {tab === 'filing' && <ComplianceView facilityId={facility.id} refreshKey={facility.version} />}
        {tab === 'inspections' && <InspectionRecord facility={facility} user={session.user} onFacility={update} />}
        {tab === 'drills' && <DrillsSection facilityId={facility.id} editable={false} />}
        {tab === 'penalties' && <PenaltiesSection facilityId={facility.id} />}
        {tab === 'history' && <HistoryView facilityId={facility.id} refreshKey={facility.version} />}
        {tab === 'close' && (
          <CloseFlow idPrefix="review" facility={facility} onClosed={update} canClose={isHealthRegulator(session.user)} />
        )}
      </Tabs>
    </ConsolePage>
  );
}

export function RegulatorFacilityPage({ id }: { id: string }) {
  return (
    <RequireRole roles={['regulator', 'admin']}>
      <ReviewScreen id={id} />
    </RequireRole>
  );
}
