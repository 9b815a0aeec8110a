import { describe, expect, it } from '@jest/globals';
import type { Facility, FacilityClass } from '../../../api/registry';
import { zhCN } from '../../../i18n/zh-CN';
import { changeFormOf, changeOf, isEmptyChange } from './change-form-model';

// Only the fields the change form reads (a FacilityView has every field of the profile).
const facility = {
  id: 'f1',
  name: '阳光托育中心',
  kind: 'centre',
  ownership: 'private',
  address: '长春市南关区人民大街 1 号',
  floors: [1, 2],
  indoorAreaM2: 320.5,
  outdoorAreaM2: 120,
  exitCount: 2,
  servesMeals: true,
  affordable: false,
  regionCode: '220102',
  status: 'registered',
  registrationNo: 'X',
  rejectionReason: null,
  version: 3,
} as Facility;
const classes: FacilityClass[] = [
  {
    id: 'c1',
    facilityId: 'f1',
    name: '托小一班',
    ageGroup: 'toddler',
    places: 15,
    enrolled: 10,
    held: 0,
    vacancies: 5,
    updatedAt: '',
    version: 1,
  },
];

describe('change form → change filing', () => {
  it('starts from the approved state and changes nothing', () => {
    const form = changeFormOf(facility, classes);
    expect(form.floors).toBe('1,2');
    expect(form.places).toEqual({ c1: '15' });
    const { change, errors } = changeOf(form, facility, classes, zhCN);
    expect(errors).toEqual({});
    expect(isEmptyChange(change)).toBe(true);
  });

  it('keeps only what differs, typed: fields, more places, a new class, the 普惠 application', () => {
    const form = {
      ...changeFormOf(facility, classes),
      name: ' 阳光托育中心 ',
      floors: '2，1,3',
      exitCount: '3',
      indoorAreaM2: '320.5',
      affordable: true,
      places: { c1: '18' },
      newClass: { name: ' 托大一班 ', ageGroup: 'preschool' as const, places: '20' },
    };
    const { change, errors } = changeOf(form, facility, classes, zhCN);
    expect(errors).toEqual({});
    expect(change).toEqual({
      facility: { floors: [1, 2, 3], exitCount: 3, affordable: true },
      classes: [
        { op: 'update', classId: 'c1', places: 18 },
        { op: 'add', name: '托大一班', ageGroup: 'preschool', places: 20, enrolled: 0 },
      ],
    });
  });

  it('leaves fewer places out (they apply at once) and names every input it cannot read', () => {
    const form = {
      ...changeFormOf(facility, classes),
      name: ' ',
      exitCount: '0',
      outdoorAreaM2: 'abc',
      places: { c1: '12' },
      newClass: { name: '', ageGroup: '' as const, places: 'x' },
    };
    const { change, errors } = changeOf(form, facility, classes, zhCN);
    expect(change.classes).toEqual([]);
    expect(errors).toEqual({
      name: [zhCN.validation.required],
      exitCount: [zhCN.validation.positive],
      outdoorAreaM2: [zhCN.validation.number],
      'newClass.name': [zhCN.validation.required],
      'newClass.ageGroup': [zhCN.validation.required],
      'newClass.places': [zhCN.validation.integer],
    });
  });
});
