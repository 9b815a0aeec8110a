// The count of open alerts for the signed-in user (the console header's dashboard link for
// regulators, the operator's home): counted from the first page (100), so "99+" beyond that.
import { useEffect, useState } from 'preact/hooks';
import { listAlerts } from '../api/targets';
import type { SessionUser } from '../api/types';

const LIMIT = 100;

export interface AlertCount {
  count: number;
  more: boolean;
}

/** The last count per user, so a new page shows it at once while it is fetched again. */
let last: { userId: string; count: AlertCount } | null = null;

export function useAlertCount(user: SessionUser | undefined): AlertCount | null {
  const [count, setCount] = useState<AlertCount | null>(user && last?.userId === user.id ? last.count : null);
  useEffect(() => {
    if (!user) return;
    const controller = new AbortController();
    listAlerts({ status: 'open', limit: LIMIT }, { signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        const value = { count: page.items.length, more: page.nextCursor !== null };
        last = { userId: user.id, count: value };
        setCount(value);
      },
      () => undefined, // no badge when it cannot be counted; the inbox says why
    );
    return () => controller.abort();
  }, [user?.id]);
  return user ? count : null;
}
