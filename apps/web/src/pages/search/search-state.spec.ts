import { describe, expect, it } from '@jest/globals';
import { nearbyQueryString } from '../../api/public';
import {
  activeFilterCount,
  approximatePosition,
  EMPTY_SEARCH,
  nearbyQuery,
  parseSearch,
  radiusOptions,
  searchQuery,
  withoutFilters,
} from './search-state';

describe('the search in the address', () => {
  const shared = '?lat=43.88&lng=125.32&r=3000&age=14&affordable=1&vacancy=1&maxFee=3000&service=full_day&kind=centre';

  it('reads every filter of a shared address', () => {
    expect(parseSearch(shared)).toEqual({
      point: { lat: 43.88, lng: 125.32 },
      radiusM: 3000,
      ageMonths: 14,
      affordable: true,
      hasVacancy: true,
      maxFee: 3000,
      serviceType: 'full_day',
      kind: 'centre',
    });
  });

  it('writes the same address back, so reloading or sharing repeats the search', () => {
    expect(searchQuery(parseSearch(shared))).toBe(shared);
  });

  it('keeps the language (and anything else not its own) after the search', () => {
    expect(searchQuery({ ...EMPTY_SEARCH, point: { lat: 44.84, lng: 126.53 } }, '?lang=en&lat=1&lng=2&age=3')).toBe(
      '?lat=44.84&lng=126.53&r=3000&lang=en',
    );
    expect(searchQuery(EMPTY_SEARCH, '?lang=en')).toBe('?lang=en');
    expect(searchQuery(EMPTY_SEARCH)).toBe('');
  });

  it('rounds coordinates to five decimals (about a metre)', () => {
    expect(searchQuery({ ...EMPTY_SEARCH, point: { lat: 43.8812345678, lng: 125.3298765 } })).toBe('?lat=43.88123&lng=125.32988&r=3000');
  });

  it('drops values out of range or unknown, and searches without them', () => {
    const state = parseSearch('?lat=95&lng=125&r=0&age=37&affordable=yes&vacancy=0&maxFee=-5&service=night&kind=school');
    expect(state).toEqual(EMPTY_SEARCH);
    expect(parseSearch('?lat=43.9&lng=abc').point).toBeNull();
    expect(parseSearch('?age=0').ageMonths).toBe(0);
    expect(parseSearch('?age=36&r=50000').ageMonths).toBe(36);
    expect(parseSearch('?r=50001').radiusM).toBe(3000);
    expect(parseSearch('?age=1.5').ageMonths).toBeNull();
    expect(parseSearch('?affordable=true&vacancy=1').affordable).toBe(true);
  });

  it('keeps filters chosen before a place (no point yet)', () => {
    const state = { ...EMPTY_SEARCH, ageMonths: 8, radiusM: 5000 };
    expect(searchQuery(state)).toBe('?r=5000&age=8');
    expect(parseSearch(searchQuery(state))).toEqual(state);
  });
});

describe('the API query', () => {
  it('asks nothing without a point', () => {
    expect(nearbyQuery(EMPTY_SEARCH)).toBeNull();
  });

  it('spells the filters as the API names them, leaving out those that are off', () => {
    const query = nearbyQuery(parseSearch('?lat=43.88&lng=125.32&r=5000&age=8&vacancy=1&kind=family'))!;
    expect(nearbyQueryString(query)).toBe('lat=43.88&lng=125.32&radiusM=5000&ageMonths=8&hasVacancy=true&kind=family&limit=50');
    const all = nearbyQuery(parseSearch('?lat=43.88&lng=125.32&age=0&affordable=1&maxFee=0&service=hourly'))!;
    expect(nearbyQueryString(all)).toBe(
      'lat=43.88&lng=125.32&radiusM=3000&ageMonths=0&affordable=true&maxFee=0&serviceType=hourly&limit=50',
    );
  });
});

describe('the form', () => {
  it('counts the "more filters" in use, and clears them keeping the point, radius and age', () => {
    expect(activeFilterCount(EMPTY_SEARCH)).toBe(0);
    const state = parseSearch('?lat=44.84&lng=126.53&r=5000&age=0&affordable=1&maxFee=0&kind=centre');
    expect(activeFilterCount(state)).toBe(3);
    expect(searchQuery(withoutFilters(state))).toBe('?lat=44.84&lng=126.53&r=5000&age=0');
  });

  it('offers the usual radii, and a shared unusual one too', () => {
    expect(radiusOptions(3000)).toEqual([1000, 3000, 5000, 10000]);
    expect(radiusOptions(2000)).toEqual([1000, 2000, 3000, 5000, 10000]);
  });
});

describe('the device position', () => {
  it('is kept to about 100 m, so a shared address does not give a home away', () => {
    expect(approximatePosition(43.884567, 125.323456)).toEqual({ lat: 43.885, lng: 125.323 });
  });
});
