// Page `/console/operator/facilities/:id/incidents/new`: the operator reports an incident from a phone. Every change
// is kept on the device (incident-draft.ts), so a reload or a lost connection loses nothing; the draft is cleared
// only once the server has the report. Counts of children only: the form never asks for a name.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, reportIncident } from '../../../api/incidents';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { ErrorSummary, Notice } from '../../../components/notice';
import { useI18n } from '../../../i18n/i18n';
import { navigate } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { useCheckedForm } from '../shared/use-checked-form';
import {
  clearIncidentDraft,
  draftProblems,
  emptyIncidentDraft,
  loadIncidentDraft,
  saveIncidentDraft,
  toIncidentInput,
  type DraftField,
  type IncidentDraft,
} from './incident-draft';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const FIELD_IDS: Record<DraftField, string> = {
  kind: 'incident-kind',
  severity: 'incident-severity',
  occurredAt: 'incident-occurred-at',
  childrenAffected: 'incident-children',
  hospitalized: 'incident-hospitalized',
  description: 'incident-description',
  actionsTaken: 'incident-actions',
};

function ReportScreen({ facilityId }: { facilityId: string }) {
  const { lang, t } = useI18n();
  const m = t.incidents;
  const [restored] = useState(() => loadIncidentDraft(storage(), facilityId));
  const report = useCheckedForm({
    initial: () => restored ?? emptyIncidentDraft(facilityId, new Date()),
    check: (draft: IncidentDraft) => draftProblems(draft, new Date()),
    send: (draft: IncidentDraft) => reportIncident(facilityId, toIncidentInput(draft), { lang }),
    onSent: (incident) => {
      clearIncidentDraft(storage(), facilityId);
      navigate(paths.incident(incident.id));
    },
    fieldIds: FIELD_IDS,
    labels: m.fields,
    problemText: (problem) => m.problems[problem],
  });
  const { form: draft, errorsOf: fieldErrors } = report;
  const [saved, setSaved] = useState<boolean | null>(restored ? true : null);
  // Every edit is kept on the device at once: the report must survive a reload or a lost connection.
  const change = (patch: Partial<IncidentDraft>) =>
    setSaved(saveIncidentDraft(storage(), report.change({ ...patch, savedAt: new Date().toISOString() })));
  const failure =
    report.failure === null
      ? null
      : report.failure instanceof ApiError && report.failure.status === 0
        ? m.offline
        : errorMessage(report.failure, t);

  return (
    <ConsolePage title={m.reportTitle} back={{ href: paths.operatorFacility(facilityId), label: m.backToFacility }}>
      <p class="section-intro">{m.reportIntro}</p>
      {restored && <Notice kind="info">{m.draftRestored}</Notice>}
      <ErrorSummary title={m.fixThese} items={report.summary} focusKey={report.attempt} />
      {failure && (
        <Notice kind="error" id="incident-failure">
          {failure}
        </Notice>
      )}
      <form class="incident-form" onSubmit={report.submit} noValidate aria-label={m.reportTitle}>
        <SelectField
          id={FIELD_IDS.kind}
          label={m.fields.kind}
          required
          value={draft.kind}
          onChange={(kind) => change({ kind })}
          placeholder={m.choose}
          options={INCIDENT_KINDS.map((value) => ({ value, label: m.kinds[value] }))}
          errors={fieldErrors('kind')}
        />
        <SelectField
          id={FIELD_IDS.severity}
          label={m.fields.severity}
          required
          hint={m.severityHint}
          value={draft.severity}
          onChange={(severity) => change({ severity })}
          placeholder={m.choose}
          options={INCIDENT_SEVERITIES.map((value) => ({ value, label: m.severities[value] }))}
          errors={fieldErrors('severity')}
        />
        <div class={`field${fieldErrors('occurredAt') ? ' field--invalid' : ''}`}>
          <label class="field__label" for={FIELD_IDS.occurredAt}>
            {m.fields.occurredAt}
            <span class="field__required" aria-hidden="true">
              {' *'}
            </span>
          </label>
          <input
            id={FIELD_IDS.occurredAt}
            name={FIELD_IDS.occurredAt}
            class="field__input"
            type="datetime-local"
            required
            value={draft.occurredAt}
            aria-invalid={fieldErrors('occurredAt') ? true : undefined}
            aria-describedby={fieldErrors('occurredAt') ? `${FIELD_IDS.occurredAt}-error` : undefined}
            onInput={(event) => change({ occurredAt: event.currentTarget.value })}
          />
          {fieldErrors('occurredAt') && (
            <p class="field__error" id={`${FIELD_IDS.occurredAt}-error`}>
              {fieldErrors('occurredAt')!.join('；')}
            </p>
          )}
        </div>
        <div class="incident-form__counts">
          <TextField
            id={FIELD_IDS.childrenAffected}
            label={m.fields.childrenAffected}
            required
            inputMode="numeric"
            value={draft.childrenAffected}
            onInput={(childrenAffected) => change({ childrenAffected })}
            errors={fieldErrors('childrenAffected')}
          />
          <TextField
            id={FIELD_IDS.hospitalized}
            label={m.fields.hospitalized}
            required
            inputMode="numeric"
            value={draft.hospitalized}
            onInput={(hospitalized) => change({ hospitalized })}
            errors={fieldErrors('hospitalized')}
          />
        </div>
        <p class="field__hint">{m.countsOnly}</p>
        <TextAreaField
          id={FIELD_IDS.description}
          label={m.fields.description}
          required
          rows={4}
          value={draft.description}
          onInput={(description) => change({ description })}
          errors={fieldErrors('description')}
        />
        <TextAreaField
          id={FIELD_IDS.actionsTaken}
          label={m.fields.actionsTaken}
          required
          rows={3}
          value={draft.actionsTaken}
          onInput={(actionsTaken) => change({ actionsTaken })}
          errors={fieldErrors('actionsTaken')}
        />
        <p id="incident-draft-state" class="draft-state" role="status">
          {saved === null ? '' : saved ? m.draftSaved : m.draftNotSaved}
        </p>
        <button type="submit" id="incident-submit" class="button" disabled={report.busy}>
          {report.busy ? m.sending : m.submit}
        </button>
      </form>
    </ConsolePage>
  );
}

export function ReportIncidentPage({ facilityId }: { facilityId: string }) {
  return (
    <RequireRole roles={['operator']}>
      <ReportScreen facilityId={facilityId} />
    </RequireRole>
  );
}
