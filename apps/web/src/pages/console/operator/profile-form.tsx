// The facility profile form, for a new facility (POST) and for editing one (PATCH with If-Match).
// It checks what it can before sending; the API's field errors show beside their fields and all of
// them in the summary at the top. A stale If-Match (412) reloads the facility and says why.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import {
  createFacility,
  FACILITY_KINDS,
  OWNERSHIPS,
  SERVICE_TYPES,
  updateFacility,
  type Facility,
  type FacilityInput,
  type FacilityKind,
  type Ownership,
  type Versioned,
} from '../../../api/registry';
import { errorMessage, generalErrors } from '../../../components/error-message';
import { CheckboxField, CheckboxGroup, FieldSet, SelectField, TextField } from '../../../components/fields';
import { LocationPicker } from '../../../components/location-picker';
import { ErrorSummary, Notice } from '../../../components/notice';
import { fieldErrorsOf, hasErrors, messagesFor, withoutField, type FieldErrors } from '../../../forms/field-errors';
import { useConsoleI18n, type ConsoleMessages } from '../shared/console-text';
import { DocumentsEditor } from './documents-editor';
import { changedFields, emptyFacilityForm, facilityToForm, formToInput, type FacilityForm } from './facility-form-model';
import { summaryItems } from './form-summary';

const ID = 'facility';

function labelOf(t: ConsoleMessages) {
  return (path: string): string | null => {
    const parts = path.split('.');
    const [head, index, field] = parts;
    if (head === 'location') return index === 'lng' ? t.facility.fields.lng : t.facility.fields.lat;
    if (head === 'documents' && index !== undefined && field) {
      const label = (t.documents as unknown as Record<string, unknown>)[field];
      return `${t.documents.item(Number(index) + 1)} ${typeof label === 'string' ? label : field}`;
    }
    return (t.facility.fields as Record<string, string>)[head ?? ''] ?? null;
  };
}

export interface ProfileFormProps {
  /** The facility being edited, with its ETag; absent for a new one. */
  facility?: Versioned<Facility>;
  editable: boolean;
  onSaved: (saved: Versioned<Facility>, created: boolean) => void;
  /** The facility changed under us (412): reload it. */
  onStale: () => void;
}

export function ProfileForm({ facility, editable, onSaved, onStale }: ProfileFormProps) {
  const { lang, t } = useConsoleI18n();
  const [form, setForm] = useState<FacilityForm>(() => (facility ? facilityToForm(facility.data) : emptyFacilityForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const edited = (path: string) => setErrors((previous) => withoutField(previous, path));
  const set =
    <K extends keyof FacilityForm>(field: K) =>
    (value: FacilityForm[K]) => {
      setForm((previous) => ({ ...previous, [field]: value }));
      if (field !== 'documents') edited(field);
    };
  const err = (path: string) => messagesFor(errors, path);
  // A draft is saved with what it has (its name and location at least); the filing checks come at submission.
  const draft = !facility || facility.data.status === 'draft';

  const submit = async (event: Event) => {
    event.preventDefault();
    setUnchanged(false);
    const { input, errors: found } = formToInput(form, t.validation, draft);
    setErrors(found);
    setGeneral([]);
    setAttempt((n) => n + 1);
    if (hasErrors(found)) return;

    let body: Partial<FacilityInput> = input;
    if (facility) {
      body = changedFields(facility.data, input, t.validation, draft);
      if (Object.keys(body).length === 0) {
        setUnchanged(true);
        return;
      }
    }
    setBusy(true);
    try {
      const saved = facility
        ? await updateFacility(facility.data.id, body, facility.etag ?? `"${facility.data.version}"`, { lang })
        : await createFacility(body, { lang });
      onSaved(saved, !facility);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        onStale();
        return;
      }
      setErrors(fieldErrorsOf(caught instanceof ApiError ? caught.problem : null));
      const rest = generalErrors(caught);
      const fielded = caught instanceof ApiError && (caught.problem?.errors ?? []).some((item) => item.field);
      setGeneral(rest.length > 0 ? rest : fielded ? [] : [errorMessage(caught, t)]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(errors, general, ID, labelOf(t), t.validation.labelled);
  const f = t.facility.fields;
  const disabled = !editable || busy;

  return (
    <form class="facility-form" onSubmit={submit} noValidate aria-label={t.console.tabs.profile}>
      <ErrorSummary title={t.validation.summaryTitle(items.length)} items={items} focusKey={attempt} />
      {unchanged && <Notice kind="info">{t.console.saved}</Notice>}
      <FieldSet legend={t.facility.sections.basics}>
        <div class="form-grid">
          <TextField
            id={`${ID}-name`}
            label={f.name}
            value={form.name}
            onInput={set('name')}
            required
            disabled={disabled}
            errors={err('name')}
            class="span-2"
          />
          <TextField
            id={`${ID}-creditCode`}
            label={f.creditCode}
            hint={t.facility.hints.creditCode}
            value={form.creditCode}
            onInput={set('creditCode')}
            required={!draft}
            disabled={disabled}
            maxLength={18}
            errors={err('creditCode')}
          />
          <SelectField<FacilityKind>
            id={`${ID}-kind`}
            label={f.kind}
            value={form.kind}
            options={FACILITY_KINDS.map((kind) => ({ value: kind, label: t.facility.kinds[kind] }))}
            placeholder={t.facility.choose}
            onChange={set('kind')}
            required={!draft}
            disabled={disabled}
            errors={err('kind')}
          />
          <SelectField<Ownership>
            id={`${ID}-ownership`}
            label={f.ownership}
            value={form.ownership}
            options={OWNERSHIPS.map((ownership) => ({ value: ownership, label: t.facility.ownerships[ownership] }))}
            placeholder={t.facility.choose}
            onChange={set('ownership')}
            required={!draft}
            disabled={disabled}
            errors={err('ownership')}
          />
          <CheckboxGroup
            id={`${ID}-serviceTypes`}
            label={f.serviceTypes}
            values={form.serviceTypes}
            options={SERVICE_TYPES.map((type) => ({ value: type, label: t.facility.serviceTypes[type] }))}
            onChange={set('serviceTypes')}
            required={!draft}
            disabled={disabled}
            errors={err('serviceTypes')}
          />
          <div class="check-column">
            <CheckboxField
              id={`${ID}-affordable`}
              label={f.affordable}
              checked={form.affordable}
              onChange={set('affordable')}
              disabled={disabled}
              errors={err('affordable')}
            />
            <CheckboxField
              id={`${ID}-medicalIntegrated`}
              label={f.medicalIntegrated}
              checked={form.medicalIntegrated}
              onChange={set('medicalIntegrated')}
              disabled={disabled}
              errors={err('medicalIntegrated')}
            />
            <CheckboxField
              id={`${ID}-servesMeals`}
              label={f.servesMeals}
              checked={form.servesMeals}
              onChange={set('servesMeals')}
              disabled={disabled}
              errors={err('servesMeals')}
            />
          </div>
        </div>
      </FieldSet>

      <FieldSet legend={t.facility.sections.location}>
        <TextField
          id={`${ID}-address`}
          label={f.address}
          value={form.address}
          onInput={set('address')}
          required={!draft}
          disabled={disabled}
          errors={err('address')}
        />
        <p class="field__hint" id={`${ID}-location-hint`}>
          {t.facility.hints.location}
        </p>
        <LocationPicker
          idPrefix={ID}
          lat={form.lat}
          lng={form.lng}
          disabled={disabled}
          latErrors={[...err('location.lat'), ...(errors.location ?? [])]}
          lngErrors={err('location.lng')}
          onChange={(lat, lng) => {
            setForm((previous) => ({ ...previous, lat, lng }));
            edited('location');
          }}
        />
      </FieldSet>

      <FieldSet legend={t.facility.sections.premises}>
        <div class="form-grid">
          <TextField
            id={`${ID}-floors`}
            label={f.floors}
            hint={t.facility.hints.floors}
            value={form.floors}
            onInput={set('floors')}
            required={!draft}
            disabled={disabled}
            errors={err('floors')}
          />
          <TextField
            id={`${ID}-exitCount`}
            label={f.exitCount}
            inputMode="numeric"
            value={form.exitCount}
            onInput={set('exitCount')}
            required={!draft}
            disabled={disabled}
            errors={err('exitCount')}
          />
          <TextField
            id={`${ID}-indoorAreaM2`}
            label={f.indoorAreaM2}
            inputMode="decimal"
            value={form.indoorAreaM2}
            onInput={set('indoorAreaM2')}
            required={!draft}
            disabled={disabled}
            errors={err('indoorAreaM2')}
          />
          <TextField
            id={`${ID}-outdoorAreaM2`}
            label={f.outdoorAreaM2}
            inputMode="decimal"
            value={form.outdoorAreaM2}
            onInput={set('outdoorAreaM2')}
            required={!draft}
            disabled={disabled}
            errors={err('outdoorAreaM2')}
          />
          <TextField
            id={`${ID}-monthlyFee`}
            label={f.monthlyFee}
            inputMode="numeric"
            value={form.monthlyFee}
            onInput={set('monthlyFee')}
            required={!draft}
            disabled={disabled}
            errors={err('monthlyFee')}
          />
          <TextField
            id={`${ID}-phone`}
            label={f.phone}
            type="tel"
            value={form.phone}
            onInput={set('phone')}
            required={!draft}
            disabled={disabled}
            errors={err('phone')}
          />
          <TextField
            id={`${ID}-openingHours`}
            label={f.openingHours}
            hint={t.facility.hints.openingHours}
            value={form.openingHours}
            onInput={set('openingHours')}
            required={!draft}
            disabled={disabled}
            errors={err('openingHours')}
          />
          <CheckboxField
            id={`${ID}-surveillance`}
            label={f.surveillance}
            hint={t.facility.hints.surveillance}
            checked={form.surveillance}
            onChange={set('surveillance')}
            disabled={disabled}
            errors={err('surveillance')}
          />
        </div>
      </FieldSet>

      <FieldSet legend={t.documents.title}>
        <DocumentsEditor
          idPrefix={ID}
          rows={form.documents}
          onChange={set('documents')}
          onEdited={edited}
          errors={errors}
          disabled={disabled}
        />
      </FieldSet>

      {editable && (
        <div class="form-actions form-actions--sticky">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t.console.saving : facility ? t.console.save : t.console.create}
          </button>
        </div>
      )}
    </form>
  );
}
