// The alert inbox's own strings (alert kinds, groups by facility, issue #18) and the orders' verification deadline, in zh-CN and
// English. Beside the consoles rather than in i18n/zh-CN.ts and en.ts, so that they load with the console chunks and
// not with the parents' first page (its 80 KB budget, test/e2e/web-assets.e2e-spec.ts), as changes-text.ts does.
import { ALERT_KIND_LABELS, labelsIn } from '@lib/standards';
import { useI18n } from '../../../i18n/i18n';

const zhCN = {
  kinds: labelsIn(ALERT_KIND_LABELS, 'zh'),
  groupCount: (n: number, more: boolean) => `涉及 ${n}${more ? '+' : ''} 家机构或单元`,
  alertsIn: (n: number) => `${n} 条预警`,
  earliestDue: (when: string) => `最早期限：${when}`,
  verifyBy: (date: string) => `监管部门应于 ${date} 前核查`,
};

const en: typeof zhCN = {
  kinds: labelsIn(ALERT_KIND_LABELS, 'en'),
  groupCount: (n, more) => `${n}${more ? '+' : ''} facilit${n === 1 && !more ? 'y or unit' : 'ies or units'}`,
  alertsIn: (n) => `${n} alert${n === 1 ? '' : 's'}`,
  earliestDue: (when) => `Earliest due ${when}`,
  verifyBy: (date) => `To be verified by ${date}`,
};

/** The strings in the page's language. */
export function useAlertText(): typeof zhCN {
  return useI18n().lang === 'en' ? en : zhCN;
}
