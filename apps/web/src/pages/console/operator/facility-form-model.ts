// The facility profile form as data: what the inputs hold (strings, flags, rows), how a facility
// from the API fills them, and how they become a request body. Pure, so it is unit-tested.
// A body carries only the writable fields (FACILITY_WRITABLE_FIELDS); the read-only ones (`id`,
// `regionCode`, `status`, `registrationNo`, `rejectionReason`, `version`) are never sent.
import {
  FACILITY_WRITABLE_FIELDS,
  type DocumentType,
  type Facility,
  type FacilityInput,
  type FacilityKind,
  type FilingDocument,
  type Ownership,
  type Rating,
  type ServiceType,
  type Tenure,
} from '../../../api/registry';
import { isValidCreditCode } from '../../../forms/checksums';
import { addFieldError, type FieldErrors } from '../../../forms/field-errors';
import { formatFloors, isIsoDate, numberText, parseFloors, parseInteger, parseNumber, parseOpeningHours } from '../../../forms/form-values';
import type { Messages } from '../../../i18n/zh-CN';

export interface DocumentRow {
  /** Stable key for rendering (not sent). */
  key: number;
  type: DocumentType | '';
  number: string;
  issuedOn: string;
  expiresOn: string;
  scopeIncludesChildcare: boolean;
  tenure: Tenure | '';
  leaseEndsOn: string;
  rating: Rating | '';
}

export interface FacilityForm {
  name: string;
  creditCode: string;
  kind: FacilityKind | '';
  ownership: Ownership | '';
  affordable: boolean;
  medicalIntegrated: boolean;
  servesMeals: boolean;
  serviceTypes: ServiceType[];
  address: string;
  lat: string;
  lng: string;
  floors: string;
  indoorAreaM2: string;
  outdoorAreaM2: string;
  monthlyFee: string;
  phone: string;
  openingHours: string;
  exitCount: string;
  surveillance: boolean;
  documents: DocumentRow[];
}

let nextKey = 1;
export function newRowKey(): number {
  nextKey += 1;
  return nextKey;
}

export function emptyDocumentRow(type: DocumentType | '' = ''): DocumentRow {
  return {
    key: newRowKey(),
    type,
    number: '',
    issuedOn: '',
    expiresOn: '',
    scopeIncludesChildcare: false,
    tenure: '',
    leaseEndsOn: '',
    rating: '',
  };
}

export function emptyFacilityForm(): FacilityForm {
  return {
    name: '',
    creditCode: '',
    kind: '',
    ownership: '',
    affordable: false,
    medicalIntegrated: false,
    servesMeals: false,
    serviceTypes: [],
    address: '',
    lat: '',
    lng: '',
    floors: '',
    indoorAreaM2: '',
    outdoorAreaM2: '',
    monthlyFee: '',
    phone: '',
    openingHours: '',
    exitCount: '',
    surveillance: false,
    // The documents every filing needs, ready to fill in.
    documents: (['legal_entity', 'premises', 'fire_safety', 'health_evaluation'] as const).map((type) => emptyDocumentRow(type)),
  };
}

function documentRow(document: FilingDocument): DocumentRow {
  return {
    key: newRowKey(),
    type: document.type,
    number: document.number ?? '',
    issuedOn: document.issuedOn ?? '',
    expiresOn: document.expiresOn ?? '',
    scopeIncludesChildcare: document.scopeIncludesChildcare === true,
    tenure: document.tenure ?? '',
    leaseEndsOn: document.leaseEndsOn ?? '',
    rating: document.rating ?? '',
  };
}

export function facilityToForm(facility: Facility): FacilityForm {
  return {
    name: facility.name ?? '',
    creditCode: facility.creditCode ?? '',
    kind: facility.kind ?? '',
    ownership: facility.ownership ?? '',
    affordable: facility.affordable === true,
    medicalIntegrated: facility.medicalIntegrated === true,
    servesMeals: facility.servesMeals === true,
    serviceTypes: [...(facility.serviceTypes ?? [])],
    address: facility.address ?? '',
    lat: numberText(facility.location?.lat),
    lng: numberText(facility.location?.lng),
    floors: formatFloors(facility.floors),
    indoorAreaM2: numberText(facility.indoorAreaM2),
    outdoorAreaM2: numberText(facility.outdoorAreaM2),
    monthlyFee: numberText(facility.monthlyFee),
    phone: facility.phone ?? '',
    openingHours: facility.openingHours ?? '',
    exitCount: numberText(facility.exitCount),
    surveillance: facility.surveillance === true,
    documents: (facility.documents ?? []).map(documentRow),
  };
}

type V = Messages['validation'];

function documentOf(row: DocumentRow, index: number, errors: FieldErrors, v: V): FilingDocument | null {
  const at = (field: string) => `documents.${index}.${field}`;
  let ok = true;
  const fail = (field: string, message: string) => {
    addFieldError(errors, at(field), message);
    ok = false;
  };
  if (!row.type) fail('type', v.required);
  if (!row.number.trim()) fail('number', v.required);
  if (!row.issuedOn) fail('issuedOn', v.required);
  else if (!isIsoDate(row.issuedOn)) fail('issuedOn', v.date);
  if (row.expiresOn && !isIsoDate(row.expiresOn)) fail('expiresOn', v.date);
  if (row.type === 'premises') {
    if (!row.tenure) fail('tenure', v.required);
    if (row.tenure === 'leased' && !row.leaseEndsOn) fail('leaseEndsOn', v.leaseEndsOn);
    else if (row.tenure === 'leased' && !isIsoDate(row.leaseEndsOn)) fail('leaseEndsOn', v.date);
  }
  if (row.type === 'health_evaluation' && !row.rating) fail('rating', v.required);
  if (!ok || !row.type) return null;

  const document: FilingDocument = { type: row.type, number: row.number.trim(), issuedOn: row.issuedOn };
  if (row.expiresOn) document.expiresOn = row.expiresOn;
  if (row.type === 'legal_entity') document.scopeIncludesChildcare = row.scopeIncludesChildcare;
  if (row.type === 'premises' && row.tenure) {
    document.tenure = row.tenure;
    if (row.tenure === 'leased') document.leaseEndsOn = row.leaseEndsOn;
  }
  if (row.type === 'health_evaluation' && row.rating) document.rating = row.rating;
  return document;
}

export interface FacilityBody {
  /** The fields given (a draft's may lack all but the name and location; otherwise every field is given). */
  input: Partial<FacilityInput>;
  errors: FieldErrors;
}

/** A document row nothing was entered in (the four rows a new form offers, as they come). */
export function isBlankRow(row: DocumentRow): boolean {
  return (
    !row.number.trim() && !row.issuedOn && !row.expiresOn && !row.scopeIncludesChildcare && !row.tenure && !row.leaseEndsOn && !row.rating
  );
}

/**
 * Checks the form and builds the body of `POST /facilities` or `PATCH /facilities/{id}`. `errors` is empty when it
 * may be sent. A draft (`draft`: a new facility, or one not yet submitted) needs its name and location only: an empty
 * field or an untouched document row is left out (the filing checks at submission name what is still missing), while
 * what is entered is checked as always. Otherwise every field is required.
 */
export function formToInput(form: FacilityForm, v: V, draft = false): FacilityBody {
  const errors: FieldErrors = {};
  const input: Partial<FacilityInput> = {};
  const required = (path: string, value: string) => {
    if (!value.trim() && (!draft || path === 'name')) addFieldError(errors, path, v.required);
    return value.trim();
  };

  const name = required('name', form.name);
  if (name) input.name = name;
  const creditCode = required('creditCode', form.creditCode).toUpperCase();
  if (creditCode && !isValidCreditCode(creditCode)) addFieldError(errors, 'creditCode', v.creditCode);
  else if (creditCode) input.creditCode = creditCode;
  if (form.kind) input.kind = form.kind;
  else if (!draft) addFieldError(errors, 'kind', v.required);
  if (form.ownership) input.ownership = form.ownership;
  else if (!draft) addFieldError(errors, 'ownership', v.required);
  input.affordable = form.affordable;
  input.medicalIntegrated = form.medicalIntegrated;
  input.servesMeals = form.servesMeals;
  if (form.serviceTypes.length === 0) {
    if (!draft) addFieldError(errors, 'serviceTypes', v.serviceTypes);
  } else input.serviceTypes = [...form.serviceTypes];
  const address = required('address', form.address);
  if (address) input.address = address;

  const lat = parseNumber(form.lat);
  const lng = parseNumber(form.lng);
  if (!form.lat.trim()) addFieldError(errors, 'location.lat', v.required);
  else if (lat === null || lat < -90 || lat > 90) addFieldError(errors, 'location.lat', v.latitude);
  if (!form.lng.trim()) addFieldError(errors, 'location.lng', v.required);
  else if (lng === null || lng < -180 || lng > 180) addFieldError(errors, 'location.lng', v.longitude);
  if (lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) input.location = { lat, lng };

  if (required('floors', form.floors)) {
    const floors = parseFloors(form.floors);
    if (floors) input.floors = floors;
    else addFieldError(errors, 'floors', v.floors);
  }
  const amount = (path: 'indoorAreaM2' | 'outdoorAreaM2', text: string) => {
    if (!required(path, text)) return;
    const value = parseNumber(text);
    if (value === null) addFieldError(errors, path, v.number);
    else if (value < 0) addFieldError(errors, path, v.nonNegative);
    else input[path] = value;
  };
  amount('indoorAreaM2', form.indoorAreaM2);
  amount('outdoorAreaM2', form.outdoorAreaM2);
  const count = (path: 'monthlyFee' | 'exitCount', text: string) => {
    if (!required(path, text)) return;
    const value = parseInteger(text);
    if (value === null) addFieldError(errors, path, v.integer);
    else if (value < 0) addFieldError(errors, path, v.nonNegative);
    else input[path] = value;
  };
  count('monthlyFee', form.monthlyFee);
  count('exitCount', form.exitCount);
  const phone = required('phone', form.phone);
  if (phone) input.phone = phone;
  if (required('openingHours', form.openingHours)) {
    const hours = parseOpeningHours(form.openingHours);
    if (hours) input.openingHours = hours;
    else addFieldError(errors, 'openingHours', v.openingHours);
  }
  input.surveillance = form.surveillance;

  const documents: FilingDocument[] = [];
  form.documents.forEach((row, index) => {
    if (draft && isBlankRow(row)) return;
    const document = documentOf(row, index, errors, v);
    if (document) documents.push(document);
  });
  if (!draft || documents.length > 0 || form.documents.length === 0) input.documents = documents;

  return { input, errors };
}

/**
 * The body of `PATCH /facilities/{id}`: the writable fields whose value differs from the version
 * loaded. Both sides go through the same mapping, so a facility answered with extra nulls does not
 * count as changed. (Every field is required, so `next` comes from a form without errors and has them all.)
 */
export function changedFields(loaded: Facility, next: Partial<FacilityInput>, v: V, draft = false): Partial<FacilityInput> {
  const before = formToInput(facilityToForm(loaded), v, draft).input;
  const changes: Record<string, unknown> = {};
  for (const field of FACILITY_WRITABLE_FIELDS) {
    const a = before[field];
    const b = next[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (b !== undefined) changes[field] = b;
  }
  return changes as Partial<FacilityInput>;
}
