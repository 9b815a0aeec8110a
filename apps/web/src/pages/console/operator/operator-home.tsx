// Page `/console/operator`: the operator's own facilities with their status, the way to register
// another, and the open alerts of its facilities (expiring certificates and the like) with a count.
import { useState } from 'preact/hooks';
import { listFacilities, type Facility } from '../../../api/registry';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { AlertInbox } from '../shared/alert-inbox';
import { FacilityList } from '../shared/facility-list';
import { RequireRole } from '../shared/require-role';

function OperatorFacilities() {
  const { lang, t } = useI18n();
  const [extra, setExtra] = useState<{ items: Facility[]; cursor: string | null }>({ items: [], cursor: null });
  const [moreError, setMoreError] = useState<string | null>(null);
  const { state } = useAsync(async (signal) => {
    const page = await listFacilities({ limit: 50 }, { lang, signal });
    setExtra({ items: [], cursor: page.nextCursor });
    return page.items;
  }, 'own');

  const loadMore = async () => {
    setMoreError(null);
    try {
      const page = await listFacilities({ limit: 50, cursor: extra.cursor }, { lang });
      setExtra((previous) => ({ items: [...previous.items, ...page.items], cursor: page.nextCursor }));
    } catch (error) {
      setMoreError(errorMessage(error, t));
    }
  };

  return (
    <ConsolePage
      title={t.console.operatorTitle}
      aside={
        <Link class="button" href={paths.operatorNewFacility()}>
          {t.console.newFacility}
        </Link>
      }
    >
      {state.status === 'loading' && <Loading inline />}
      {state.status === 'error' && <Notice kind="error">{errorMessage(state.error, t)}</Notice>}
      {state.status === 'ready' && state.value.length === 0 && (
        <div class="empty-state">
          <p>{t.console.noFacilities}</p>
          <Link class="button" href={paths.operatorNewFacility()}>
            {t.console.newFacility}
          </Link>
        </div>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <FacilityList items={[...state.value, ...extra.items]} hrefOf={(facility) => paths.operatorFacility(facility.id)} />
      )}
      {moreError && <Notice kind="error">{moreError}</Notice>}
      {extra.cursor && (
        <button type="button" class="button button--secondary" onClick={loadMore}>
          {t.console.loadMore}
        </button>
      )}
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
