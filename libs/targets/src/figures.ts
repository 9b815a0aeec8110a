import { placesPer1000, shortfall, targetFor, todayInShanghai } from '@lib/standards';

export interface RegionCounts {
  facilityCount: number;
  placeCount: number;
  affordablePlaceCount: number;
  population: number;
}

/**
 * The derived figures of docs/api.md "Regions and targets", from a region's counts; `year` (Asia/Shanghai's current
 * year by default) gives this year's target on the line between the plan's points, and the places still missing.
 */
export function deriveFigures(c: RegionCounts, year: number = Number(todayInShanghai().slice(0, 4))) {
  const target2025 = targetFor(2025);
  const target2035 = targetFor(2035);
  const targetCurrentYear = targetFor(year);
  return {
    placesPer1000: placesPer1000(c.placeCount, c.population),
    target2025,
    target2035,
    shortfall2025: shortfall(target2025, c.population, c.placeCount),
    shortfall2035: shortfall(target2035, c.population, c.placeCount),
    currentYear: year,
    targetCurrentYear,
    shortfallCurrentYear: shortfall(targetCurrentYear, c.population, c.placeCount),
  };
}
