// The facility page's words for a child's age (issue #18 item 1: opened from a search with an age, the places for
// that age come first), in zh-CN and English. Beside the page rather than in i18n/zh-CN.ts and en.ts, so that they
// load with the facility page's chunk and not with the parents' first page (its 80 KB budget,
// test/e2e/web-assets.e2e-spec.ts), as the consoles' text modules do.
import { useI18n } from '../../i18n/i18n';

const zhCN = {
  title: (months: number) => `适合 ${months} 个月孩子的托位`,
  classes: (names: string) => `收这个年龄的班级：${names}`,
  oldestReport: (when: string) => `这些班级中最早的一次托位上报：${when}`,
  fits: '适合孩子年龄',
};

const en: typeof zhCN = {
  title: (months) => `Places for a child of ${months} month${months === 1 ? '' : 's'}`,
  classes: (names) => `Classes that take this age: ${names}`,
  oldestReport: (when) => `Oldest report of places among these classes: ${when}`,
  fits: 'Takes your child’s age',
};

/** The strings in the page's language. */
export function useFacilityAgeText(): typeof zhCN {
  return useI18n().lang === 'en' ? en : zhCN;
}
