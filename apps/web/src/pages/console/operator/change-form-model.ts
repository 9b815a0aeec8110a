// The "request a change" form of a registered facility as data: the inputs (strings and flags) filled from the
// approved state, and the change they make: only the fields that differ, and the classes whose places rise or
// that are added (docs/api.md "Change filings"). Pure, so it is unit-tested.
import type { ClassChange, MaterialChange } from '../../../api/changes';
import type { AgeGroup, Facility, FacilityClass, FacilityKind, Ownership } from '../../../api/registry';
import { addFieldError, type FieldErrors } from '../../../forms/field-errors';
import { formatFloors, numberText, parseFloors, parseInteger, parseNumber } from '../../../forms/form-values';
import type { Messages } from '../../../i18n/zh-CN';

export interface ChangeForm {
  reason: string;
  name: string;
  kind: FacilityKind | '';
  ownership: Ownership | '';
  address: string;
  floors: string;
  indoorAreaM2: string;
  outdoorAreaM2: string;
  exitCount: string;
  servesMeals: boolean;
  /** The 普惠 application. */
  affordable: boolean;
  /** Places per existing class (by id). */
  places: Record<string, string>;
  /** A class to add, when the operator opened that row. */
  newClass: { name: string; ageGroup: AgeGroup | ''; places: string } | null;
}

/** The fields of the form that are facility fields, in form order. */
export const CHANGE_FORM_FIELDS = [
  'name',
  'kind',
  'ownership',
  'address',
  'floors',
  'indoorAreaM2',
  'outdoorAreaM2',
  'exitCount',
  'servesMeals',
  'affordable',
] as const satisfies readonly (keyof MaterialChange)[];

export function changeFormOf(facility: Facility, classes: readonly FacilityClass[]): ChangeForm {
  return {
    reason: '',
    name: facility.name,
    kind: facility.kind ?? '',
    ownership: facility.ownership ?? '',
    address: facility.address ?? '',
    floors: formatFloors(facility.floors),
    indoorAreaM2: numberText(facility.indoorAreaM2),
    outdoorAreaM2: numberText(facility.outdoorAreaM2),
    exitCount: numberText(facility.exitCount),
    servesMeals: facility.servesMeals ?? false,
    affordable: facility.affordable ?? false,
    places: Object.fromEntries(classes.map((c) => [c.id, String(c.places)])),
    newClass: null,
  };
}

export interface ChangeOutcome {
  change: { facility: MaterialChange; classes: ClassChange[] };
  /** Problems of the inputs, by field path (`exitCount`, `places.<classId>`, `newClass.places`). */
  errors: FieldErrors;
}

/**
 * The change the form describes against the approved state. Unparsable numbers are errors; a field equal to
 * the approved value is left out; fewer places are left out too (they apply at once, without a filing).
 */
export function changeOf(form: ChangeForm, facility: Facility, classes: readonly FacilityClass[], t: Messages): ChangeOutcome {
  const errors: FieldErrors = {};
  const proposed: MaterialChange = {};
  const v = t.validation;

  const text = (key: 'name' | 'address', current: string | undefined) => {
    const value = form[key].trim();
    if (!value) addFieldError(errors, key, v.required);
    else if (value !== (current ?? '')) proposed[key] = value;
  };
  text('name', facility.name);
  text('address', facility.address ?? undefined);
  if (form.kind && form.kind !== facility.kind) proposed.kind = form.kind;
  if (form.ownership && form.ownership !== facility.ownership) proposed.ownership = form.ownership;

  const floors = parseFloors(form.floors);
  if (floors === null) addFieldError(errors, 'floors', v.floors);
  else if (formatFloors(floors) !== formatFloors(facility.floors)) proposed.floors = floors;

  for (const key of ['indoorAreaM2', 'outdoorAreaM2'] as const) {
    const value = parseNumber(form[key]);
    if (value === null) addFieldError(errors, key, v.number);
    else if (value < 0) addFieldError(errors, key, v.nonNegative);
    else if (value !== facility[key]) proposed[key] = value;
  }
  const exits = parseInteger(form.exitCount);
  if (exits === null) addFieldError(errors, 'exitCount', v.integer);
  else if (exits < 1) addFieldError(errors, 'exitCount', v.positive);
  else if (exits !== facility.exitCount) proposed.exitCount = exits;

  if (form.servesMeals !== (facility.servesMeals ?? false)) proposed.servesMeals = form.servesMeals;
  if (form.affordable !== (facility.affordable ?? false)) proposed.affordable = form.affordable;

  const classChanges: ClassChange[] = [];
  for (const c of classes) {
    const raw = form.places[c.id];
    if (raw === undefined) continue;
    const places = parseInteger(raw);
    if (places === null) addFieldError(errors, `places.${c.id}`, v.integer);
    else if (places < 1) addFieldError(errors, `places.${c.id}`, v.positive);
    else if (places > c.places) classChanges.push({ op: 'update', classId: c.id, places });
  }
  if (form.newClass) {
    const name = form.newClass.name.trim();
    const places = parseInteger(form.newClass.places);
    if (!name) addFieldError(errors, 'newClass.name', v.required);
    if (!form.newClass.ageGroup) addFieldError(errors, 'newClass.ageGroup', v.required);
    if (places === null) addFieldError(errors, 'newClass.places', v.integer);
    else if (places < 1) addFieldError(errors, 'newClass.places', v.positive);
    if (name && form.newClass.ageGroup && places !== null && places >= 1) {
      classChanges.push({ op: 'add', name, ageGroup: form.newClass.ageGroup, places, enrolled: 0 });
    }
  }
  return { change: { facility: proposed, classes: classChanges }, errors };
}

/** Whether the change changes anything (an empty change filing is refused). */
export function isEmptyChange(change: ChangeOutcome['change']): boolean {
  return Object.keys(change.facility).length === 0 && change.classes.length === 0;
}
