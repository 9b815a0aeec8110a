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
