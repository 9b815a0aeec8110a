// Page `/console/operator`: the operator's own facilities with their status, the way to register
// another, and the open alerts of its facilities (expiring certificates and the like) with a count.
import { listFacilities } from '../../../api/registry';
import { ConsolePage } from '../../../components/console-page';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { useConsoleI18n } from '../shared/console-text';
import { AsyncStatus } from '../../../components/notice';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { AlertInbox } from '../shared/alert-inbox';
import { FacilityList } from '../shared/facility-list';
import { RequireRole } from '../shared/require-role';

function OperatorFacilities() {
  const { lang, t } = useConsoleI18n();
  const list = usePagedList((cursor, signal) => listFacilities({ limit: 50, cursor }, { lang, signal }), 'own');
  const { state } = list;

  return (
    <ConsolePage
      title={t.console.operatorTitle}
      aside={
        <Link class="button" href={paths.operatorNewFacility()}>
          {t.console.newFacility}
        </Link>
      }
    >
      <AsyncStatus state={state} />
      {state.status === 'ready' && list.items.length === 0 && (
        <div class="empty-state">
          <p>{t.console.noFacilities}</p>
          <Link class="button" href={paths.operatorNewFacility()}>
            {t.console.newFacility}
          </Link>
        </div>
      )}
      {state.status === 'ready' && list.items.length > 0 && (
        <FacilityList items={list.items} hrefOf={(facility) => paths.operatorFacility(facility.id)} />
      )}
      <LoadMore list={list} />
      <AlertInbox
        headingId="operator-alerts-title"
        title={t.operatorAlerts.title}
        intro={t.operatorAlerts.intro}
        facilityHref={(id) => paths.operatorFacility(id)}
      />
    </ConsolePage>
  );
}

export function OperatorHomePage() {
  return (
    <RequireRole roles={['operator']}>
      <OperatorFacilities />
    </RequireRole>
  );
}
