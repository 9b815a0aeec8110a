// The operator's classes: the list with places, enrolled children, vacancies and their freshness;
// a class's figures are edited in place (PATCH with If-Match = the class's version), a class is
// added below the list, and deleted after a confirmation.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import {
  AGE_GROUPS,
  createClass,
  deleteClass,
  etagOfVersion,
  listClasses,
  updateClass,
  type AgeGroup,
  type FacilityClass,
} from '../../../api/registry';
import { errorMessage, generalErrors } from '../../../components/error-message';
import { SelectField, TextField } from '../../../components/fields';
import { AsyncStatus, ErrorSummary, Notice } from '../../../components/notice';
import { useAsync } from '../../../components/use-async';
import { fieldErrorsOf, hasErrors, messagesFor, withoutField, type FieldErrors } from '../../../forms/field-errors';
import { useI18n } from '../../../i18n/i18n';
import type { Messages } from '../../../i18n/zh-CN';
import { ClassCard, ClassTotals } from '../shared/classes-list';
import { Confirm } from '../shared/confirm';
import { CLASS_SIZE_LIMIT, classChanges, classFormToInput, classToForm, emptyClassForm, type ClassForm } from './class-form-model';
import { summaryItems } from './form-summary';

function classLabel(t: Messages) {
  return (path: string) => (t.classes as unknown as Record<string, unknown>)[path] as string | null;
}

/** The fields of a class form; `idPrefix` keeps the ids of several forms apart. */
function ClassFields({
  idPrefix,
  form,
  onChange,
  errors,
  ageGroupFixed,
}: {
  idPrefix: string;
  form: ClassForm;
  onChange: (form: ClassForm) => void;
  errors: FieldErrors;
  ageGroupFixed?: boolean;
}) {
  const { t } = useI18n();
  const set = (field: keyof ClassForm) => (value: string) => onChange({ ...form, [field]: value });
  return (
    <div class="form-grid form-grid--compact">
      <TextField
        id={`${idPrefix}-name`}
        label={t.classes.name}
        value={form.name}
        onInput={set('name')}
        required
        errors={messagesFor(errors, 'name')}
      />
      {ageGroupFixed ? null : (
        <SelectField<AgeGroup>
          id={`${idPrefix}-ageGroup`}
          label={t.classes.ageGroup}
          value={form.ageGroup}
          options={AGE_GROUPS.map((group) => ({ value: group, label: t.classes.ageGroups[group] }))}
          placeholder={t.facility.choose}
          required
          errors={messagesFor(errors, 'ageGroup')}
          onChange={(ageGroup) => onChange({ ...form, ageGroup })}
        />
      )}
      <TextField
        id={`${idPrefix}-places`}
        label={t.classes.places}
        inputMode="numeric"
        hint={form.ageGroup ? t.classes.maxSize(CLASS_SIZE_LIMIT[form.ageGroup]) : undefined}
        value={form.places}
        onInput={set('places')}
        required
        errors={messagesFor(errors, 'places')}
      />
      <TextField
        id={`${idPrefix}-enrolled`}
        label={t.classes.enrolled}
        inputMode="numeric"
        value={form.enrolled}
        onInput={set('enrolled')}
        required
        errors={messagesFor(errors, 'enrolled')}
      />
    </div>
  );
}

interface Failure {
  errors: FieldErrors;
  general: string[];
}

/** The failure without the messages of the inputs that changed between two versions of the form. */
function afterEdit(failure: Failure, before: ClassForm, after: ClassForm): Failure {
  let errors = failure.errors;
  for (const field of Object.keys(after) as (keyof ClassForm)[]) if (before[field] !== after[field]) errors = withoutField(errors, field);
  return errors === failure.errors ? failure : { ...failure, errors };
}

function failureOf(caught: unknown, t: Messages): Failure {
  const errors = fieldErrorsOf(caught instanceof ApiError ? caught.problem : null);
  const rest = generalErrors(caught);
  // A 422 lists rule codes (class_size, over_capacity) that may name no field: show each.
  return { errors, general: rest.length > 0 ? rest : hasErrors(errors) ? [] : [errorMessage(caught, t)] };
}

function EditClass({
  item,
  onDone,
  onCancel,
  onStale,
}: {
  item: FacilityClass;
  onDone: () => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { lang, t } = useI18n();
  const [form, setForm] = useState(classToForm(item));
  const [failure, setFailure] = useState<Failure>({ errors: {}, general: [] });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const prefix = `class-${item.id}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const { input, errors } = classFormToInput(form, t.validation);
    setFailure({ errors, general: [] });
    setAttempt((n) => n + 1);
    if (!input) return;
    const changes = classChanges(item, input);
    if (Object.keys(changes).length === 0) return onCancel();
    setBusy(true);
    try {
      await updateClass(item.id, changes, etagOfVersion(item.version), { lang });
      onDone();
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 412) return onStale();
      setFailure(failureOf(caught, t));
      setAttempt((n) => n + 1);
    }
  };

  const items = summaryItems(failure.errors, failure.general, prefix, classLabel(t), t.validation.labelled);
  return (
    <form class="inline-form" onSubmit={save} noValidate aria-label={t.classes.editTitle(item.name)}>
      <ErrorSummary title={t.validation.summaryTitle(items.length)} items={items} focusKey={attempt} />
      <ClassFields
        idPrefix={prefix}
        form={form}
        onChange={(next) => {
          setFailure((previous) => afterEdit(previous, form, next));
          setForm(next);
        }}
        errors={failure.errors}
        ageGroupFixed
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {t.classes.save}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t.console.cancel}
        </button>
      </div>
    </form>
  );
}

function AddClass({ facilityId, onAdded }: { facilityId: string; onAdded: () => void }) {
  const { lang, t } = useI18n();
  const [form, setForm] = useState(emptyClassForm());
  const [failure, setFailure] = useState<Failure>({ errors: {}, general: [] });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const add = async (event: Event) => {
    event.preventDefault();
    const { input, errors } = classFormToInput(form, t.validation);
    setFailure({ errors, general: [] });
    setAttempt((n) => n + 1);
    if (!input) return;
    setBusy(true);
    try {
      await createClass(facilityId, input, { lang });
      setForm(emptyClassForm());
      onAdded();
    } catch (caught) {
      setFailure(failureOf(caught, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(failure.errors, failure.general, 'new-class', classLabel(t), t.validation.labelled);
  return (
    <form class="card add-form" onSubmit={add} noValidate aria-labelledby="add-class-title">
      <h3 id="add-class-title">{t.classes.add}</h3>
      <ErrorSummary title={t.validation.summaryTitle(items.length)} items={items} focusKey={attempt} />
      <ClassFields
        idPrefix="new-class"
        form={form}
        onChange={(next) => {
          setFailure((previous) => afterEdit(previous, form, next));
          setForm(next);
        }}
        errors={failure.errors}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t.classes.adding : t.classes.add}
        </button>
      </div>
    </form>
  );
}

export function ClassesSection({ facilityId, editable }: { facilityId: string; editable: boolean }) {
  const { lang, t } = useI18n();
  const { state, reload } = useAsync((signal) => listClasses(facilityId, { lang, signal }), facilityId);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const now = new Date();

  const remove = async (item: FacilityClass) => {
    try {
      await deleteClass(item.id, { lang });
      setNotice({ kind: 'success', text: t.classes.deleted });
    } catch (caught) {
      setNotice({ kind: 'error', text: errorMessage(caught, t) });
    }
    setConfirming(null);
    reload();
  };

  return (
    <section class="panel-section" aria-labelledby="classes-title">
      <h2 id="classes-title">{t.classes.title}</h2>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <AsyncStatus state={state} />
      {state.status === 'ready' && (
        <>
          {state.value.length === 0 ? <p>{t.classes.empty}</p> : <ClassTotals classes={state.value} />}
          <ul class="item-list">
            {state.value.map((item) => (
              <ClassCard
                key={item.id}
                item={item}
                now={now}
                actions={
                  !editable ? undefined : editing === item.id ? (
                    <EditClass
                      item={item}
                      onCancel={() => setEditing(null)}
                      onDone={() => {
                        setEditing(null);
                        setNotice({ kind: 'success', text: t.classes.savedClass });
                        reload();
                      }}
                      onStale={() => {
                        setEditing(null);
                        setNotice({ kind: 'warning', text: t.classes.stale });
                        reload();
                      }}
                    />
                  ) : confirming === item.id ? (
                    <Confirm
                      question={t.classes.confirmDelete(item.name)}
                      onConfirm={() => remove(item)}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <div class="item-card__actions">
                      <button type="button" class="button button--small button--secondary" onClick={() => setEditing(item.id)}>
                        {t.classes.edit}
                        <span class="visually-hidden"> {item.name}</span>
                      </button>
                      <button type="button" class="button button--small button--danger-outline" onClick={() => setConfirming(item.id)}>
                        {t.classes.delete}
                        <span class="visually-hidden"> {item.name}</span>
                      </button>
                    </div>
                  )
                }
              />
            ))}
          </ul>
        </>
      )}
      {editable && (
        <AddClass
          facilityId={facilityId}
          onAdded={() => {
            setNotice({ kind: 'success', text: t.classes.addedClass });
            reload();
          }}
        />
      )}
    </section>
  );
}
