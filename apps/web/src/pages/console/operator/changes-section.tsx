// Tab "change filings" of a registered (or suspended) facility: its 普惠 status, the "request a change" form and
// the record of its change filings. The form shows each material field as registered and as it would be, and
// checks the filing requirements live against the facility as it would be after the change (POST
// /facilities/{id}/changes/check; nothing is filed until the operator submits). A pending filing can be withdrawn.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import { checkChange, createChange, decideChange, listFacilityChanges, type ChangeCheck, type ChangeFiling } from '../../../api/changes';
import { AGE_GROUPS, FACILITY_KINDS, OWNERSHIPS, listClasses, type Facility, type FacilityClass } from '../../../api/registry';
import { errorMessage } from '../../../components/error-message';
import { CheckboxField, FieldSet, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { AsyncStatus, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { messagesFor, type FieldErrors } from '../../../forms/field-errors';
import { formatInteger } from '../../../i18n/format';
import { useConsoleI18n } from '../shared/console-text';
import { ChangeCard } from '../shared/change-card';
import { fieldValueText } from '../shared/change-diff';
import { AffordableStatusView } from '../shared/affordable-status';
import { changeFormOf, changeOf, isEmptyChange, type ChangeForm } from './change-form-model';
import { useChangesText } from '../shared/changes-text';

type CheckState =
  { status: 'idle' } | { status: 'checking' } | { status: 'done'; value: ChangeCheck } | { status: 'error'; error: unknown };

/** The live check: the facility as it would be after the change, against the filing requirements. */
function LiveCheck({ state, empty }: { state: CheckState; empty: boolean }) {
  const { lang, t } = useConsoleI18n();
  const c = useChangesText();
  const failing = state.status === 'done' ? state.value.checks.filter((c) => !c.ok && c.blocksFiling) : [];
  return (
    <section class="change-check" id="change-check" aria-live="polite" aria-labelledby="change-check-title">
      <h3 id="change-check-title">{c.changes.check}</h3>
      {empty && <p>{c.changes.nothingChanged}</p>}
      {!empty && state.status === 'checking' && <p>{c.changes.checking}</p>}
      {!empty && state.status === 'error' && <Notice kind="error">{errorMessage(state.error, t)}</Notice>}
      {!empty && state.status === 'done' && state.value.acceptable && <p class="verdict verdict--ok">{c.changes.acceptable}</p>}
      {!empty && state.status === 'done' && !state.value.acceptable && (
        <>
          <p class="verdict verdict--failed">{c.changes.unacceptable(failing.length)}</p>
          <ul class="check-list">
            {failing.map((check) => (
              <li key={check.code} class="check check--failed" data-code={check.code}>
                <span class="check__verdict">
                  <span aria-hidden="true">✗</span> {t.compliance.failed}
                </span>
                <span class="check__detail">{lang === 'en' ? check.detailEn || check.detail : check.detail}</span>
                <code class="check__code">{check.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RequestForm({
  facility,
  classes,
  onFiled,
  onCancel,
}: {
  facility: Facility;
  classes: FacilityClass[];
  onFiled: (filing: ChangeFiling) => void;
  onCancel: () => void;
}) {
  const { lang, t } = useConsoleI18n();
  const c = useChangesText();
  const [form, setForm] = useState<ChangeForm>(() => changeFormOf(facility, classes));
  const [shownErrors, setShownErrors] = useState<FieldErrors>({});
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ detail: string; items: { code: string; message: string }[] } | null>(null);
  const outcome = changeOf(form, facility, classes, t);
  const empty = isEmptyChange(outcome.change);
  const valid = Object.keys(outcome.errors).length === 0;
  const changeKey = JSON.stringify(outcome.change);

  // The live check, a moment after the last keystroke; an answer that arrives after the next edit is dropped.
  useEffect(() => {
    if (empty || !valid) {
      setCheck({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setCheck({ status: 'checking' });
    const timer = window.setTimeout(() => {
      checkChange(facility.id, outcome.change, { lang, signal: controller.signal }).then(
        (value) => !controller.signal.aborted && setCheck({ status: 'done', value }),
        (error: unknown) => !controller.signal.aborted && setCheck({ status: 'error', error }),
      );
    }, 400);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [changeKey, valid, lang]);

  const set = <K extends keyof ChangeForm>(key: K, value: ChangeForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  // Inputs that cannot be read show their message at once; the reason's only after a try to file.
  const errorsOf = (path: string) => messagesFor({ ...outcome.errors, ...shownErrors }, path);
  const current = (field: string, value: unknown) => c.changes.currentValue(fieldValueText(field, value, t, lang));
  const changed = (field: keyof typeof outcome.change.facility) => (field in outcome.change.facility ? 'field--changed' : undefined);
  const f = t.facility.fields;
  // What every material field shows the same way: its id, the registered value as its hint, and whether it changed.
  const material = (field: Exclude<keyof ChangeForm, 'reason' | 'places' | 'newClass'>) => ({
    id: `change-${field}`,
    hint: current(field, facility[field]),
    class: changed(field),
  });
  const text = (field: 'name' | 'address' | 'floors' | 'indoorAreaM2' | 'outdoorAreaM2' | 'exitCount') => ({
    ...material(field),
    label: f[field],
    value: form[field],
    onInput: (value: string) => set(field, value),
    errors: errorsOf(field),
  });
  const box = (field: 'affordable' | 'servesMeals') => ({
    ...material(field),
    checked: form[field],
    onChange: (value: boolean) => set(field, value),
  });

  const submit = async () => {
    setRefusal(null);
    const errors: FieldErrors = {};
    if (!form.reason.trim()) errors['reason'] = [t.validation.required];
    setShownErrors(errors);
    if (Object.keys(errors).length > 0 || !valid || empty) return;
    setBusy(true);
    try {
      onFiled(await createChange(facility.id, { reason: form.reason.trim(), ...outcome.change }, { lang }));
    } catch (caught) {
      const items = caught instanceof ApiError ? (caught.problem?.errors ?? []) : [];
      setRefusal({ detail: errorMessage(caught, t), items });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="change-form"
      id="change-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{c.changes.formTitle}</h3>
      <FieldSet legend={t.facility.sections.basics}>
        <TextField {...text('name')} />
        <SelectField
          {...material('kind')}
          label={f.kind}
          value={form.kind}
          options={FACILITY_KINDS.map((kind) => ({ value: kind, label: t.facility.kinds[kind] }))}
          onChange={(v) => set('kind', v)}
        />
        <SelectField
          {...material('ownership')}
          label={f.ownership}
          value={form.ownership}
          options={OWNERSHIPS.map((o) => ({ value: o, label: t.facility.ownerships[o] }))}
          onChange={(v) => set('ownership', v)}
        />
        <CheckboxField {...box('affordable')} label={c.changes.affordableApplication} />
      </FieldSet>
      <FieldSet legend={t.facility.sections.premises}>
        <TextField {...text('address')} />
        <TextField {...text('floors')} />
        <TextField {...text('indoorAreaM2')} inputMode="decimal" />
        <TextField {...text('outdoorAreaM2')} inputMode="decimal" />
        <TextField {...text('exitCount')} inputMode="numeric" />
        <CheckboxField {...box('servesMeals')} label={f.servesMeals} />
      </FieldSet>
      <FieldSet legend={c.changes.classesTitle}>
        <p class="section-intro">{c.changes.classesIntro}</p>
        {classes.map((cls) => (
          <TextField
            key={cls.id}
            id={`change-places-${cls.id}`}
            label={c.changes.placesOf(cls.name)}
            inputMode="numeric"
            value={form.places[cls.id] ?? ''}
            onInput={(v) => set('places', { ...form.places, [cls.id]: v })}
            hint={c.changes.currentValue(formatInteger(cls.places, lang))}
            errors={errorsOf(`places.${cls.id}`)}
          />
        ))}
        {form.newClass ? (
          <div class="change-form__new-class">
            <TextField
              id="change-new-name"
              label={t.classes.name}
              value={form.newClass.name}
              onInput={(name) => set('newClass', { ...form.newClass!, name })}
              errors={errorsOf('newClass.name')}
            />
            <SelectField
              id="change-new-ageGroup"
              label={t.classes.ageGroup}
              value={form.newClass.ageGroup}
              placeholder={t.facility.choose}
              options={AGE_GROUPS.map((group) => ({ value: group, label: t.classes.ageGroups[group] }))}
              onChange={(ageGroup) => set('newClass', { ...form.newClass!, ageGroup })}
              errors={errorsOf('newClass.ageGroup')}
            />
            <TextField
              id="change-new-places"
              label={t.classes.places}
              inputMode="numeric"
              value={form.newClass.places}
              onInput={(places) => set('newClass', { ...form.newClass!, places })}
              errors={errorsOf('newClass.places')}
            />
            <button type="button" class="button button--small button--secondary" onClick={() => set('newClass', null)}>
              {c.changes.removeNewClass}
            </button>
          </div>
        ) : (
          <button
            type="button"
            class="button button--small button--secondary"
            id="change-add-class"
            onClick={() => set('newClass', { name: '', ageGroup: '', places: '' })}
          >
            {c.changes.addClass}
          </button>
        )}
      </FieldSet>
      <TextAreaField
        id="change-reason"
        label={c.changes.reason}
        value={form.reason}
        onInput={(v) => set('reason', v)}
        required
        errors={errorsOf('reason')}
      />
      <LiveCheck state={check} empty={empty} />
      {refusal && (
        <div class="refusal" id="change-refusal" role="alert">
          <p class="refusal__title">{refusal.items.length > 0 ? c.changes.refused : refusal.detail}</p>
          {refusal.items.length > 0 && (
            <ul class="refusal__list">
              {refusal.items.map((item, index) => (
                <li key={index} data-code={item.code}>
                  {item.message}
                  <code class="check__code">{item.code}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="button" id="change-submit" disabled={busy || empty}>
          {busy ? c.changes.submitting : c.changes.submit}
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={onCancel}>
          {t.console.cancel}
        </button>
      </div>
    </form>
  );
}

export function ChangesSection({ facility }: { facility: Facility }) {
  const { lang, t } = useConsoleI18n();
  const c = useChangesText();
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useAsync((signal) => listFacilityChanges(facility.id, { lang, signal }), `${facility.id}:${facility.version}:${refresh}`);
  const classes = useAsync((signal) => listClasses(facility.id, { lang, signal }), `${facility.id}:${facility.version}:${refresh}`);
  const items = list.state.status === 'ready' ? list.state.value : [];
  const pending = items.find((filing) => filing.status === 'pending');
  const fileable = facility.status === 'registered' || facility.status === 'suspended';

  const withdraw = async (filing: ChangeFiling) => {
    setBusy(true);
    setNotice(null);
    try {
      await decideChange(filing.id, 'withdraw', {}, { lang });
      setNotice({ kind: 'success', text: c.changes.withdrawn });
      setRefresh((n) => n + 1);
    } catch (caught) {
      setNotice({ kind: 'error', text: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AffordableStatusView facility={facility} hint={c.affordable.applyHint} />
      <section class="panel-section" aria-labelledby="changes-title">
        <div class="section-head">
          <h2 id="changes-title">{c.changes.title}</h2>
          {fileable && !open && (
            <button
              type="button"
              class="button button--small"
              id="change-request"
              disabled={Boolean(pending) || list.state.status !== 'ready' || classes.state.status !== 'ready'}
              onClick={() => {
                setOpen(true);
                setNotice(null);
              }}
            >
              {c.changes.request}
            </button>
          )}
        </div>
        <p class="section-intro">{c.changes.intro}</p>
        {notice && (
          <Notice kind={notice.kind} id="change-notice">
            {notice.text}
          </Notice>
        )}
        {pending && !open && <Notice kind="info">{c.changes.pendingExists}</Notice>}
        {open && classes.state.status === 'ready' && (
          <RequestForm
            facility={facility}
            classes={classes.state.value}
            onCancel={() => setOpen(false)}
            onFiled={() => {
              setOpen(false);
              setNotice({ kind: 'success', text: c.changes.submitted });
              setRefresh((n) => n + 1);
            }}
          />
        )}
      </section>
      <section class="panel-section" aria-labelledby="change-list-title">
        <h2 id="change-list-title">{c.changes.listTitle}</h2>
        <AsyncStatus state={list.state} />
        {list.state.status === 'ready' && items.length === 0 && <p>{c.changes.empty}</p>}
        {items.length > 0 && (
          <ul class="item-list" id="change-list" aria-labelledby="change-list-title">
            {items.map((filing) => (
              <ChangeCard key={filing.id} filing={filing}>
                {filing.status === 'pending' && (
                  <div class="form-actions">
                    <button
                      type="button"
                      class="button button--small button--secondary"
                      id="change-withdraw"
                      disabled={busy}
                      onClick={() => void withdraw(filing)}
                    >
                      {c.changes.withdraw}
                    </button>
                  </div>
                )}
              </ChangeCard>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
