// Page `/console/incidents/:id`: one incident with its timeline, and what the caller may do next: acknowledge
// (health, or the agency of the kind), add a note (owner, regulators), close with a finding (health). From here a
// regulator goes to action in one step: record an inspection in the domain that fits the kind (the inspection keeps
// the incident's id), suspend the facility because of it (health), or open the closure's placement plan. The links
// back (inspections, suspensions) are listed.
import { useEffect, useState } from 'preact/hooks';
import {
  acknowledgeIncident,
  addIncidentUpdate,
  closeIncident,
  getIncident,
  INCIDENT_FINDINGS,
  mayAcknowledge,
  suspendForIncident,
  type Incident,
  type IncidentFinding,
} from '../../../api/incidents';
import { domainsOf } from '../../../api/inspections';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { SelectField, TextAreaField } from '../../../components/fields';
import { LoadError, Loading } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { EscalationCountdown, IncidentBadges } from './incident-badges';

function IncidentScreen({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const m = t.incidents;
  const { session } = useSession();
  const user = session!.user;
  const { state, reload, setValue } = useAsync((signal) => getIncident(id, { lang, signal }), id);
  const [note, setNote] = useState('');
  const [finding, setFinding] = useState<IncidentFinding | ''>('');
  const [closeNote, setCloseNote] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  if (state.status === 'loading') return <ConsolePage title={m.incidentTitle}>{<Loading />}</ConsolePage>;
  if (state.status === 'error')
    return (
      <ConsolePage title={m.incidentTitle}>
        <LoadError error={state.error} fallback={t.console.loadFailed} onRetry={reload} />
      </ConsolePage>
    );
  const incident: Incident = state.value;
  const when = (iso: string | null) => (iso ? (formatDateTime(iso, lang) ?? iso) : '—');
  const open = incident.status !== 'closed';
  const regulator = user.role === 'regulator';
  const health = regulator && user.agency === 'health';
  const myDomains = domainsOf(user);
  const domain = myDomains.includes(incident.suggestedDomain) ? incident.suggestedDomain : myDomains[0];

  const act = async (run: () => Promise<Incident | void>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await run();
      if (next) setValue(next);
      else reload();
      setMessage({ kind: 'success', text: done });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConsolePage
      title={`${m.kinds[incident.kind]} · ${incident.facilityName}`}
      back={{ href: paths.incidents(), label: m.backToInbox }}
      aside={<IncidentBadges incident={incident} />}
    >
      {message && (
        <Notice kind={message.kind} id="incident-result">
          {message.text}
        </Notice>
      )}
      <EscalationCountdown incident={incident} now={now} />
      <dl class="incident-facts">
        <dt>{m.fields.occurredAt}</dt>
        <dd>{when(incident.occurredAt)}</dd>
        <dt>{m.reportedAtLabel}</dt>
        <dd>
          {when(incident.reportedAt)}
          {incident.late ? ` · ${m.lateBy(when(incident.reportDueAt))}` : ''}
        </dd>
        <dt>{m.reportDueLabel}</dt>
        <dd>{when(incident.reportDueAt)}</dd>
        <dt>{m.fields.childrenAffected}</dt>
        <dd>{incident.childrenAffected}</dd>
        <dt>{m.fields.hospitalized}</dt>
        <dd>{incident.hospitalized}</dd>
        <dt>{m.fields.description}</dt>
        <dd class="incident-facts__text">{incident.description}</dd>
        <dt>{m.fields.actionsTaken}</dt>
        <dd class="incident-facts__text">{incident.actionsTaken}</dd>
        {incident.finding && (
          <>
            <dt>{m.findingLabel}</dt>
            <dd id="incident-finding">{m.findings[incident.finding]}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="incident-timeline-title">
        <h2 id="incident-timeline-title">{m.timelineTitle}</h2>
        <ol class="incident-timeline" id="incident-timeline">
          <li>
            <span class="incident-timeline__at">{when(incident.reportedAt)}</span> {m.reportedBy[incident.reportedVia]}
          </li>
          {incident.timeline.map((entry, index) => (
            <li key={index} data-type={entry.type}>
              <span class="incident-timeline__at">{when(entry.at)}</span> {m.entryTypes[entry.type]} ·{' '}
              {entry.actor.agency
                ? m.agencies[entry.actor.agency as keyof typeof m.agencies]
                : m.roles[entry.actor.role as keyof typeof m.roles]}
              {entry.note ? `：${entry.note}` : ''}
            </li>
          ))}
        </ol>
      </section>

      {(incident.links.inspections.length > 0 || incident.links.facilityActions.length > 0) && (
        <section aria-labelledby="incident-links-title">
          <h2 id="incident-links-title">{m.linksTitle}</h2>
          <ul class="incident-links" id="incident-links">
            {incident.links.inspections.map((i) => (
              <li key={i.id}>
                <Link
                  href={
                    user.role === 'operator'
                      ? `${paths.operatorFacility(incident.facilityId)}?tab=inspections`
                      : paths.regulatorFacility(incident.facilityId, 'inspections')
                  }
                >
                  {m.linkedInspection(t.inspections.domains[i.domain], when(i.inspectedAt), t.inspections.outcomes[i.outcome])}
                </Link>
              </li>
            ))}
            {incident.links.facilityActions.map((a, index) => (
              <li key={index}>{m.linkedAction(a.action, when(a.at), a.reason ?? '')}</li>
            ))}
          </ul>
        </section>
      )}

      {regulator && (
        <section aria-labelledby="incident-actions-title" class="incident-actions">
          <h2 id="incident-actions-title">{m.actionsTitle}</h2>
          {domain && (
            <p>
              <Link
                id="incident-inspect"
                class="button button--secondary"
                href={`${paths.regulatorInspect(incident.facilityId, domain)}?incident=${encodeURIComponent(incident.id)}`}
              >
                {m.recordInspection(t.inspections.domains[domain])}
              </Link>
            </p>
          )}
          {health && (
            <form
              class="incident-suspend"
              onSubmit={(event) => {
                event.preventDefault();
                if (!reason.trim()) return;
                void act(() => suspendForIncident(incident.facilityId, incident.id, reason.trim(), { lang }), m.suspended);
              }}
            >
              <TextAreaField id="incident-suspend-reason" label={m.suspendReason} value={reason} onInput={setReason} rows={2} />
              <button type="submit" id="incident-suspend" class="button button--danger" disabled={busy || !reason.trim()}>
                {m.suspend}
              </button>
            </form>
          )}
          {health && (
            <p>
              <Link id="incident-placement" href={paths.regulatorFacility(incident.facilityId, 'close')}>
                {m.placementPlan}
              </Link>
            </p>
          )}
        </section>
      )}

      {open && (
        <section aria-labelledby="incident-handle-title" class="incident-handle">
          <h2 id="incident-handle-title">{m.handleTitle}</h2>
          {incident.status === 'reported' && mayAcknowledge(user, incident.kind) && (
            <button
              type="button"
              id="incident-acknowledge"
              class="button"
              disabled={busy}
              onClick={() => void act(() => acknowledgeIncident(incident.id, note, { lang }), m.acknowledged)}
            >
              {m.acknowledge}
            </button>
          )}
          {(user.role === 'operator' || regulator) && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!note.trim()) return;
                void act(async () => {
                  const next = await addIncidentUpdate(incident.id, note.trim(), { lang });
                  setNote('');
                  return next;
                }, m.updateAdded);
              }}
            >
              <TextAreaField id="incident-note" label={m.noteLabel} value={note} onInput={setNote} rows={2} />
              <button type="submit" id="incident-add-note" class="button button--secondary" disabled={busy || !note.trim()}>
                {m.addNote}
              </button>
            </form>
          )}
          {health && (
            <form
              class="incident-close"
              onSubmit={(event) => {
                event.preventDefault();
                if (!finding || !closeNote.trim()) return;
                void act(() => closeIncident(incident.id, { finding, note: closeNote.trim() }, { lang }), m.closed);
              }}
            >
              <SelectField
                id="incident-finding-select"
                label={m.findingLabel}
                value={finding}
                onChange={setFinding}
                placeholder={m.choose}
                options={INCIDENT_FINDINGS.map((value) => ({ value, label: m.findings[value] }))}
              />
              <TextAreaField id="incident-close-note" label={m.closeNote} value={closeNote} onInput={setCloseNote} rows={2} />
              <button type="submit" id="incident-close" class="button" disabled={busy || !finding || !closeNote.trim()}>
                {m.close}
              </button>
            </form>
          )}
        </section>
      )}
    </ConsolePage>
  );
}

export function IncidentPage({ id }: { id: string }) {
  return (
    <RequireRole roles={['operator', 'regulator', 'admin']}>
      <IncidentScreen id={id} />
    </RequireRole>
  );
}
