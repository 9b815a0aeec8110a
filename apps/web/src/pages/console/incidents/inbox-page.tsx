// Page `/console/incidents`: the incidents in the caller's reach (a regulator's region, an operator's facilities), by
// status (`?status=`): unacknowledged first for regulators. Each shows its severity, whether it was reported late,
// its escalation badge and the countdown to the next escalation step.
import { useEffect, useState } from 'preact/hooks';
import { INCIDENT_STATUSES, listIncidents, type IncidentStatus } from '../../../api/incidents';
import { ConsolePage } from '../../../components/console-page';
import { Tabs } from '../../../components/tabs';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { formatDateTime } from '../../../i18n/format';
import { AsyncStatus } from '../../../components/notice';
import { useI18n } from '../../../i18n/i18n';
import { Link, useSearchParam } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { EscalationCountdown, IncidentBadges } from './incident-badges';

const PAGE = 50;

function isStatus(value: string | null): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(value ?? '');
}

function InboxScreen() {
  const { lang, t } = useI18n();
  const m = t.incidents;
  const initial = useSearchParam('status');
  const [status, setStatus] = useState<IncidentStatus>(isStatus(initial) ? initial : 'reported');
  const [now, setNow] = useState(() => new Date());
  const list = usePagedList((cursor, signal) => listIncidents({ status, limit: PAGE, cursor }, { lang, signal }), status);
  const { state } = list;

  // The countdowns move on by themselves.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const select = (key: IncidentStatus) => {
    setStatus(key);
    const url = new URL(window.location.href);
    url.searchParams.set('status', key);
    window.history.replaceState(window.history.state, '', url);
  };

  return (
    <ConsolePage title={m.inboxTitle}>
      <p class="section-intro">{m.inboxIntro}</p>
      <Tabs
        label={m.filterLabel}
        idPrefix="incidents"
        tabs={INCIDENT_STATUSES.map((key) => ({ key, label: m.statuses[key] }))}
        selected={status}
        onSelect={select}
      >
        <AsyncStatus state={state} />
        {state.status === 'ready' && list.items.length === 0 && <p>{m.empty}</p>}
        {state.status === 'ready' && list.items.length > 0 && (
          <ul class="item-list incident-list" aria-label={m.inboxTitle}>
            {list.items.map((incident) => (
              <li key={incident.id} class="incident-card" data-incident={incident.id}>
                <p class="incident-card__title">
                  <Link href={paths.incident(incident.id)}>
                    {m.kinds[incident.kind]} · {incident.facilityName}
                  </Link>
                </p>
                <IncidentBadges incident={incident} />
                <p class="incident-card__meta">
                  {m.reportedAt(formatDateTime(incident.reportedAt, lang) ?? incident.reportedAt)} · {m.children(incident.childrenAffected)}
                </p>
                <EscalationCountdown incident={incident} now={now} />
              </li>
            ))}
          </ul>
        )}
        <LoadMore list={list} />
      </Tabs>
    </ConsolePage>
  );
}

export function IncidentsInboxPage() {
  return (
    <RequireRole roles={['operator', 'regulator', 'admin']}>
      <InboxScreen />
    </RequireRole>
  );
}
