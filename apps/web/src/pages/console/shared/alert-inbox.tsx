// Open alerts (docs/targets.md "Alerts"), grouped by what they are about: one group per facility (named), one per
// unit for the unit's own alerts, the groups with the most alerts first, a page at a time, each with its counts
// by kind; opening a group lists its alerts with their messages in the page's language and due dates. A filter
// by kind. The dashboard shows the regulator's; the operator's home shows those of its facilities.
import { useState } from 'preact/hooks';
import { ALERT_KINDS, listAlertGroups, listAlerts, type Alert, type AlertGroupView, type AlertKind } from '../../../api/targets';
import { errorMessage } from '../../../components/error-message';
import { SelectField } from '../../../components/fields';
import { Loading } from '../../../components/load-status';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { formatDate } from '../../../i18n/format';
import { useConsoleI18n } from './console-text';
import { Link } from '../../../router/router';
import { useAlertText } from './alert-inbox-text';

/** Groups a page; alerts listed in one opened group. */
const GROUPS_PER_PAGE = 20;
const ALERTS_PER_GROUP = 100;
/** The first groups open by themselves, so the most pressing alerts are read without a click. */
const OPEN_AT_FIRST = 2;

function AlertItem({ alert }: { alert: Alert }) {
  const { lang, t } = useConsoleI18n();
  const words = useAlertText();
  const due = alert.dueOn ? formatDate(alert.dueOn, lang) : null;
  return (
    <li class="alert-item" data-alert-id={alert.id} data-kind={alert.kind}>
      <p class="alert-item__message">
        <span class="alert-item__kind">{words.kinds[alert.kind]}</span>
        {lang === 'en' ? alert.messageEn || alert.message : alert.message}
      </p>
      {due && (
        <p class="item-card__meta">
          <span class="alert-item__due">{t.dashboard.dueOn(due)}</span>
        </p>
      )}
    </li>
  );
}

function GroupAlerts({ group, kind }: { group: AlertGroupView; kind: AlertKind | '' }) {
  const { lang, t } = useConsoleI18n();
  const scope = group.facilityId ? { facilityId: group.facilityId } : { regionCode: group.regionCode };
  const { state } = useAsync(
    (signal) => listAlerts({ status: 'open', kind, ...scope, limit: ALERTS_PER_GROUP }, { lang, signal }),
    `alerts:${group.facilityId ?? group.regionCode}:${kind}`,
  );
  if (state.status === 'loading') return <Loading inline />;
  if (state.status === 'error') return <Notice kind="error">{errorMessage(state.error, t)}</Notice>;
  if (state.status !== 'ready') return null;
  return (
    <ul class="alert-group__list">
      {state.value.items.map((alert) => (
        <AlertItem key={alert.id} alert={alert} />
      ))}
    </ul>
  );
}

function AlertGroup({
  group,
  kind,
  initiallyOpen,
  facilityHref,
}: {
  group: AlertGroupView;
  kind: AlertKind | '';
  initiallyOpen: boolean;
  facilityHref: (id: string) => string;
}) {
  const { lang, t } = useConsoleI18n();
  const words = useAlertText();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details
      class="alert-group"
      data-facility-id={group.facilityId}
      data-region-code={group.facilityId ? undefined : group.regionCode}
      data-kinds={group.kinds.map((k) => k.kind).join(' ')}
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span class="alert-group__title">{group.facilityName ?? group.regionName}</span>{' '}
        <span class="count-badge" aria-label={words.alertsIn(group.count)}>
          {group.count}
        </span>
        <span class="alert-group__kinds">
          {group.kinds.map((k) => (
            <span key={k.kind} class="alert-group__kind" data-kind={k.kind}>
              {words.kinds[k.kind]} × {k.count}
            </span>
          ))}
        </span>
        {group.dueOn && <span class="alert-group__due">{words.earliestDue(formatDate(group.dueOn, lang) ?? group.dueOn)}</span>}
      </summary>
      {open && <GroupAlerts group={group} kind={kind} />}
      {open && group.facilityId && (
        <p class="item-card__meta">
          <Link class="alert-item__link" href={facilityHref(group.facilityId)}>
            {t.dashboard.openFacility}
          </Link>
        </p>
      )}
    </details>
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
  const { lang, t } = useConsoleI18n();
  const words = useAlertText();
  const [kind, setKind] = useState<AlertKind | ''>('');
  const groups = usePagedList(
    (cursor, signal) => listAlertGroups({ kind, limit: GROUPS_PER_PAGE, cursor }, { lang, signal }),
    `alert-groups:${kind}`,
  );
  const ready = groups.state.status === 'ready';
  const total = groups.items.reduce((n, g) => n + g.count, 0);
  return (
    <section class="panel-section alert-inbox" id="alert-inbox" aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId}>{title}</h2>
        {ready && groups.items.length > 0 && (
          <span class="count-badge count-badge--alert" id="alert-inbox-count">
            {t.dashboard.alertCount(total, groups.hasMore)} · {words.groupCount(groups.items.length, groups.hasMore)}
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
            options={ALERT_KINDS.map((value) => ({ value, label: words.kinds[value] }))}
            onChange={(value) => setKind(value)}
          />
        </div>
      )}
      <AsyncStatus state={groups.state} />
      {ready && groups.items.length === 0 && <p role="status">{t.dashboard.noAlerts}</p>}
      {ready &&
        groups.items.map((group, i) => (
          <AlertGroup
            key={`${group.facilityId ?? group.regionCode}:${kind}`}
            group={group}
            kind={kind}
            initiallyOpen={i < OPEN_AT_FIRST}
            facilityHref={facilityHref}
          />
        ))}
      {ready && <LoadMore list={groups} />}
    </section>
  );
}
