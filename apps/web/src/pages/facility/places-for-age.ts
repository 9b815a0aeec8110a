// The free places for a child's age on the facility page (issue #18 item 1): the classes that take the child, by
// libs/standards' ageGroupsFor, the rule the nearby search answers vacanciesForAge with, so the page and the search's
// card say the same; their free places summed; the oldest of their reports (the freshness of a sum is that of its
// stalest part) and whether one of them is stale.
import { ageGroupsFor } from '@lib/standards';
import type { PublicClass } from '../../api/types';

export interface PlacesForAge {
  /** The classes that take the child, in the page's order; none below 6 months, above 36, or without such a class. */
  classes: PublicClass[];
  vacancies: number;
  /** The oldest report among those classes (null: no such class). */
  updatedAt: string | null;
  stale: boolean;
}

export function placesForAge(classes: readonly PublicClass[], ageMonths: number): PlacesForAge {
  const groups = new Set<string>(ageGroupsFor(ageMonths));
  const fit = classes.filter((item) => groups.has(item.ageGroup));
  let updatedAt: string | null = null;
  for (const item of fit) if (updatedAt === null || Date.parse(item.updatedAt) < Date.parse(updatedAt)) updatedAt = item.updatedAt;
  return {
    classes: fit,
    vacancies: fit.reduce((sum, item) => sum + item.vacancies, 0),
    updatedAt,
    stale: fit.some((item) => item.stale),
  };
}
