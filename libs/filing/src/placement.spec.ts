import { planPlacements, type ReceivingClass } from './placement.js';

const r = (
  classId: string,
  ageGroup: ReceivingClass['ageGroup'],
  vacancies: number,
  distanceM: number,
  facilityId = `f-${classId}`,
): ReceivingClass => ({
  facilityId,
  classId,
  name: `机构 ${classId}`,
  ageGroup,
  vacancies,
  distanceM,
});

describe('emergency placement on closure', () => {
  it('places children in the nearest classes with room first', () => {
    const plan = planPlacements(
      [{ classId: 'c1', ageGroup: 'toddler', enrolled: 10 }],
      [r('far', 'toddler', 10, 3000), r('near', 'toddler', 6, 800)],
    );
    expect(plan.classes[0]!.placements.map((p) => [p.classId, p.count])).toEqual([
      ['near', 6],
      ['far', 4],
    ]);
    expect(plan.unplacedTotal).toBe(0);
  });

  it('uses only classes whose age range contains the closing class’s', () => {
    // A toddler class (12–23 months) cannot go to a preschool class (24–36) nor to a mixed one (18–36).
    const plan = planPlacements(
      [{ classId: 'c1', ageGroup: 'toddler', enrolled: 5 }],
      [r('pre', 'preschool', 20, 100), r('mix', 'mixed', 18, 200)],
    );
    expect(plan.classes[0]!.placements).toEqual([]);
    expect(plan.classes[0]!.unplaced).toBe(5);
    // A preschool class (24–36) fits in a mixed class (18–36).
    const fits = planPlacements([{ classId: 'c2', ageGroup: 'preschool', enrolled: 3 }], [r('mix', 'mixed', 18, 200)]);
    expect(fits.classes[0]!.placements[0]).toMatchObject({ classId: 'mix', count: 3 });
  });

  it('never gives a receiving class more children than its vacancies over the whole plan', () => {
    const plan = planPlacements(
      [
        { classId: 'a', ageGroup: 'preschool', enrolled: 8 },
        { classId: 'b', ageGroup: 'preschool', enrolled: 8 },
      ],
      [r('x', 'preschool', 10, 500), r('y', 'mixed', 3, 900)],
    );
    const given = new Map<string, number>();
    for (const c of plan.classes) for (const p of c.placements) given.set(p.classId, (given.get(p.classId) ?? 0) + p.count);
    expect(given.get('x')).toBe(10);
    expect(given.get('y')).toBe(3);
    expect(plan.unplacedTotal).toBe(3);
    expect(plan.classes.map((c) => c.unplaced)).toEqual([0, 3]);
  });

  it('leaves out classes without children', () => {
    expect(planPlacements([{ classId: 'empty', ageGroup: 'infant', enrolled: 0 }], [])).toEqual({ classes: [], unplacedTotal: 0 });
  });
});
