// The count on the console header's orders link: what waits for the signed-in user — open and
// responded orders for an operator (to put right, or waiting for verification), responded orders a
// regulator may verify. Counted from the first page of each list (100), so "99+" beyond that.
// Pages that change orders call `announceOrdersChanged()`, and the count is fetched again.
import { useEffect, useState } from 'preact/hooks';
import { listOrders, mayVerify, type OrderFilter } from '../api/inspections';
import type { SessionUser } from '../api/types';

const ORDERS_CHANGED_EVENT = 'app:orders-changed';
const LIMIT = 100;

export function announceOrdersChanged(): void {
  window.dispatchEvent(new CustomEvent(ORDERS_CHANGED_EVENT));
}

/** The last count per user, so a new page shows it at once while it is fetched again. */
let last: { userId: string; count: OrderCount } | null = null;

export interface OrderCount {
  count: number;
  more: boolean;
}

async function countFor(user: SessionUser, signal: AbortSignal): Promise<OrderCount> {
  const statuses: OrderFilter[] = user.role === 'operator' ? ['open', 'responded'] : ['responded'];
  const pages = await Promise.all(statuses.map((status) => listOrders({ status, limit: LIMIT }, { signal })));
  const items = pages.flatMap((page) => page.items).filter((order) => user.role === 'operator' || mayVerify(user, order.domain));
  return { count: items.length, more: pages.some((page) => page.nextCursor !== null) };
}

export function useOrderCount(user: SessionUser | undefined): OrderCount | null {
  const [count, setCount] = useState<OrderCount | null>(user && last?.userId === user.id ? last.count : null);
  const [attempt, setAttempt] = useState(0);
  const counted = user && (user.role === 'operator' || user.role === 'regulator');

  useEffect(() => {
    const onChange = () => setAttempt((n) => n + 1);
    window.addEventListener(ORDERS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(ORDERS_CHANGED_EVENT, onChange);
  }, []);

  useEffect(() => {
    if (!user || !counted) return;
    const controller = new AbortController();
    countFor(user, controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        last = { userId: user.id, count: value };
        setCount(value);
      },
      () => undefined, // no badge when it cannot be counted; the inbox says why
    );
    return () => controller.abort();
  }, [user?.id, attempt]);

  return counted ? count : null;
}
