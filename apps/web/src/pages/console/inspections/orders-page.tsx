// Page `/console/orders`: the rectification orders in the caller's reach (an operator's own
// facilities, a regulator's region), by status: open, responded, overdue, resolved (`?status=`).
// Operators respond to open orders; regulators verify responded ones of their agency's domains
// (health: any). Facility names come from GET /facilities/{id}, once per facility.
import { useEffect, useState } from 'preact/hooks';
import { listOrders, ORDER_FILTERS, type Checklist, type OrderFilter } from '../../../api/inspections';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { AsyncStatus, Notice } from '../../../components/notice';
import { Tabs } from '../../../components/tabs';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from '../shared/console-text';
import { useSearchParam } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { announceOrdersChanged, facilityName, loadChecklists } from './lookups';
import { OrderCard } from './order-card';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';

const PAGE = 50;

function isFilter(value: string | null): value is OrderFilter {
  return (ORDER_FILTERS as readonly string[]).includes(value ?? '');
}

function OrdersScreen() {
  const { lang, t } = useConsoleI18n();
  const { session } = useSession();
  const user = session!.user;
  const initial = useSearchParam('status');
  const [filter, setFilter] = useState<OrderFilter>(isFilter(initial) ? initial : user.role === 'operator' ? 'open' : 'responded');
  const [names, setNames] = useState<Record<string, string | null>>({});
  const [message, setMessage] = useState<string | null>(null);
  const checklists = useAsync(() => loadChecklists(lang).catch(() => [] as Checklist[]), 'checklists');
  const list = usePagedList((cursor, signal) => listOrders({ status: filter, limit: PAGE, cursor }, { lang, signal }), filter);
  const { state } = list;

  // Names of the facilities on the list, each looked up once (cached across pages).
  useEffect(() => {
    let live = true;
    for (const facilityId of new Set(list.items.map((order) => order.facilityId))) {
      if (facilityId in names) continue;
      void facilityName(facilityId, lang).then((name) => live && setNames((previous) => ({ ...previous, [facilityId]: name })));
    }
    return () => {
      live = false;
    };
  }, [list.items]);

  const select = (key: OrderFilter) => {
    setFilter(key);
    setMessage(null);
    const url = new URL(window.location.href);
    url.searchParams.set('status', key);
    window.history.replaceState(window.history.state, '', url);
  };

  const hrefOf = (facilityId: string) =>
    user.role === 'operator' ? `${paths.operatorFacility(facilityId)}?tab=inspections` : paths.regulatorFacility(facilityId, 'inspections');
  const all = checklists.state.status === 'ready' ? checklists.state.value : [];

  return (
    <ConsolePage title={t.orders.title}>
      <p class="section-intro">{t.orders.intro}</p>
      {message && (
        <Notice kind="success" id="orders-result">
          {message}
        </Notice>
      )}
      <Tabs
        label={t.orders.filterLabel}
        idPrefix="orders"
        tabs={ORDER_FILTERS.map((key) => ({ key, label: t.orders.filters[key] }))}
        selected={filter}
        onSelect={select}
      >
        <AsyncStatus state={state} />
        {state.status === 'ready' && list.items.length === 0 && <p>{t.orders.empty}</p>}
        {state.status === 'ready' && list.items.length > 0 && (
          <>
            <p class="section-intro" id="orders-count">
              {t.orders.count(list.items.length, list.hasMore)}
            </p>
            <ul class="item-list order-list" aria-labelledby="orders-count">
              {list.items.map((order) => (
                <OrderCard
                  key={order.id}
                  order={order}
                  checklists={all}
                  user={user}
                  facility={{ name: names[order.facilityId], href: hrefOf(order.facilityId) }}
                  actions
                  onChanged={(next, text) => {
                    list.updateItems((items) => items.map((item) => (item.id === next.id ? next : item)));
                    setMessage(text);
                    announceOrdersChanged();
                  }}
                />
              ))}
            </ul>
          </>
        )}
        <LoadMore list={list} />
      </Tabs>
    </ConsolePage>
  );
}

export function OrdersPage() {
  return (
    <RequireRole roles={['operator', 'regulator', 'admin']}>
      <OrdersScreen />
    </RequireRole>
  );
}
