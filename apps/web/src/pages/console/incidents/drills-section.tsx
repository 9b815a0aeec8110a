// A facility's emergency drills (应急演练): the latest fire evacuation drill, the list newest first and, for the owner
// of a facility that may still log them, the form to log one (docs/api.md "Incidents (突发事件) and drills"; docs/incidents.md).
// Regulators see the same list without the form.
import { DRILL_KINDS, listDrills, logDrill } from '../../../api/incidents';
import { errorMessage } from '../../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { AsyncStatus, ErrorSummary, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { todayInShanghai } from '../../../forms/form-values';
import { formatDate } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { useCheckedForm } from '../shared/use-checked-form';
import { drillProblems, emptyDrillForm, latestFireDrill, toDrillInput, type DrillField, type DrillForm } from './drill-form';

const FIELD_IDS: Record<DrillField, string> = {
  kind: 'drill-kind',
  heldOn: 'drill-held-on',
  participants: 'drill-participants',
  note: 'drill-note',
};

export function DrillsSection({ facilityId, editable }: { facilityId: string; editable: boolean }) {
  const { lang, t } = useI18n();
  const m = t.incidents.drills;
  const { state, reload } = useAsync((signal) => listDrills(facilityId, { lang, signal }), facilityId);
  const today = todayInShanghai();
  const logForm = useCheckedForm({
    initial: () => emptyDrillForm(today),
    check: (form: DrillForm) => drillProblems(form, today),
    send: (form: DrillForm) => logDrill(facilityId, toDrillInput(form), { lang }),
    onSent: reload,
    fieldIds: FIELD_IDS,
    labels: m.fields,
    problemText: (problem) => m.problems[problem],
  });
  const { form, change, errorsOf } = logForm;

  const latest = state.status === 'ready' ? latestFireDrill(state.value, today) : null;
  return (
    <section class="panel-section" aria-labelledby="drills-title">
      <h2 id="drills-title">{t.incidents.drillsTitle}</h2>
      <p class="section-intro">{editable ? m.intro : m.readOnlyIntro}</p>
      <AsyncStatus state={state} />
      {state.status === 'ready' && (
        <>
          <p id="drills-latest-fire" class={latest ? undefined : 'item-card__warning'}>
            {latest ? m.lastFire(formatDate(latest.heldOn, lang) ?? latest.heldOn, latest.daysAgo) : m.noFire}
          </p>
          {state.value.length === 0 ? (
            <p>{m.empty}</p>
          ) : (
            <ul class="item-list" id="drills-list">
              {state.value.map((drill) => (
                <li key={drill.id} class="item-card drill-card" data-kind={drill.kind} data-held-on={drill.heldOn}>
                  <p class="item-card__title">
                    {m.item(formatDate(drill.heldOn, lang) ?? drill.heldOn, m.kinds[drill.kind], drill.participants)}
                  </p>
                  {drill.note && <p class="drill-card__note">{drill.note}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {editable && (
        <form class="drill-form" onSubmit={logForm.submit} noValidate aria-label={m.log}>
          <h3>{m.log}</h3>
          <ErrorSummary title={t.incidents.fixThese} items={logForm.summary} focusKey={logForm.attempt} />
          {logForm.sent && (
            <Notice kind="success">
              {m.logged(m.kinds[logForm.sent.kind], formatDate(logForm.sent.heldOn, lang) ?? logForm.sent.heldOn)}
            </Notice>
          )}
          {logForm.failure !== null && <Notice kind="error">{errorMessage(logForm.failure, t)}</Notice>}
          <SelectField
            id={FIELD_IDS.kind}
            label={m.fields.kind}
            required
            value={form.kind}
            onChange={(kind) => change({ kind })}
            options={DRILL_KINDS.map((value) => ({ value, label: m.kinds[value] }))}
            errors={errorsOf('kind')}
          />
          <TextField
            id={FIELD_IDS.heldOn}
            label={m.fields.heldOn}
            type="date"
            required
            value={form.heldOn}
            onInput={(heldOn) => change({ heldOn })}
            errors={errorsOf('heldOn')}
          />
          <TextField
            id={FIELD_IDS.participants}
            label={m.fields.participants}
            required
            inputMode="numeric"
            value={form.participants}
            onInput={(participants) => change({ participants })}
            errors={errorsOf('participants')}
          />
          <TextAreaField
            id={FIELD_IDS.note}
            label={m.fields.note}
            rows={2}
            value={form.note}
            onInput={(note) => change({ note })}
            errors={errorsOf('note')}
          />
          <button type="submit" id="drill-submit" class="button" disabled={logForm.busy}>
            {logForm.busy ? m.logging : m.log}
          </button>
        </form>
      )}
    </section>
  );
}
