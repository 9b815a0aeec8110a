// Labelled badges for inspections and orders: severity, outcome, order status, overdue. Text, not
// colour alone, carries the meaning.
import type { OrderStatus, Outcome, Severity } from '../../../api/inspections';
import { useConsoleI18n } from '../shared/console-text';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useConsoleI18n();
  return <span class={`badge badge--severity-${severity}`}>{t.inspections.severities[severity] ?? severity}</span>;
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useConsoleI18n();
  return <span class={`badge badge--outcome-${outcome}`}>{t.inspections.outcomes[outcome] ?? outcome}</span>;
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useConsoleI18n();
  return <span class={`badge badge--order-${status}`}>{t.orders.statuses[status] ?? status}</span>;
}

export function OverdueBadge() {
  const { t } = useConsoleI18n();
  return <span class="badge badge--overdue">{t.orders.overdue}</span>;
}
