/**
 * 每千人口拥有3岁以下婴幼儿托位数 — places per 1,000 residents.
 * Source: 长春市优化生育政策促进人口长期均衡发展实施方案 (4.5 by 2025, about 8 by 2035).
 */
export interface TargetPoint {
  year: number;
  placesPer1000: number;
}

export const CHANGCHUN_PLACE_TARGETS: readonly TargetPoint[] = [
  { year: 2025, placesPer1000: 4.5 },
  { year: 2035, placesPer1000: 8 },
];

/** The target of a year on the plan's trajectory: linear between known points, flat outside them. */
export function targetFor(year: number, points: readonly TargetPoint[] = CHANGCHUN_PLACE_TARGETS): number {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  if (sorted.length === 0) throw new Error('no target points');
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (year <= first.year) return first.placesPer1000;
  if (year >= last.year) return last.placesPer1000;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (year <= b.year) {
      const share = (year - a.year) / (b.year - a.year);
      return Math.round((a.placesPer1000 + share * (b.placesPer1000 - a.placesPer1000)) * 100) / 100;
    }
  }
  return last.placesPer1000;
}

/** placeCount ÷ population × 1000, two decimals; 0 when the population is unknown. */
export function placesPer1000(placeCount: number, population: number): number {
  if (population <= 0) return 0;
  return Math.round((placeCount / population) * 1000 * 100) / 100;
}

/** Places still missing to reach a target: max(0, ⌈target × population ÷ 1000⌉ − placeCount). */
export function shortfall(target: number, population: number, placeCount: number): number {
  return Math.max(0, Math.ceil((target * population) / 1000) - placeCount);
}
