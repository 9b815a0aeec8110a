// A parent's pages: `/console/applications` (my applications: each choice's place in its queue and any offer to
// accept or decline before it expires) and `/console/applications/new?facility=<id>` (apply, the facility of the
// public page chosen first). Both need a parent's session: without one, /login (sign in or register as a parent)
// and back here.
import { useState } from 'preact/hooks';
import {
  createApplication,
  decideOffer,
  listApplications,
  monthFromNow,
  withdrawApplication,
  type Application,
  type NewApplication,
} from '../../api/applications';
import { ApiError } from '../../api/client';
import { fetchPublicFacility } from '../../api/public';
import { SERVICE_TYPES } from '../../api/registry';
import { ConsolePage } from '../../components/console-page';
import { errorMessage, generalErrors } from '../../components/error-message';
import { SelectField, TextField } from '../../components/fields';
import { AsyncStatus, Notice } from '../../components/notice';
import { useAsync } from '../../components/use-async';
import { fieldErrorsOf, messagesFor, type FieldErrors } from '../../forms/field-errors';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useSearchParam } from '../../router/router';
import { paths } from '../../router/routes';
import { RequireRole } from '../console/shared/require-role';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function ApplicationCard({
  application,
  onChanged,
}: {
  application: Application;
  onChanged: (next: Application, message: string) => void;
}) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = new Map(application.choices.map((c) => [c.facilityId, c.facilityName]));
  const act = async (work: () => Promise<[Application, string]>) => {
    setBusy(true);
    setError(null);
    try {
      const [next, message] = await work();
      onChanged(next, message);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const open = application.offers.filter((o) => o.status === 'open');
  return (
    <li class="card application-card" data-application={application.id}>
      <h2 class="card__title">
        {application.child.label}
        <span class="badge" data-status={application.status}>
          {t.applications.status[application.status]}
        </span>
      </h2>
      <p class="card__intro">
        {t.applications.startsIn(application.startMonth)} · {t.applications.ageGroups[application.ageGroup]} ·{' '}
        {t.applications.serviceTypes[application.serviceType]}
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      {open.map((offer) => (
        <div class="offer-box" key={offer.id} data-offer={offer.id}>
          <p>
            <strong>{t.applications.offer}</strong>:{' '}
            {t.applications.offerOf(names.get(offer.facilityId) ?? '', offer.className ?? '', offer.expiresOn)}
          </p>
          <div class="form-actions">
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => act(async () => [(await decideOffer(offer.id, 'accept', { lang })).application, t.applications.accepted])}
            >
              {t.applications.accept}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => act(async () => [(await decideOffer(offer.id, 'decline', { lang })).application, t.applications.declined])}
            >
              {t.applications.decline}
            </button>
          </div>
        </div>
      ))}
      <ol class="choice-list">
        {application.choices.map((c) => (
          <li key={c.rank} data-choice={c.facilityId}>
            <span>{t.applications.choice(c.rank)}: </span>
            <Link href={paths.facility(c.facilityId)}>{c.facilityName}</Link>
            <span> · {t.applications.choiceStatus[c.status]}</span>
            {c.position !== null && <span class="choice-position"> · {t.applications.position(c.position)}</span>}
          </li>
        ))}
      </ol>
      {application.status === 'waiting' && (
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => {
            if (!window.confirm(t.applications.withdrawConfirm)) return;
            void act(async () => [await withdrawApplication(application.id, { lang }), t.applications.withdrawn]);
          }}
        >
          {t.applications.withdraw}
        </button>
      )}
    </li>
  );
}

function MyApplicationsScreen() {
  const { lang, t } = useI18n();
  const [message, setMessage] = useState<string | null>(useSearchParam('sent') === '1' ? t.applications.submitted : null);
  const { state, setValue } = useAsync(async (signal) => (await listApplications({ limit: 50 }, { lang, signal })).items, 'mine');
  return (
    <ConsolePage title={t.applications.myTitle}>
      <p class="section-intro">{t.applications.myIntro}</p>
      {message && (
        <Notice kind="success" id="applications-result">
          {message}
        </Notice>
      )}
      <AsyncStatus state={state} />
      {state.status === 'ready' && state.value.length === 0 && (
        <p>
          {t.applications.none} <Link href={paths.map()}>{t.applications.findOnMap}</Link>
        </p>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul class="item-list application-list">
          {state.value.map((a) => (
            <ApplicationCard
              key={a.id}
              application={a}
              onChanged={(next, text) => {
                setValue(state.value.map((x) => (x.id === next.id ? next : x)));
                setMessage(text);
              }}
            />
          ))}
        </ul>
      )}
    </ConsolePage>
  );
}

function ApplyScreen() {
  const { lang, t } = useI18n();
  const facilityId = useSearchParam('facility') ?? '';
  const facility = useAsync((signal) => fetchPublicFacility(facilityId, { lang, signal }), `${facilityId}:${lang}`);
  const [form, setForm] = useState({ label: '', birthMonth: '', startMonth: monthFromNow(1), serviceType: 'full_day' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form.label.trim()) found['child.label'] = [t.validation.required];
    if (!MONTH.test(form.birthMonth)) found['child.birthMonth'] = [t.validation.required];
    if (!MONTH.test(form.startMonth)) found.startMonth = [t.validation.required];
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await createApplication(
        {
          child: { label: form.label.trim(), birthMonth: form.birthMonth },
          startMonth: form.startMonth,
          serviceType: form.serviceType as NewApplication['serviceType'], // the select offers SERVICE_TYPES only
          choices: [facilityId],
        },
        { lang },
      );
      navigate(`${paths.myApplications()}?sent=1`);
    } catch (caught) {
      const problem = caught instanceof ApiError ? caught.problem : null;
      const byField = fieldErrorsOf(problem);
      setErrors(byField);
      const rest = generalErrors(caught);
      const choiceErrors = Object.entries(byField)
        .filter(([k]) => k.startsWith('choices'))
        .flatMap(([, v]) => v);
      setGeneral([...choiceErrors, ...(rest.length > 0 ? rest : Object.keys(byField).length ? [] : [errorMessage(caught, t)])]);
      setBusy(false);
    }
  };

  const name = facility.state.status === 'ready' ? facility.state.value.name : '';
  return (
    <ConsolePage title={t.applications.applyTitle} back={{ href: paths.facility(facilityId), label: name || t.applications.applyFor }}>
      <AsyncStatus state={facility.state} />
      {facility.state.status === 'ready' && (
        <form class="card" onSubmit={submit} noValidate aria-labelledby="apply-title" id="apply-form">
          <h2 class="card__title" id="apply-title">
            {name}
          </h2>
          <p class="card__intro">{t.applications.applyIntro(name)}</p>
          {general.length > 0 && (
            <Notice kind="error">
              {general.map((m, i) => (
                <p key={i}>{m}</p>
              ))}
            </Notice>
          )}
          <TextField
            id="apply-label"
            label={t.applications.childLabel}
            hint={t.applications.childLabelHint}
            value={form.label}
            onInput={set('label')}
            maxLength={20}
            required
            errors={messagesFor(errors, 'child.label')}
          />
          <MonthField
            id="apply-birth-month"
            label={t.applications.birthMonth}
            value={form.birthMonth}
            onInput={set('birthMonth')}
            errors={messagesFor(errors, 'child.birthMonth')}
          />
          <MonthField
            id="apply-start-month"
            label={t.applications.startMonth}
            value={form.startMonth}
            onInput={set('startMonth')}
            errors={messagesFor(errors, 'startMonth')}
          />
          <SelectField
            id="apply-service-type"
            label={t.applications.serviceType}
            value={form.serviceType as (typeof SERVICE_TYPES)[number]}
            onChange={(v) => set('serviceType')(v || 'full_day')}
            options={SERVICE_TYPES.map((value) => ({ value, label: t.applications.serviceTypes[value]! }))}
          />
          <div class="form-actions">
            <button type="submit" class="button" disabled={busy}>
              {busy ? t.applications.submitting : t.applications.submit}
            </button>
          </div>
        </form>
      )}
    </ConsolePage>
  );
}

/** `<input type="month">` (a text field with the YYYY-MM pattern where the browser has no month picker). */
function MonthField({
  id,
  label,
  value,
  onInput,
  errors,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  errors?: string[];
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div class={`field${invalid ? ' field--invalid' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="field__input"
        type="month"
        pattern="[0-9]{4}-[0-9]{2}"
        placeholder="2025-03"
        value={value}
        required
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {invalid && (
        <p class="field__error" id={`${id}-error`}>
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}

export function MyApplicationsPage() {
  return (
    <RequireRole roles={['parent']}>
      <MyApplicationsScreen />
    </RequireRole>
  );
}

export function ApplyPage() {
  return (
    <RequireRole roles={['parent']}>
      <ApplyScreen />
    </RequireRole>
  );
}
