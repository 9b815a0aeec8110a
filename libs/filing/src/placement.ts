import { ageGroupContains, type AgeGroupName } from '@lib/standards';

export interface ClosingClass {
  classId: string;
  ageGroup: AgeGroupName;
  enrolled: number;
}

/** A class of a registered facility within reach of the closing one (already filtered by distance). */
export interface ReceivingClass {
  facilityId: string;
  classId: string;
  name: string;
  ageGroup: AgeGroupName;
  vacancies: number;
  distanceM: number;
}

export interface PlacementPlan {
  classes: {
    classId: string;
    ageGroup: AgeGroupName;
    enrolled: number;
    placements: { facilityId: string; classId: string; name: string; distanceM: number; count: number }[];
    unplaced: number;
  }[];
  unplacedTotal: number;
}

/**
 * Emergency placement (docs/domain.md 5): for each closing class with children, fill the nearest receiving
 * classes whose age range contains the closing class's, greedily nearest first, never giving a receiving
 * class more children than its vacancies over the whole plan. Ties by distance break on class id.
 */
export function planPlacements(closing: readonly ClosingClass[], receiving: readonly ReceivingClass[]): PlacementPlan {
  const left = new Map(receiving.map((r) => [r.classId, r.vacancies]));
  const nearest = [...receiving].sort((a, b) => a.distanceM - b.distanceM || a.classId.localeCompare(b.classId));
  const classes = closing
    .filter((c) => c.enrolled > 0)
    .map((c) => {
      let remaining = c.enrolled;
      const placements: PlacementPlan['classes'][number]['placements'] = [];
      for (const r of nearest) {
        if (remaining === 0) break;
        const free = left.get(r.classId) ?? 0;
        if (free <= 0 || !ageGroupContains(r.ageGroup, c.ageGroup)) continue;
        const count = Math.min(free, remaining);
        left.set(r.classId, free - count);
        remaining -= count;
        placements.push({ facilityId: r.facilityId, classId: r.classId, name: r.name, distanceM: Math.round(r.distanceM), count });
      }
      return { classId: c.classId, ageGroup: c.ageGroup, enrolled: c.enrolled, placements, unplaced: remaining };
    });
  return { classes, unplacedTotal: classes.reduce((s, c) => s + c.unplaced, 0) };
}
