// The count of open alerts for the signed-in user (the console header's dashboard link for
// regulators, the operator's home): counted from the first page (100), so "99+" beyond that.
import { listAlerts } from '../api/targets';
import type { SessionUser } from '../api/types';
import { sharedResource } from './shared-data';
import { useShared } from './use-shared';

const LIMIT = 100;

export interface AlertCount {
  count: number;
  more: boolean;
}

const userKey = (user: SessionUser) => user.id;

/** The count per user, kept for the page load (shared-data.ts); `alertCounts.refresh()` after resolving alerts. */
export const alertCounts = sharedResource<SessionUser, AlertCount>(async () => {
  const page = await listAlerts({ status: 'open', limit: LIMIT });
  return { count: page.items.length, more: page.nextCursor !== null };
}, userKey);

export function useAlertCount(user: SessionUser | undefined): AlertCount | null {
  return useShared(alertCounts, user ?? null, userKey);
}
