import type { AgeGroupName, FacilityKind } from './registry-types.js';
import { AGE_GROUP_NAMES } from './registry-types.js';

/**
 * The class table of the national standard, as data.
 *
 * - Age groups: 托育机构设置标准（试行）(国卫人口发〔2019〕58号). The standard writes 6–12, 12–24 and 24–36 months;
 *   the registry uses inclusive whole months (completed months of age) so that every age from 6 to 36 months falls
 *   in exactly one single-age class (docs/domain.md "National rules to encode"). The ratio of a mixed class is
 *   configuration (`StandardsConfig.mixedChildrenPerCarer`), whose default is the figure here.
 * - Home-based point: 家庭托育点管理办法（试行）(2023): at most 5 children in all, at least 1 carer per 3 children.
 * - Kindergarten nursery class (幼儿园托班): takes 2–3 year olds only, i.e. 托大班 of 托育机构设置标准（试行）(2019):
 *   at most 20 children, at least 1 carer per 7 (docs/domain.md).
 */
export const CLASS_STANDARD = {
  ageGroups: {
    infant: { nameZh: '乳儿班', nameEn: 'infant class', minMonths: 6, maxMonths: 11, maxChildren: 10, childrenPerCarer: 3 },
    toddler: { nameZh: '托小班', nameEn: 'toddler class', minMonths: 12, maxMonths: 23, maxChildren: 15, childrenPerCarer: 5 },
    preschool: { nameZh: '托大班', nameEn: 'preschool class', minMonths: 24, maxMonths: 36, maxChildren: 20, childrenPerCarer: 7 },
    // 设置标准 sets the mixed class's size (18) but no ratio: 1 : 5 is local policy (configuration, mixedChildrenPerCarer).
    mixed: { nameZh: '混合编班', nameEn: 'mixed-age class', minMonths: 18, maxMonths: 36, maxChildren: 18, childrenPerCarer: 5 },
  },
  homeBasedPoint: { nameZh: '家庭托育点', nameEn: 'home-based point', maxChildren: 5, childrenPerCarer: 3 },
  kindergartenNurseryClass: {
    nameZh: '幼儿园托班',
    nameEn: 'kindergarten nursery class',
    ageGroups: ['preschool'],
    maxChildren: 20,
    childrenPerCarer: 7,
  },
} as const;

/** The single-age classes, youngest first (a child of 6..36 months fits exactly one of them). */
export const SINGLE_AGE_GROUPS = ['infant', 'toddler', 'preschool'] as const satisfies readonly AgeGroupName[];

/** The part of `StandardsConfig` (standards-config.ts) the ratio rules read. */
export interface MixedRatioConfig {
  mixedChildrenPerCarer: number;
}

export interface MonthRange {
  minMonths: number;
  maxMonths: number;
}

/** The inclusive month range of an age group (`mixed` → 18..36). */
export function ageGroupRange(group: AgeGroupName): MonthRange {
  const { minMonths, maxMonths } = CLASS_STANDARD.ageGroups[group];
  return { minMonths, maxMonths };
}

/** Whether `outer`'s month range contains `inner`'s (used by closure placement: mixed ⊇ preschool, not the reverse). */
export function ageGroupContains(outer: AgeGroupName, inner: AgeGroupName): boolean {
  const o = ageGroupRange(outer);
  const i = ageGroupRange(inner);
  return o.minMonths <= i.minMonths && i.maxMonths <= o.maxMonths;
}

/**
 * The age groups that take a child of `ageMonths` (completed months; a fraction is rounded down), single-age class
 * first: 18 months → toddler, mixed. Empty below 6 months and above 36.
 */
export function ageGroupsFor(ageMonths: number): AgeGroupName[] {
  const months = Math.floor(ageMonths);
  return AGE_GROUP_NAMES.filter((g) => {
    const r = ageGroupRange(g);
    return r.minMonths <= months && months <= r.maxMonths;
  });
}

/** The label of an age group in both languages, e.g. `托小班` / `toddler class`. */
export function ageGroupLabel(group: AgeGroupName): { zh: string; en: string } {
  const g = CLASS_STANDARD.ageGroups[group];
  return { zh: g.nameZh, en: g.nameEn };
}

/** The age groups a facility of this kind may open: a kindergarten nursery class takes `preschool` only. */
export function allowedAgeGroups(kind: FacilityKind | null): readonly AgeGroupName[] {
  return kind === 'kindergarten_class' ? CLASS_STANDARD.kindergartenNurseryClass.ageGroups : AGE_GROUP_NAMES;
}

/**
 * The most places one class of `group` may have at a facility of `kind`: the group's maximum, lowered to 20 in a
 * kindergarten nursery class. A home-based point's 5 is on its total (see `homeBasedLimitViolation`).
 */
export function classSizeLimit(kind: FacilityKind | null, group: AgeGroupName): number {
  const groupMax = CLASS_STANDARD.ageGroups[group].maxChildren;
  // A home-based point's limit is on all its places together (home_based_limit, homeBasedLimitViolation), not per class.
  if (kind === 'kindergarten_class') return Math.min(groupMax, CLASS_STANDARD.kindergartenNurseryClass.maxChildren);
  return groupMax;
}

/** The most places a facility of `kind` may have in all: 5 at a home-based point, otherwise no national cap (null). */
export function facilityPlaceLimit(kind: FacilityKind | null): number | null {
  return kind === 'family' ? CLASS_STANDARD.homeBasedPoint.maxChildren : null;
}

export interface ClassViolation {
  code: 'class_size' | 'over_capacity' | 'age_group' | 'home_based_limit';
  field: 'places' | 'enrolled' | 'ageGroup';
  detail: string;
  detailEn: string;
  limit?: number;
}

/** "a" or "an" before an English label. */
function an(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function kindLabel(kind: FacilityKind | null): { zh: string; en: string } | null {
  if (kind === 'family') return { zh: CLASS_STANDARD.homeBasedPoint.nameZh, en: CLASS_STANDARD.homeBasedPoint.nameEn };
  if (kind === 'kindergarten_class') {
    return { zh: CLASS_STANDARD.kindergartenNurseryClass.nameZh, en: CLASS_STANDARD.kindergartenNurseryClass.nameEn };
  }
  return null;
}

/**
 * What is wrong with one class at a facility of `kind` (empty when nothing): `age_group` when the kind may not open
 * this group, `class_size` when places exceed the limit (see `classSizeLimit`), `over_capacity` when more children
 * are enrolled than there are places. `places ≥ 1` and `enrolled ≥ 0` are the DTOs' to check, not these rules'.
 * `kind` null: a draft that has not said its kind yet, held to the limits every kind shares (the age group's); the
 * kind's own (a nursery class's 20, a home-based point's 5 in all) are checked at submission.
 */
export function classViolations(
  kind: FacilityKind | null,
  c: { ageGroup: AgeGroupName; places: number; enrolled: number },
): ClassViolation[] {
  const out: ClassViolation[] = [];
  const group = ageGroupLabel(c.ageGroup);
  const facility = kindLabel(kind);
  if (!allowedAgeGroups(kind).includes(c.ageGroup)) {
    const allowed = allowedAgeGroups(kind).map(ageGroupLabel);
    out.push({
      code: 'age_group',
      field: 'ageGroup',
      detail: `${facility?.zh ?? '该类机构'}只能开设${allowed.map((a) => a.zh).join('、')}，不能开设${group.zh}`,
      detailEn: `${facility ? capitalise(an(facility.en)) : 'A facility of this kind'} may only open ${allowed.map((a) => a.en).join(', ')}es, not ${an(group.en)}`,
    });
  }
  const limit = classSizeLimit(kind, c.ageGroup);
  if (c.places > limit) {
    const where = facility && limit < CLASS_STANDARD.ageGroups[c.ageGroup].maxChildren ? facility : null;
    out.push({
      code: 'class_size',
      field: 'places',
      limit,
      detail: where
        ? `${where.zh}的班级最多${limit}人，此${group.zh}有${c.places}个托位`
        : `${group.zh}最多${limit}人，此班有${c.places}个托位`,
      detailEn: where
        ? `A class at ${an(where.en)} takes at most ${limit} children; this ${group.en} has ${c.places} places`
        : `${capitalise(an(group.en))} (${group.zh}) takes at most ${limit} children; this one has ${c.places} places`,
    });
  }
  if (c.enrolled > c.places) {
    out.push({
      code: 'over_capacity',
      field: 'enrolled',
      limit: c.places,
      detail: `在托${c.enrolled}人，超过托位数${c.places}`,
      detailEn: `${c.enrolled} children enrolled, more than the ${c.places} places`,
    });
  }
  return out;
}

/**
 * `home_based_limit` when a home-based point's classes would hold more than 5 places in all (家庭托育点管理办法（试行）
 * 第二条), on class creation and change as well as on submission; null otherwise or for other kinds.
 */
export function homeBasedLimitViolation(kind: FacilityKind | null, totalPlaces: number): ClassViolation | null {
  const limit = facilityPlaceLimit(kind);
  if (limit == null || totalPlaces <= limit) return null;
  return {
    code: 'home_based_limit',
    field: 'places',
    limit,
    detail: `家庭托育点共${totalPlaces}个托位，超过${limit}人的上限`,
    detailEn: `A home-based point takes at most ${limit} children in all; this would make ${totalPlaces} places`,
  };
}

/** Children one carer may look after in a class of `group` (the mixed figure comes from the configuration). */
export function childrenPerCarer(group: AgeGroupName, config: MixedRatioConfig): number {
  return group === 'mixed' ? config.mixedChildrenPerCarer : CLASS_STANDARD.ageGroups[group].childrenPerCarer;
}

/** Carers a class needs: ⌈enrolled ÷ children per carer⌉ (托育机构设置标准（试行）; 0 for an empty class). */
export function carersRequired(group: AgeGroupName, enrolled: number, config: MixedRatioConfig): number {
  return Math.ceil(Math.max(0, enrolled) / childrenPerCarer(group, config));
}

/**
 * Caregivers counted toward each class: a caregiver counts once in total, split equally over the classes they are
 * assigned to (one on two classes is half a carer in each), so one person never meets two classes' ratios at once.
 * Assignments to classes not in `classIds` (ended or another facility's) are ignored when splitting.
 */
export function caregiversCounted(
  caregivers: readonly { classIds: readonly string[] }[],
  classIds: readonly string[],
): Map<string, number> {
  const known = new Set(classIds);
  const counted = new Map(classIds.map((id) => [id, 0]));
  for (const caregiver of caregivers) {
    const assigned = [...new Set(caregiver.classIds)].filter((id) => known.has(id));
    for (const id of assigned) counted.set(id, counted.get(id)! + 1 / assigned.length);
  }
  // Thirds and sixths do not add up exactly in binary: round to two decimals so 1/3 × 3 is 1.
  for (const [id, value] of counted) counted.set(id, Math.round(value * 100) / 100);
  return counted;
}

/** Carers a home-based point needs for all its children: ⌈enrolled ÷ 3⌉ (家庭托育点管理办法（试行）). */
export function homeBasedCarersRequired(enrolled: number): number {
  return Math.ceil(Math.max(0, enrolled) / CLASS_STANDARD.homeBasedPoint.childrenPerCarer);
}

/** Vacancies not reported for longer than this are shown as possibly out of date (docs/domain.md capability 2). */
export const VACANCY_STALE_AFTER_DAYS = 30;

/** Whether vacancies last reported at `updatedAt` are stale at `now` (never reported counts as stale). */
export function vacanciesStale(updatedAt: Date | null, now: Date = new Date()): boolean {
  return updatedAt === null || now.getTime() - updatedAt.getTime() > VACANCY_STALE_AFTER_DAYS * 86_400_000;
}
