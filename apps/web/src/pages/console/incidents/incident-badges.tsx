// Badges of an incident: severity, status, late report, escalation; and the countdown to the next escalation step.
import type { Incident } from '../../../api/incidents';
import { useI18n } from '../../../i18n/i18n';
import { hoursAndMinutes, minutesUntil } from './incident-draft';

export function IncidentBadges({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const m = t.incidents;
  return (
    <span class="incident-badges">
      <span class={`badge badge--incident-${incident.severity}`} data-severity={incident.severity}>
        {m.severities[incident.severity]}
      </span>
      <span class={`badge badge--incident-status-${incident.status}`}>{m.statuses[incident.status]}</span>
      {incident.late && <span class="badge badge--incident-late">{m.late}</span>}
      {incident.escalation !== 'none' && (
        <span class={`badge badge--escalation-${incident.escalation}`} data-escalation={incident.escalation}>
          {m.escalations[incident.escalation]}
        </span>
      )}
    </span>
  );
}

/** "Escalates to the unit in 1 h 20 min" while unacknowledged; nothing once nothing more will happen. */
export function EscalationCountdown({ incident, now }: { incident: Incident; now: Date }) {
  const { t } = useI18n();
  if (!incident.nextEscalationAt) return null;
  const left = hoursAndMinutes(Math.max(0, minutesUntil(incident.nextEscalationAt, now)));
  const to = incident.escalation === 'none' ? 'unit' : 'city';
  return (
    <span class="incident-countdown" data-countdown={incident.nextEscalationAt}>
      {t.incidents.countdown(to, left.hours, left.minutes)}
    </span>
  );
}
