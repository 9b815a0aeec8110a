// Adding a staff member: identity, role, employment, health certificate, qualifications (rows),
// background check, and for a caregiver the classes they look after.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/client';
import {
  createStaff,
  EDUCATION_LEVELS,
  QUALIFICATION_TYPES,
  STAFF_ROLES,
  type EducationLevel,
  type FacilityClass,
  type QualificationType,
  type StaffRole,
} from '../../../api/registry';
import { errorMessage, generalErrors } from '../../../components/error-message';
import { CheckboxField, CheckboxGroup, FieldSet, SelectField, TextField } from '../../../components/fields';
import { ErrorSummary } from '../../../components/notice';
import { fieldErrorsOf, hasErrors, messagesFor, withoutField, type FieldErrors } from '../../../forms/field-errors';
import { useConsoleI18n, type ConsoleMessages } from '../shared/console-text';
import { summaryItems } from './form-summary';
import {
  emptyQualificationRow,
  emptyStaffForm,
  staffFormToInput,
  withRole,
  type QualificationRow,
  type StaffForm,
} from './staff-form-model';

const ID = 'staff';
/** Form fields whose API path differs from their name. */
const STAFF_API_PATH: Partial<Record<keyof StaffForm, string>> = {
  healthCertificateNumber: 'healthCertificate.number',
  healthCertificateExpiresOn: 'healthCertificate.expiresOn',
};

function labelOf(t: ConsoleMessages) {
  const s = t.staff;
  const labels: Record<string, string> = {
    name: s.name,
    role: s.role,
    idNumber: s.idNumber,
    phone: s.phone,
    hiredOn: s.hiredOn,
    fullTime: s.fullTime,
    education: s.education,
    experienceYears: s.experienceYears,
    classIds: s.classIds,
    'healthCertificate.number': s.healthCertificateNumber,
    'healthCertificate.expiresOn': s.healthCertificateExpiresOn,
    healthCertificate: s.healthCertificate,
    qualifications: s.qualifications,
    backgroundChecked: s.backgroundChecked,
    backgroundCheckedOn: s.backgroundCheckedOn,
    employer: s.employer,
  };
  const rowLabels: Record<string, string> = {
    type: s.qualificationType,
    number: s.qualificationNumber,
    issuedOn: s.qualificationIssuedOn,
    expiresOn: s.qualificationExpiresOn,
  };
  return (path: string): string | null => {
    const match = /^qualifications\.(\d+)\.(\w+)$/.exec(path);
    if (match) return `${s.qualificationItem(Number(match[1]) + 1)} ${rowLabels[match[2]!] ?? match[2]}`;
    return labels[path] ?? null;
  };
}

export function StaffForm({
  facilityId,
  classes,
  onAdded,
  onCancel,
}: {
  facilityId: string;
  classes: FacilityClass[];
  onAdded: (name: string) => void;
  onCancel: () => void;
}) {
  const { lang, t } = useConsoleI18n();
  const s = t.staff;
  const [form, setForm] = useState<StaffForm>(emptyStaffForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const edited = (path: string) => setErrors((previous) => withoutField(previous, path));
  const set =
    <K extends keyof StaffForm>(field: K) =>
    (value: StaffForm[K]) => {
      setForm((previous) => ({ ...previous, [field]: value }));
      edited(STAFF_API_PATH[field] ?? field);
    };
  const err = (path: string) => messagesFor(errors, path);
  const updateRow = (index: number, patch: Partial<QualificationRow>) => {
    setForm((previous) => ({
      ...previous,
      qualifications: previous.qualifications.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
    for (const field of Object.keys(patch)) edited(`qualifications.${index}.${field}`);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const { input, errors: found } = staffFormToInput(form, t.validation);
    setErrors(found);
    setGeneral([]);
    setAttempt((n) => n + 1);
    if (!input) return;
    setBusy(true);
    try {
      await createStaff(facilityId, input, { lang });
      onAdded(input.name);
    } catch (caught) {
      const fielded = fieldErrorsOf(caught instanceof ApiError ? caught.problem : null);
      setErrors(fielded);
      const rest = generalErrors(caught);
      setGeneral(rest.length > 0 ? rest : hasErrors(fielded) ? [] : [errorMessage(caught, t)]);
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  const items = summaryItems(errors, general, ID, labelOf(t), t.validation.labelled);
  return (
    <form class="card add-form staff-form" onSubmit={submit} noValidate aria-labelledby="staff-form-title">
      <h3 id="staff-form-title">{s.formTitle}</h3>
      <ErrorSummary title={t.validation.summaryTitle(items.length)} items={items} focusKey={attempt} />
      <div class="form-grid">
        <TextField
          id={`${ID}-name`}
          label={s.name}
          value={form.name}
          onInput={set('name')}
          required
          autoComplete="off"
          errors={err('name')}
        />
        <SelectField<StaffRole>
          id={`${ID}-role`}
          label={s.role}
          value={form.role}
          options={STAFF_ROLES.map((role) => ({ value: role, label: s.roles[role] }))}
          placeholder={t.facility.choose}
          required
          errors={err('role')}
          onChange={(role) => {
            setForm((previous) => withRole(previous, role));
            edited('role');
          }}
        />
        <TextField
          id={`${ID}-idNumber`}
          label={s.idNumber}
          hint={s.idNumberHint}
          value={form.idNumber}
          onInput={set('idNumber')}
          required
          maxLength={18}
          autoComplete="off"
          errors={err('idNumber')}
        />
        <TextField id={`${ID}-phone`} label={s.phone} type="tel" value={form.phone} onInput={set('phone')} errors={err('phone')} />
        <TextField
          id={`${ID}-hiredOn`}
          label={s.hiredOn}
          type="date"
          value={form.hiredOn}
          onInput={set('hiredOn')}
          required
          errors={err('hiredOn')}
        />
        <SelectField<EducationLevel>
          id={`${ID}-education`}
          label={s.education}
          value={form.education}
          options={EDUCATION_LEVELS.map((level) => ({ value: level, label: s.educations[level] }))}
          placeholder={t.facility.none}
          errors={err('education')}
          onChange={set('education')}
        />
        <TextField
          id={`${ID}-experienceYears`}
          label={s.experienceYears}
          inputMode="numeric"
          value={form.experienceYears}
          onInput={set('experienceYears')}
          errors={err('experienceYears')}
        />
        <CheckboxField
          id={`${ID}-fullTime`}
          label={s.fullTime}
          checked={form.fullTime}
          onChange={set('fullTime')}
          errors={err('fullTime')}
        />
      </div>
      {form.role === 'caregiver' &&
        (classes.length === 0 ? (
          <p class="field__hint">{s.noClasses}</p>
        ) : (
          <CheckboxGroup
            id={`${ID}-classIds`}
            label={s.classIds}
            values={form.classIds}
            options={classes.map((item) => ({ value: item.id, label: item.name }))}
            onChange={set('classIds')}
            errors={err('classIds')}
          />
        ))}
      <FieldSet legend={s.healthCertificate}>
        <div class="form-grid">
          <TextField
            id={`${ID}-healthCertificate-number`}
            label={s.healthCertificateNumber}
            value={form.healthCertificateNumber}
            onInput={set('healthCertificateNumber')}
            required
            errors={err('healthCertificate.number')}
          />
          <TextField
            id={`${ID}-healthCertificate-expiresOn`}
            label={s.healthCertificateExpiresOn}
            type="date"
            value={form.healthCertificateExpiresOn}
            onInput={set('healthCertificateExpiresOn')}
            required
            errors={err('healthCertificate.expiresOn')}
          />
        </div>
      </FieldSet>
      <FieldSet legend={s.qualifications}>
        {(errors.qualifications ?? []).length > 0 && <p class="field__error">{errors.qualifications!.join('；')}</p>}
        <ol class="row-list">
          {form.qualifications.map((row, index) => {
            const id = (field: string) => `${ID}-qualifications-${index}-${field}`;
            const rowErr = (field: string) => err(`qualifications.${index}.${field}`);
            return (
              <li key={row.key} class="row-card">
                <fieldset class="row-card__fields">
                  <legend class="row-card__title">{s.qualificationItem(index + 1)}</legend>
                  <div class="form-grid">
                    <SelectField<QualificationType>
                      id={id('type')}
                      label={s.qualificationType}
                      value={row.type}
                      options={QUALIFICATION_TYPES.map((type) => ({ value: type, label: s.qualificationTypes[type] }))}
                      placeholder={t.facility.choose}
                      required
                      errors={rowErr('type')}
                      onChange={(type) => updateRow(index, { type })}
                    />
                    <TextField
                      id={id('number')}
                      label={s.qualificationNumber}
                      value={row.number}
                      required
                      errors={rowErr('number')}
                      onInput={(number) => updateRow(index, { number })}
                    />
                    <TextField
                      id={id('issuedOn')}
                      label={s.qualificationIssuedOn}
                      type="date"
                      value={row.issuedOn}
                      required
                      errors={rowErr('issuedOn')}
                      onInput={(issuedOn) => updateRow(index, { issuedOn })}
                    />
                    <TextField
                      id={id('expiresOn')}
                      label={s.qualificationExpiresOn}
                      type="date"
                      value={row.expiresOn}
                      errors={rowErr('expiresOn')}
                      onInput={(expiresOn) => updateRow(index, { expiresOn })}
                    />
                  </div>
                  <button
                    type="button"
                    class="button button--small button--danger-outline"
                    onClick={() =>
                      setForm((previous) => ({ ...previous, qualifications: previous.qualifications.filter((_, i) => i !== index) }))
                    }
                  >
                    {s.removeQualification(index + 1)}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => setForm((previous) => ({ ...previous, qualifications: [...previous.qualifications, emptyQualificationRow()] }))}
        >
          {s.addQualification}
        </button>
      </FieldSet>
      {form.role === 'security' && (
        <TextField
          id={`${ID}-employer`}
          label={s.employer}
          hint={s.employerHint}
          value={form.employer}
          onInput={set('employer')}
          required
          errors={err('employer')}
        />
      )}
      <CheckboxField
        id={`${ID}-backgroundChecked`}
        label={s.backgroundChecked}
        checked={form.backgroundChecked}
        onChange={set('backgroundChecked')}
        errors={err('backgroundChecked')}
      />
      {form.backgroundChecked && (
        <TextField
          id={`${ID}-backgroundCheckedOn`}
          type="date"
          label={s.backgroundCheckedOn}
          hint={s.backgroundCheckedOnHint}
          value={form.backgroundCheckedOn}
          onInput={set('backgroundCheckedOn')}
          errors={err('backgroundCheckedOn')}
        />
      )}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? s.adding : s.add}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t.console.cancel}
        </button>
      </div>
    </form>
  );
}
