import type { ClassChange } from '@lib/facilities';
import type { ClassFacts, FacilityFacts } from '@lib/standards';
import { definedOnly, type Message, type Violation } from '@lib/core';

/**
 * The facility and its classes as they would be after a change filing, for the filing requirements (pure).
 * Returns the broken references (`classes[i].classId` of another facility, a missing field of an `add`) as
 * violations instead, so the caller answers 400 naming them.
 */
export function proposedState(
  facility: FacilityFacts,
  classes: ClassFacts[],
  change: { facility: Partial<FacilityFacts>; classes: ClassChange[] },
): { facility: FacilityFacts; classes: ClassFacts[]; invalid: Violation[] } {
  const invalid: Violation[] = [];
  const next = new Map(classes.map((c) => [c.id, { ...c }]));
  const removed = new Set<string>();
  change.classes.forEach((c, i) => {
    const field = `classes[${i}]`;
    if (c.op === 'add') {
      for (const k of ['name', 'ageGroup', 'places'] as const) {
        if (c[k] === undefined) invalid.push({ field: `${field}.${k}`, code: 'required', message: REQUIRED_FOR_ADD });
      }
      if (c.classId !== undefined) invalid.push({ field: `${field}.classId`, code: 'invalid', message: NO_ID_FOR_ADD });
      if (c.name !== undefined && c.ageGroup !== undefined && c.places !== undefined) {
        const id = `new-${i}`;
        next.set(id, { id, name: c.name, ageGroup: c.ageGroup, places: c.places, enrolled: c.enrolled ?? 0 });
      }
      return;
    }
    const existing = c.classId ? next.get(c.classId) : undefined;
    if (!existing || removed.has(c.classId!)) {
      invalid.push({ field: `${field}.classId`, code: c.classId ? 'unknown_class' : 'required', message: UNKNOWN_CLASS });
      return;
    }
    if (c.op === 'remove') {
      removed.add(existing.id);
      next.delete(existing.id);
      return;
    }
    Object.assign(existing, definedOnly({ name: c.name, ageGroup: c.ageGroup, places: c.places, enrolled: c.enrolled }));
  });
  return { facility: { ...facility, ...definedOnly(change.facility) }, classes: [...next.values()], invalid };
}

/** Whether a change filing changes anything at all (an empty one is refused with 400). */
export function changesSomething(change: { facility: Record<string, unknown>; classes: unknown[] }): boolean {
  return Object.keys(change.facility).length > 0 || change.classes.length > 0;
}

const REQUIRED_FOR_ADD: Message = { zh: '新增班级须填写', en: 'required to add a class' };
const NO_ID_FOR_ADD: Message = { zh: '新增班级不能指定班级编号', en: 'a new class has no classId' };
const UNKNOWN_CLASS: Message = { zh: '不是本机构的班级', en: 'not a class of this facility' };
