// The new-staff form as data and its mapping to `POST /facilities/{id}/staff`. Pure, unit-tested.
import type { EducationLevel, QualificationType, StaffInput, StaffRole } from '../../../api/registry';
import { isValidResidentId } from '../../../forms/checksums';
import { addFieldError, type FieldErrors } from '../../../forms/field-errors';
import { isIsoDate, parseInteger } from '../../../forms/form-values';
import type { Messages } from '../../../i18n/zh-CN';
import { newRowKey } from './facility-form-model';

export interface QualificationRow {
  key: number;
  type: QualificationType | '';
  number: string;
  issuedOn: string;
  expiresOn: string;
}

export interface StaffForm {
  name: string;
  role: StaffRole | '';
  idNumber: string;
  phone: string;
  hiredOn: string;
  fullTime: boolean;
  education: EducationLevel | '';
  experienceYears: string;
  classIds: string[];
  healthCertificateNumber: string;
  healthCertificateExpiresOn: string;
  qualifications: QualificationRow[];
  backgroundChecked: boolean;
  /** Empty: the day it is recorded. */
  backgroundCheckedOn: string;
  /** A security guard's security company. */
  employer: string;
}

/** The qualification a role usually needs (the national standard), offered as the first row. */
const USUAL_QUALIFICATION: Partial<Record<StaffRole, QualificationType>> = {
  caregiver: 'childcare_worker',
  health: 'health_training',
  security: 'security_guard',
  nutritionist: 'nutritionist',
  director: 'director_training',
};

export function emptyQualificationRow(type: QualificationType | '' = ''): QualificationRow {
  return { key: newRowKey(), type, number: '', issuedOn: '', expiresOn: '' };
}

export function emptyStaffForm(): StaffForm {
  return {
    name: '',
    role: '',
    idNumber: '',
    phone: '',
    hiredOn: '',
    fullTime: true,
    education: '',
    experienceYears: '',
    classIds: [],
    healthCertificateNumber: '',
    healthCertificateExpiresOn: '',
    qualifications: [],
    backgroundChecked: false,
    backgroundCheckedOn: '',
    employer: '',
  };
}

/** When the role changes, offer its usual qualification if no certificate row is filled in yet. */
export function withRole(form: StaffForm, role: StaffRole | ''): StaffForm {
  const usual = role ? USUAL_QUALIFICATION[role] : undefined;
  const untouched = form.qualifications.every((row) => !row.number && !row.issuedOn && !row.expiresOn);
  const qualifications = untouched ? (usual ? [emptyQualificationRow(usual)] : []) : form.qualifications;
  return { ...form, role, qualifications, classIds: role === 'caregiver' ? form.classIds : [] };
}

type V = Messages['validation'];

export function staffFormToInput(form: StaffForm, v: V): { input: StaffInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fail = (path: string, message: string) => addFieldError(errors, path, message);
  const date = (path: string, value: string, required: boolean) => {
    if (!value) {
      if (required) fail(path, v.required);
    } else if (!isIsoDate(value)) fail(path, v.date);
  };

  const name = form.name.trim();
  if (!name) fail('name', v.required);
  if (!form.role) fail('role', v.required);
  const idNumber = form.idNumber.trim().toUpperCase();
  if (!idNumber) fail('idNumber', v.required);
  else if (!isValidResidentId(idNumber)) fail('idNumber', v.residentId);
  date('hiredOn', form.hiredOn, true);
  let experienceYears: number | undefined;
  if (form.experienceYears.trim()) {
    const years = parseInteger(form.experienceYears);
    if (years === null) fail('experienceYears', v.integer);
    else if (years < 0) fail('experienceYears', v.nonNegative);
    else experienceYears = years;
  }
  if (!form.healthCertificateNumber.trim()) fail('healthCertificate.number', v.required);
  date('healthCertificate.expiresOn', form.healthCertificateExpiresOn, true);
  form.qualifications.forEach((row, index) => {
    if (!row.type) fail(`qualifications.${index}.type`, v.required);
    if (!row.number.trim()) fail(`qualifications.${index}.number`, v.required);
    date(`qualifications.${index}.issuedOn`, row.issuedOn, true);
    date(`qualifications.${index}.expiresOn`, row.expiresOn, false);
  });
  if (form.backgroundChecked) date('backgroundCheckedOn', form.backgroundCheckedOn, false);
  // A guard comes from a licensed security company, named on the record (docs/domain.md corrections).
  if (form.role === 'security' && !form.employer.trim()) fail('employer', v.required);
  if (Object.keys(errors).length > 0 || !form.role) return { input: null, errors };

  const input: StaffInput = {
    name,
    role: form.role,
    idNumber,
    hiredOn: form.hiredOn,
    fullTime: form.fullTime,
    healthCertificate: { number: form.healthCertificateNumber.trim(), expiresOn: form.healthCertificateExpiresOn },
    qualifications: form.qualifications.map((row) => ({
      type: row.type as QualificationType,
      number: row.number.trim(),
      issuedOn: row.issuedOn,
      ...(row.expiresOn ? { expiresOn: row.expiresOn } : {}),
    })),
    backgroundChecked: form.backgroundChecked,
  };
  if (form.phone.trim()) input.phone = form.phone.trim();
  if (form.education) input.education = form.education;
  if (experienceYears !== undefined) input.experienceYears = experienceYears;
  if (form.role === 'caregiver') input.classIds = [...form.classIds];
  if (form.backgroundChecked && form.backgroundCheckedOn) input.backgroundCheckedOn = form.backgroundCheckedOn;
  if (form.role === 'security') input.employer = form.employer.trim();
  return { input, errors };
}
