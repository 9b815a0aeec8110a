// Open alerts (docs/targets.md "Alerts"), grouped by kind with counts: each with its message in the
// page's language, the due date and a link to the facility when there is one. A filter by kind.
// The dashboard shows the regulator's; the operator's home shows those of its facilities.
import { useState } from 'preact/hooks';
import { ALERT_KINDS, listAlerts, type Alert, type AlertKind } from '../../../api/targets';
import { errorMessage } from '../../../components/error-message';
import { SelectField } from '../../../components/fields';
import { Loading } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { formatDate } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../router/router';

const LIMIT = 100;

function AlertItem({ alert, facilityHref }: { alert: Alert; facilityHref: (id: string) => string }) {
  const { lang, t } = useI18n();
  const due = alert.dueOn ? formatDate(alert.dueOn, lang) : null;
  return (
    <li class="alert-item" data-alert-id={alert.id} data-kind={alert.kind}>
      <p class="alert-item__message">{lang === 'en' ? alert.messageEn || alert.message : alert.message}</p>
      <p class="item-card__meta">
        {due && <span class="alert-item__due">{t.dashboard.dueOn(due)}</span>}
        {alert.facilityId && (
          <Link class="alert-item__link" href={facilityHref(alert.facilityId)}>
            {t.dashboard.openFacility}
          </Link>
        )}
      </p>
    </li>
  );
}

export interface AlertInboxProps {
  /** The section heading's id (and the section's name). */
  headingId: string;
  title: string;
  intro: string;
  facilityHref: (id: string) => string;
  /** Offer the kind filter (the dashboard). */
  filter?: boolean;
}

export function AlertInbox({ headingId, title, intro, facilityHref, filter = false }: AlertInboxProps) {
  const { lang, t } = useI18n();
  const [kind, setKind] = useState<AlertKind | ''>('');
  const { state } = useAsync((signal) => listAlerts({ status: 'open', kind, limit: LIMIT }, { lang, signal }), `alerts:${kind}`);
  const groups = new Map<AlertKind, Alert[]>();
  if (state.status === 'ready') for (const alert of state.value.items) groups.set(alert.kind, [...(groups.get(alert.kind) ?? []), alert]);
  const ordered = ALERT_KINDS.filter((k) => groups.has(k));
  return (
    <section class="panel-section alert-inbox" id="alert-inbox" aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId}>{title}</h2>
        {state.status === 'ready' && state.value.items.length > 0 && (
          <span class="count-badge count-badge--alert" id="alert-inbox-count">
            {t.dashboard.alertCount(state.value.items.length, state.value.nextCursor !== null)}
          </span>
        )}
      </div>
      <p class="section-intro">{intro}</p>
      {filter && (
        <div class="alert-inbox__filter">
          <SelectField<AlertKind>
            id="alert-kind"
            label={t.dashboard.kind}
            value={kind}
            placeholder={t.dashboard.anyKind}
            options={ALERT_KINDS.map((value) => ({ value, label: t.dashboard.kinds[value] }))}
            onChange={(value) => setKind(value)}
          />
        </div>
      )}
      {state.status === 'loading' && <Loading inline />}
      {state.status === 'error' && <Notice kind="error">{errorMessage(state.error, t)}</Notice>}
      {state.status === 'ready' && state.value.items.length === 0 && <p role="status">{t.dashboard.noAlerts}</p>}
      {ordered.map((k) => {
        const items = groups.get(k)!;
        return (
          <details key={k} class="alert-group" data-kind={k} open>
            <summary>
              <span class="alert-group__title">{t.dashboard.kinds[k]}</span> <span class="count-badge">{items.length}</span>
            </summary>
            <ul class="alert-group__list">
              {items.map((alert) => (
                <AlertItem key={alert.id} alert={alert} facilityHref={facilityHref} />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
