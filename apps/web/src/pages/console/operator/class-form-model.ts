// Class rows: the form of a new or edited class, its mapping to the API, the class-size limits
// of the national standard (托育机构设置标准（试行）, 2019) as hints, and vacancy freshness. Pure.
import type { AgeGroup, ClassInput, FacilityClass } from '../../../api/registry';
import { addFieldError, type FieldErrors } from '../../../forms/field-errors';
import { parseInteger } from '../../../forms/form-values';
import type { Messages } from '../../../i18n/zh-CN';

/** Most children per class by age group (the API enforces the configured figures: 422 `class_size`). */
export const CLASS_SIZE_LIMIT: Record<AgeGroup, number> = { infant: 10, toddler: 15, preschool: 20, mixed: 18 };

/** Vacancy figures older than this are shown as out of date (docs/domain.md 2). */
export const STALE_AFTER_DAYS = 30;

export interface ClassForm {
  name: string;
  ageGroup: AgeGroup | '';
  places: string;
  enrolled: string;
}

export function emptyClassForm(): ClassForm {
  return { name: '', ageGroup: '', places: '', enrolled: '0' };
}

export function classToForm(item: FacilityClass): ClassForm {
  return { name: item.name, ageGroup: item.ageGroup, places: String(item.places), enrolled: String(item.enrolled) };
}

export function classFormToInput(form: ClassForm, v: Messages['validation']): { input: ClassInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  if (!name) addFieldError(errors, 'name', v.required);
  if (!form.ageGroup) addFieldError(errors, 'ageGroup', v.required);
  const count = (path: 'places' | 'enrolled', text: string): number | null => {
    if (!text.trim()) {
      addFieldError(errors, path, v.required);
      return null;
    }
    const value = parseInteger(text);
    if (value === null) addFieldError(errors, path, v.integer);
    else if (value < 0) addFieldError(errors, path, v.nonNegative);
    return value !== null && value >= 0 ? value : null;
  };
  const places = count('places', form.places);
  const enrolled = count('enrolled', form.enrolled);
  if (places !== null && enrolled !== null && enrolled > places) addFieldError(errors, 'enrolled', v.enrolledOverPlaces);
  if (Object.keys(errors).length > 0 || !form.ageGroup || places === null || enrolled === null) return { input: null, errors };
  return { input: { name, ageGroup: form.ageGroup, places, enrolled }, errors };
}

/** The body of `PATCH /classes/{id}`: only what changed (the age group cannot change). */
export function classChanges(item: FacilityClass, input: ClassInput): Partial<Omit<ClassInput, 'ageGroup'>> {
  const changes: Partial<Omit<ClassInput, 'ageGroup'>> = {};
  if (input.name !== item.name) changes.name = input.name;
  if (input.places !== item.places) changes.places = input.places;
  if (input.enrolled !== item.enrolled) changes.enrolled = input.enrolled;
  return changes;
}

/** True when the class's figures were last updated more than 30 days before `now`. */
export function isStale(updatedAt: string, now: Date): boolean {
  const time = new Date(updatedAt).getTime();
  return Number.isFinite(time) && now.getTime() - time > STALE_AFTER_DAYS * 86_400_000;
}
