import { describe, expect, it } from '@jest/globals';
import { FACILITY_WRITABLE_FIELDS, type Facility } from '../../../api/registry';
import { zhCN } from '../../../i18n/zh-CN';
import { changedFields, emptyDocumentRow, emptyFacilityForm, facilityToForm, formToInput, type FacilityForm } from './facility-form-model';

const v = zhCN.validation;

function filledForm(): FacilityForm {
  const form = emptyFacilityForm();
  return {
    ...form,
    name: ' 阳光托育中心 ',
    creditCode: '91350100m000100y43',
    kind: 'centre',
    ownership: 'private',
    affordable: true,
    servesMeals: false,
    serviceTypes: ['full_day', 'hourly'],
    address: '长春市南关区人民大街 1 号',
    lat: '43.8650',
    lng: '125.3350',
    floors: '1，2',
    indoorAreaM2: '320.5',
    outdoorAreaM2: '120',
    monthlyFee: '1800',
    phone: '0431-88888888',
    openingHours: '7:30-17:30',
    exitCount: '2',
    surveillance: true,
    documents: [
      { ...emptyDocumentRow('legal_entity'), number: 'LE-1', issuedOn: '2024-01-02', scopeIncludesChildcare: true, rating: 'qualified' },
      { ...emptyDocumentRow('premises'), number: 'P-1', issuedOn: '2024-01-03', tenure: 'owned', leaseEndsOn: '2030-01-01' },
      { ...emptyDocumentRow('fire_safety'), number: 'F-1', issuedOn: '2024-02-01', expiresOn: '2027-02-01' },
      { ...emptyDocumentRow('health_evaluation'), number: 'H-1', issuedOn: '2024-03-01', rating: 'qualified' },
    ],
  };
}

describe('facility form → API body', () => {
  it('maps every input to the API’s field, typed and trimmed', () => {
    const { input, errors } = formToInput(filledForm(), v);
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: '阳光托育中心',
      creditCode: '91350100M000100Y43',
      kind: 'centre',
      ownership: 'private',
      affordable: true,
      medicalIntegrated: false,
      servesMeals: false,
      serviceTypes: ['full_day', 'hourly'],
      address: '长春市南关区人民大街 1 号',
      location: { lat: 43.865, lng: 125.335 },
      floors: [1, 2],
      indoorAreaM2: 320.5,
      outdoorAreaM2: 120,
      monthlyFee: 1800,
      phone: '0431-88888888',
      openingHours: '07:30-17:30',
      exitCount: 2,
      surveillance: true,
      documents: [
        { type: 'legal_entity', number: 'LE-1', issuedOn: '2024-01-02', scopeIncludesChildcare: true },
        { type: 'premises', number: 'P-1', issuedOn: '2024-01-03', tenure: 'owned' },
        { type: 'fire_safety', number: 'F-1', issuedOn: '2024-02-01', expiresOn: '2027-02-01' },
        { type: 'health_evaluation', number: 'H-1', issuedOn: '2024-03-01', rating: 'qualified' },
      ],
    });
  });

  it('never sends a read-only field', () => {
    const facility = {
      ...formToInput(filledForm(), v).input,
      id: 'f1',
      regionCode: '220102',
      status: 'draft',
      registrationNo: null,
      rejectionReason: 'x',
      version: 3,
    };
    const { input } = formToInput(facilityToForm(facility as Facility), v);
    for (const key of Object.keys(input)) expect(FACILITY_WRITABLE_FIELDS).toContain(key);
    for (const key of ['id', 'regionCode', 'status', 'registrationNo', 'rejectionReason', 'version']) expect(input).not.toHaveProperty(key);
  });

  it('names each invalid input by its API path', () => {
    const form = {
      ...filledForm(),
      name: '',
      creditCode: '91350100M000100Y44',
      serviceTypes: [],
      lat: '95',
      lng: 'east',
      floors: 'ground',
      monthlyFee: '12.5',
      openingHours: 'all day',
      documents: [{ ...emptyDocumentRow('premises'), number: 'P', issuedOn: '2024-13-01', tenure: 'leased' as const }],
    };
    const { errors } = formToInput(form, v);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'creditCode',
        'documents.0.issuedOn',
        'documents.0.leaseEndsOn',
        'floors',
        'location.lat',
        'location.lng',
        'monthlyFee',
        'name',
        'openingHours',
        'serviceTypes',
      ].sort(),
    );
    expect(errors['documents.0.leaseEndsOn']).toEqual([v.leaseEndsOn]);
  });

  it('sends a leased premises with its lease end', () => {
    const form = {
      ...filledForm(),
      documents: [
        { ...emptyDocumentRow('premises'), number: 'P', issuedOn: '2024-01-01', tenure: 'leased' as const, leaseEndsOn: '2030-06-30' },
      ],
    };
    const { input, errors } = formToInput(form, v);
    expect(errors).toEqual({});
    expect(input.documents).toEqual([
      { type: 'premises', number: 'P', issuedOn: '2024-01-01', tenure: 'leased', leaseEndsOn: '2030-06-30' },
    ]);
  });

  it('requires every field the API requires, and allows no documents in a draft', () => {
    const form = {
      ...filledForm(),
      phone: '',
      outdoorAreaM2: ' ',
      floors: '',
      monthlyFee: '',
      exitCount: '',
      openingHours: '',
      indoorAreaM2: '',
      documents: [],
    };
    const { input, errors } = formToInput(form, v);
    expect(Object.keys(errors).sort()).toEqual([
      'exitCount',
      'floors',
      'indoorAreaM2',
      'monthlyFee',
      'openingHours',
      'outdoorAreaM2',
      'phone',
    ]);
    expect(
      Object.values(errors)
        .flat()
        .every((message) => message === v.required),
    ).toBe(true);
    expect(input.documents).toEqual([]);
  });
});

describe('a draft (issue #18, item 5: saved incomplete)', () => {
  it('is saved with its name and location only: empty fields and untouched document rows are left out', () => {
    const form = { ...emptyFacilityForm(), name: ' 朝阳托育 ', lat: '43.8650', lng: '125.3350' };
    const { input, errors } = formToInput(form, v, true);
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: '朝阳托育',
      location: { lat: 43.865, lng: 125.335 },
      affordable: false,
      medicalIntegrated: false,
      servesMeals: false,
      surveillance: false,
    });
    // The same form is refused for a facility past draft: every field is required there.
    expect(Object.keys(formToInput(form, v).errors).length).toBeGreaterThan(10);
  });

  it('still needs the name and the location, and checks what is entered', () => {
    const { errors } = formToInput({ ...emptyFacilityForm(), creditCode: '91350100M000100Y44', floors: '一楼' }, v, true);
    expect(Object.keys(errors).sort()).toEqual(['creditCode', 'floors', 'location.lat', 'location.lng', 'name']);
    // A document row begun is checked (what it lacks is named); the untouched ones are not.
    const begun = { ...emptyFacilityForm(), name: '朝阳托育', lat: '43.865', lng: '125.335' };
    begun.documents = begun.documents.map((row, index) => (index === 1 ? { ...row, number: 'P-1' } : row));
    const { input, errors: rowErrors } = formToInput(begun, v, true);
    expect(Object.keys(rowErrors).sort()).toEqual(['documents.1.issuedOn', 'documents.1.tenure']);
    expect(input.documents).toBeUndefined();
  });

  it('edits of a draft carry only what changed, and nothing for fields still empty', () => {
    const saved: Facility = {
      id: 'f2',
      name: '朝阳托育',
      creditCode: null,
      kind: null,
      ownership: null,
      affordable: false,
      affordableRecognition: null,
      medicalIntegrated: false,
      servesMeals: false,
      serviceTypes: null,
      address: null,
      location: { lat: 43.865, lng: 125.335 },
      floors: null,
      indoorAreaM2: null,
      outdoorAreaM2: null,
      monthlyFee: null,
      phone: null,
      openingHours: null,
      exitCount: null,
      surveillance: false,
      documents: [],
      regionCode: '220102',
      status: 'draft',
      registrationNo: null,
      rejectionReason: null,
      statusReason: null,
      submittedAt: null,
      reviewOverdue: false,
      version: 1,
      createdAt: '2026-12-06T01:00:00.000Z',
      updatedAt: '2026-12-06T01:00:00.000Z',
    };
    const form = facilityToForm(saved);
    expect(changedFields(saved, formToInput(form, v, true).input, v, true)).toEqual({});
    const next = formToInput({ ...form, kind: 'family', phone: '0431-88888888' }, v, true);
    expect(next.errors).toEqual({});
    expect(changedFields(saved, next.input, v, true)).toEqual({ kind: 'family', phone: '0431-88888888' });
  });
});

describe('PATCH body', () => {
  const loaded = {
    ...formToInput(filledForm(), v).input,
    id: 'f1',
    regionCode: '220102',
    status: 'draft',
    registrationNo: null,
    rejectionReason: null,
    version: 4,
    // What an API may add: nulls for absent optional document fields.
    documents: formToInput(filledForm(), v).input.documents!.map((document) => ({ expiresOn: null, leaseEndsOn: null, ...document })),
  } as Facility;

  it('is empty when nothing was changed', () => {
    const { input } = formToInput(facilityToForm(loaded), v);
    expect(changedFields(loaded, input, v)).toEqual({});
  });

  it('carries only the changed fields', () => {
    const form = { ...facilityToForm(loaded), monthlyFee: '2000', phone: '0431-1', lat: '43.87' };
    const { input } = formToInput(form, v);
    expect(changedFields(loaded, input, v)).toEqual({ monthlyFee: 2000, phone: '0431-1', location: { lat: 43.87, lng: 125.335 } });
  });
});
