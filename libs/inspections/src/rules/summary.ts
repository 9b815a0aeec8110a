import type { Checklist, ChecklistItem } from '../inspection-rules.types.js';

/**
 * The plain-language public summary of one inspection (docs/api.md "Public": "a plain-language summary of failed items and
 * whether they were put right"): how many items failed, what each was, and whether it has been put right. It names
 * no inspector and no note. E.g. 2 项不合格：疏散通道或安全出口被堵塞（已整改）；灭火器失效或过期（整改中）.
 */
export type SummaryLanguage = 'zh' | 'en';

/** How a failure of the item reads: its short `finding` where the checklist has one, else its requirement text. */
function findingOf(item: ChecklistItem, lang: SummaryLanguage): string {
  const entry = item as ChecklistItem & { finding?: unknown; findingEn?: unknown };
  const finding = lang === 'zh' ? entry.finding : entry.findingEn;
  return typeof finding === 'string' && finding.length > 0 ? finding : lang === 'zh' ? item.text : item.textEn;
}

/**
 * `failedCodes`: the items that failed (the effective answers, after amendments); `resolvedCodes`: those whose
 * rectification has been verified. Failures are listed in checklist order; codes not on the checklist are ignored.
 */
export function plainSummary(
  checklist: Checklist,
  failedCodes: readonly string[],
  resolvedCodes: readonly string[],
  lang: SummaryLanguage,
): string {
  const failed = new Set(failedCodes);
  const resolved = new Set(resolvedCodes);
  const items = checklist.items.filter((i) => failed.has(i.code));
  if (items.length === 0) return lang === 'zh' ? '全部检查项合格' : 'All items passed';

  if (lang === 'zh') {
    const parts = items.map((i) => `${findingOf(i, 'zh')}（${resolved.has(i.code) ? '已整改' : '整改中'}）`);
    return `${items.length} 项不合格：${parts.join('；')}`;
  }
  const parts = items.map((i) => `${findingOf(i, 'en')} (${resolved.has(i.code) ? 'put right' : 'being put right'})`);
  return `${items.length} ${items.length === 1 ? 'item' : 'items'} failed: ${parts.join('; ')}`;
}
