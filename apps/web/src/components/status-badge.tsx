// A facility's status as a labelled badge (text, not colour alone, carries the meaning).
import type { FacilityStatus } from '../api/registry';
import { useI18n } from '../i18n/i18n';

export function StatusBadge({ status }: { status: FacilityStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge--${status}`}>{t.status[status] ?? status}</span>;
}
