import { describe, expect, it } from '@jest/globals';
import type { PublicClass } from '../../api/types';
import { placesForAge } from './places-for-age';

const cls = (ageGroup: PublicClass['ageGroup'], vacancies: number, updatedAt: string, stale = false): PublicClass => ({
  ageGroup,
  places: 20,
  vacancies,
  updatedAt,
  stale,
});

const classes = [
  cls('infant', 1, '2026-12-01T02:00:00Z'),
  cls('toddler', 3, '2026-12-04T02:00:00Z'),
  cls('mixed', 2, '2026-11-20T02:00:00Z', true),
  cls('preschool', 0, '2026-12-05T02:00:00Z'),
];

describe('the free places for a child’s age on the facility page', () => {
  it('sums the classes that take the age (a mixed class takes 18..36 months) and dates them by the oldest report', () => {
    expect(placesForAge(classes, 20)).toEqual({
      classes: [classes[1], classes[2]],
      vacancies: 5,
      updatedAt: '2026-11-20T02:00:00Z',
      stale: true,
    });
  });

  it('takes the single-age class alone where no mixed class fits', () => {
    expect(placesForAge(classes, 8)).toEqual({ classes: [classes[0]], vacancies: 1, updatedAt: '2026-12-01T02:00:00Z', stale: false });
  });

  it('counts the group bounds in (12 months is a toddler, 36 still preschool) and rounds a fraction down', () => {
    expect(placesForAge(classes, 12).classes).toEqual([classes[1]]);
    expect(placesForAge(classes, 11.9).classes).toEqual([classes[0]]);
    expect(placesForAge(classes, 36).classes).toEqual([classes[2], classes[3]]);
  });

  it('finds nothing for an age no class takes, or where the facility has no class for it', () => {
    expect(placesForAge(classes, 4)).toEqual({ classes: [], vacancies: 0, updatedAt: null, stale: false });
    expect(placesForAge(classes, 37).classes).toEqual([]);
    expect(placesForAge([classes[0]!], 30)).toEqual({ classes: [], vacancies: 0, updatedAt: null, stale: false });
  });
});
