import {
  CLASS_STANDARD,
  SINGLE_AGE_GROUPS,
  ageGroupContains,
  ageGroupRange,
  ageGroupsFor,
  caregiversCounted,
  carersRequired,
  classSizeLimit,
  classViolations,
  facilityPlaceLimit,
  homeBasedCarersRequired,
  homeBasedLimitViolation,
  vacanciesStale,
} from './classes.js';
import { DEFAULT_STANDARDS_CONFIG } from './standards-config.js';

const config = DEFAULT_STANDARDS_CONFIG;

describe('class types of 托育机构设置标准（试行）(2019)', () => {
  it('乳儿班 takes 6–11 months, at most 10 children, 1 carer to 3', () => {
    expect(CLASS_STANDARD.ageGroups.infant).toMatchObject({ minMonths: 6, maxMonths: 11, maxChildren: 10, childrenPerCarer: 3 });
  });
  it('托小班 takes 12–23 months, at most 15 children, 1 carer to 5', () => {
    expect(CLASS_STANDARD.ageGroups.toddler).toMatchObject({ minMonths: 12, maxMonths: 23, maxChildren: 15, childrenPerCarer: 5 });
  });
  it('托大班 takes 24–36 months, at most 20 children, 1 carer to 7', () => {
    expect(CLASS_STANDARD.ageGroups.preschool).toMatchObject({ minMonths: 24, maxMonths: 36, maxChildren: 20, childrenPerCarer: 7 });
  });
  it('混合编班 takes 18–36 months, at most 18 children, 1 carer to 5', () => {
    expect(CLASS_STANDARD.ageGroups.mixed).toMatchObject({ minMonths: 18, maxMonths: 36, maxChildren: 18, childrenPerCarer: 5 });
  });
  it('a home-based point (家庭托育点管理办法（试行）) takes at most 5 children, 1 carer to 3', () => {
    expect(CLASS_STANDARD.homeBasedPoint).toMatchObject({ maxChildren: 5, childrenPerCarer: 3 });
    expect(facilityPlaceLimit('family')).toBe(5);
    expect(facilityPlaceLimit('centre')).toBeNull();
  });
  it('a kindergarten nursery class takes 2–3 year olds only, at most 20, 1 carer to 7', () => {
    expect(CLASS_STANDARD.kindergartenNurseryClass).toMatchObject({ ageGroups: ['preschool'], maxChildren: 20, childrenPerCarer: 7 });
  });
});

describe('age ranges', () => {
  it('are inclusive whole months', () => {
    expect(ageGroupRange('mixed')).toEqual({ minMonths: 18, maxMonths: 36 });
  });
  it('put every age from 6 to 36 months in exactly one single-age class', () => {
    for (let m = 6; m <= 36; m++) {
      expect(ageGroupsFor(m).filter((g) => (SINGLE_AGE_GROUPS as readonly string[]).includes(g))).toHaveLength(1);
    }
  });
  it('offer a child of 14 months a toddler class, and one of 18 months a toddler or a mixed class', () => {
    expect(ageGroupsFor(14)).toEqual(['toddler']);
    expect(ageGroupsFor(18)).toEqual(['toddler', 'mixed']);
    expect(ageGroupsFor(11.9)).toEqual(['infant']);
  });
  it('take no child under 6 months or over 36', () => {
    expect(ageGroupsFor(5)).toEqual([]);
    expect(ageGroupsFor(37)).toEqual([]);
  });
  it('let a mixed class receive a preschool class, but not the reverse', () => {
    expect(ageGroupContains('mixed', 'preschool')).toBe(true);
    expect(ageGroupContains('preschool', 'mixed')).toBe(false);
    expect(ageGroupContains('mixed', 'toddler')).toBe(false);
    expect(ageGroupContains('toddler', 'toddler')).toBe(true);
  });
});

describe('class limits', () => {
  it('a class of 16 toddlers exceeds the 15 of 托小班', () => {
    const v = classViolations('centre', { ageGroup: 'toddler', places: 16, enrolled: 12 });
    expect(v).toEqual([expect.objectContaining({ code: 'class_size', field: 'places', limit: 15 })]);
    expect(v[0]!.detail).toContain('托小班最多15人');
    expect(v[0]!.detailEn).toContain('at most 15');
  });
  it('a class of 15 toddlers is within 托小班', () => {
    expect(classViolations('centre', { ageGroup: 'toddler', places: 15, enrolled: 15 })).toEqual([]);
  });
  it('an infant class of 11 exceeds the 10 of 乳儿班, a mixed class of 19 the 18 of 混合编班', () => {
    expect(classViolations('centre', { ageGroup: 'infant', places: 11, enrolled: 0 })[0]).toMatchObject({ code: 'class_size', limit: 10 });
    expect(classViolations('community', { ageGroup: 'mixed', places: 19, enrolled: 0 })[0]).toMatchObject({
      code: 'class_size',
      limit: 18,
    });
    expect(classViolations('employer', { ageGroup: 'preschool', places: 20, enrolled: 20 })).toEqual([]);
  });
  it('a draft without its kind yet is held to the limits every kind shares (the age group’s), and none on the total', () => {
    expect(classViolations(null, { ageGroup: 'toddler', places: 16, enrolled: 0 })[0]).toMatchObject({ code: 'class_size', limit: 15 });
    expect(classViolations(null, { ageGroup: 'preschool', places: 20, enrolled: 21 })).toEqual([
      expect.objectContaining({ code: 'over_capacity', limit: 20 }),
    ]);
    expect(classViolations(null, { ageGroup: 'infant', places: 10, enrolled: 10 })).toEqual([]);
    expect(homeBasedLimitViolation(null, 600)).toBeNull();
  });
  it('more children enrolled than places is over capacity', () => {
    expect(classViolations('centre', { ageGroup: 'preschool', places: 10, enrolled: 11 })).toEqual([
      expect.objectContaining({ code: 'over_capacity', field: 'enrolled', limit: 10 }),
    ]);
  });
  it('a home-based point’s limit is 5 places in all, answered home_based_limit (not class_size)', () => {
    expect(classSizeLimit('family', 'preschool')).toBe(20);
    expect(classViolations('family', { ageGroup: 'toddler', places: 6, enrolled: 3 })).toEqual([]);
    expect(homeBasedLimitViolation('family', 6)).toEqual(expect.objectContaining({ code: 'home_based_limit', field: 'places', limit: 5 }));
    expect(homeBasedLimitViolation('family', 5)).toBeNull();
    expect(homeBasedLimitViolation('centre', 600)).toBeNull();
  });
  it('a kindergarten nursery class opens preschool classes of at most 20 only', () => {
    expect(classViolations('kindergarten_class', { ageGroup: 'preschool', places: 20, enrolled: 18 })).toEqual([]);
    expect(classViolations('kindergarten_class', { ageGroup: 'preschool', places: 21, enrolled: 18 })).toEqual([
      expect.objectContaining({ code: 'class_size', limit: 20 }),
    ]);
    expect(classViolations('kindergarten_class', { ageGroup: 'toddler', places: 10, enrolled: 8 })).toEqual([
      expect.objectContaining({ code: 'age_group', field: 'ageGroup' }),
    ]);
  });
  it('list every broken limit of one class', () => {
    const codes = classViolations('kindergarten_class', { ageGroup: 'mixed', places: 19, enrolled: 20 }).map((v) => v.code);
    expect(codes).toEqual(['age_group', 'class_size', 'over_capacity']);
  });
});

describe('carers required', () => {
  it('12 toddlers need ⌈12 ÷ 5⌉ = 3 carers', () => {
    expect(carersRequired('toddler', 12, config)).toBe(3);
  });
  it('10 infants need 4 carers at 1 : 3, 20 preschoolers 3 at 1 : 7', () => {
    expect(carersRequired('infant', 10, config)).toBe(4);
    expect(carersRequired('preschool', 20, config)).toBe(3);
  });
  it('an empty class needs none', () => {
    expect(carersRequired('toddler', 0, config)).toBe(0);
  });
  it('a mixed class follows the configured ratio', () => {
    expect(carersRequired('mixed', 18, config)).toBe(4);
    expect(carersRequired('mixed', 18, { ...config, mixedChildrenPerCarer: 6 })).toBe(3);
  });
  it('a home-based point needs 1 carer per 3 children in all', () => {
    expect(homeBasedCarersRequired(5)).toBe(2);
    expect(homeBasedCarersRequired(3)).toBe(1);
  });
});

describe('caregivers counted per class', () => {
  it('counts a caregiver once in total, split equally over their classes', () => {
    const counted = caregiversCounted([{ classIds: ['a'] }, { classIds: ['a', 'b'] }, { classIds: ['a', 'b', 'c'] }], ['a', 'b', 'c']);
    expect(Object.fromEntries(counted)).toEqual({ a: 1.83, b: 0.83, c: 0.33 });
    expect([...counted.values()].reduce((sum, value) => sum + value, 0)).toBeCloseTo(3, 1);
  });
  it('three thirds make one carer, and unknown or repeated assignments do not dilute or double', () => {
    const third = { classIds: ['a', 'b', 'c'] };
    expect(caregiversCounted([third, third, third], ['a', 'b', 'c']).get('a')).toBe(1);
    expect(Object.fromEntries(caregiversCounted([{ classIds: ['a', 'ended', 'a'] }], ['a', 'b']))).toEqual({ a: 1, b: 0 });
  });
});

describe('vacancy freshness', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('is stale after 30 days, or when never reported', () => {
    expect(vacanciesStale(new Date('2026-10-29T12:00:00Z'), now)).toBe(false);
    expect(vacanciesStale(new Date('2026-10-29T11:59:00Z'), now)).toBe(true);
    expect(vacanciesStale(null, now)).toBe(true);
  });
});
