import { describe, expect, it } from '@jest/globals';
import type { FacilityClass } from '../../../api/registry';
import { zhCN } from '../../../i18n/zh-CN';
import { classChanges, classFormToInput, isStale } from './class-form-model';

const v = zhCN.validation;
const item: FacilityClass = {
  id: 'c1',
  facilityId: 'f1',
  name: '托小一班',
  ageGroup: 'toddler',
  places: 15,
  enrolled: 10,
  held: 0,
  vacancies: 5,
  updatedAt: '2026-10-01T08:00:00+08:00',
  version: 2,
};

describe('class form', () => {
  it('builds the body of POST /facilities/{id}/classes', () => {
    expect(classFormToInput({ name: ' 托小一班 ', ageGroup: 'toddler', places: '15', enrolled: '10' }, v)).toEqual({
      input: { name: '托小一班', ageGroup: 'toddler', places: 15, enrolled: 10 },
      errors: {},
    });
  });

  it('refuses more enrolled children than places', () => {
    const { input, errors } = classFormToInput({ name: 'A', ageGroup: 'infant', places: '5', enrolled: '6' }, v);
    expect(input).toBeNull();
    expect(errors).toEqual({ enrolled: [v.enrolledOverPlaces] });
  });

  it('patches only what changed', () => {
    expect(classChanges(item, { name: '托小一班', ageGroup: 'toddler', places: 15, enrolled: 12 })).toEqual({ enrolled: 12 });
  });

  it('calls vacancy figures out of date after 30 days', () => {
    expect(isStale(item.updatedAt, new Date('2026-10-30T08:00:00+08:00'))).toBe(false);
    expect(isStale(item.updatedAt, new Date('2026-11-01T08:00:01+08:00'))).toBe(true);
  });
});
