// The count on the console header's orders link: what waits for the signed-in user — open and
// responded orders for an operator (to put right, or waiting for verification), responded orders a
// regulator may verify. Counted from the first page of each list (100), so "99+" beyond that.
// Pages that change orders call `announceOrdersChanged()`, and every count shown is fetched again.
import { listOrders, mayVerify, type OrderFilter } from '../api/inspections';
import type { SessionUser } from '../api/types';
import { sharedResource } from './shared-data';
import { useShared } from './use-shared';

const LIMIT = 100;

export interface OrderCount {
  count: number;
  more: boolean;
}

const userKey = (user: SessionUser) => user.id;

/** The count per user, kept for the page load (shared-data.ts). */
export const orderCounts = sharedResource<SessionUser, OrderCount>(async (user) => {
  const statuses: OrderFilter[] = user.role === 'operator' ? ['open', 'responded'] : ['responded'];
  const pages = await Promise.all(statuses.map((status) => listOrders({ status, limit: LIMIT })));
  const items = pages.flatMap((page) => page.items).filter((order) => user.role === 'operator' || mayVerify(user, order.domain));
  return { count: items.length, more: pages.some((page) => page.nextCursor !== null) };
}, userKey);

export function announceOrdersChanged(): void {
  orderCounts.refresh();
}

export function useOrderCount(user: SessionUser | undefined): OrderCount | null {
  const counted = user && (user.role === 'operator' || user.role === 'regulator');
  return useShared(orderCounts, counted ? user : null, userKey);
}
