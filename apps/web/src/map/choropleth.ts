// Colour classes for places per 1,000 residents, as data. The breaks sit on the plan's targets
// (4.5 by 2025, 8 by 2035: 长春市优化生育政策促进人口长期均衡发展实施方案) with two steps below the
// 2025 target so that progress towards it shows. Colours: ColorBrewer YlGnBu, 5 classes
// (sequential, colour-blind safe); text on them is never needed, the map shows it in tooltips.

export const TARGET_2025 = 4.5;
export const TARGET_2035 = 8;

/** Lower bounds of classes 2..n (class 1 starts at 0). Ascending. */
export const BREAKS: readonly number[] = [1.5, 3, TARGET_2025, TARGET_2035];

/** One colour per class: BREAKS.length + 1 of them, light to dark. */
export const COLOURS: readonly string[] = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];

/** Fill for a unit whose figure is missing or not a number. */
export const NO_DATA_COLOUR = '#d9d9d9';

export interface ChoroplethClass {
  index: number;
  /** Inclusive lower bound; 0 for the first class. */
  min: number;
  /** Exclusive upper bound; null for the last class. */
  max: number | null;
  colour: string;
  /** True when the whole class lies below the 2025 target. */
  belowTarget2025: boolean;
}

export function choroplethClasses(breaks: readonly number[] = BREAKS, colours: readonly string[] = COLOURS): ChoroplethClass[] {
  if (colours.length !== breaks.length + 1) throw new Error('choropleth: need one more colour than breaks');
  return colours.map((colour, index) => {
    const max = index < breaks.length ? (breaks[index] as number) : null;
    return {
      index,
      min: index === 0 ? 0 : (breaks[index - 1] as number),
      max,
      colour,
      belowTarget2025: max !== null && max <= TARGET_2025,
    };
  });
}

/** The class index of a figure: the number of breaks at or below it. null when it is not a finite number. */
export function classify(value: number | null | undefined, breaks: readonly number[] = BREAKS): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  let index = 0;
  while (index < breaks.length && value >= (breaks[index] as number)) index += 1;
  return index;
}

export function colourFor(value: number | null | undefined): string {
  const index = classify(value);
  return index === null ? NO_DATA_COLOUR : (COLOURS[index] ?? NO_DATA_COLOUR);
}
