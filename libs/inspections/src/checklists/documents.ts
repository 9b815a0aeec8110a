import type { ChecklistItem } from '../inspection-rules.types.js';

/**
 * The documents the checklist items check (docs/domain.md "Inspection checklists"). An item's `rule` is one of these,
 * followed by an article (第…条) only where the article is certain; everywhere else the document alone is named.
 */
export const RULE_DOCUMENTS = {
  /** 国家卫生健康委《托育机构设置标准（试行）》(2019). */
  settingStandard: '托育机构设置标准（试行）',
  /** 国家卫生健康委《托育机构管理规范（试行）》(2019). */
  managementNorms: '托育机构管理规范（试行）',
  /** 卫生部、教育部《托儿所幼儿园卫生保健管理办法》(2010). */
  healthCareMeasures: '托儿所幼儿园卫生保健管理办法',
  /** 国家卫生健康委办公厅、应急管理部办公厅《托育机构消防安全指南（试行）》(2022). */
  fireSafetyGuide: '托育机构消防安全指南（试行）',
  /** GB 50016-2014 (2018 edition). */
  fireCode: 'GB 50016 建筑设计防火规范',
  /** JGJ 39-2016. */
  nurseryBuildingCode: 'JGJ 39 托儿所、幼儿园建筑设计规范',
  /** 中华人民共和国食品安全法 (2015, as amended). */
  foodSafetyLaw: '食品安全法',
  /** 市场监管总局《餐饮服务食品安全操作规范》(2018). */
  cateringPractice: '餐饮服务食品安全操作规范',
  /** 国家卫生健康委办公厅《托育机构婴幼儿伤害预防指南（试行）》(2021): suffocation, scalds, drowning, foreign bodies. */
  injuryPrevention: '托育机构婴幼儿伤害预防指南（试行）',
  /** 卫生部《托儿所幼儿园卫生保健工作规范》(2012), which carries out the 管理办法: daily outdoor time among others. */
  healthCareNorms: '托儿所幼儿园卫生保健工作规范',
  /** GB 50325-2020: indoor pollutants (formaldehyde among them) of Class I buildings, nurseries included. */
  indoorPollutionCode: 'GB 50325 民用建筑工程室内环境污染控制标准',
} as const;

export type RuleDocument = (typeof RULE_DOCUMENTS)[keyof typeof RULE_DOCUMENTS];

/**
 * A checklist item as written in this folder: the shared ChecklistItem plus how a failure of it reads in a public
 * summary (`finding`, zh-CN, and `findingEn`), short and plain, e.g. 疏散通道或安全出口被堵塞. The extra fields travel
 * with the item (a Checklist's items are ChecklistEntry objects); rules read them where present and fall back to the
 * item's `text` for a checklist without them.
 */
export interface ChecklistEntry extends ChecklistItem {
  finding: string;
  findingEn: string;
}

/**
 * The day version 2 of every checklist (docs/domain.md "National rules to encode", corrections for the second release: items moved to the right
 * agency, severities fixed, missing hazards added) came into force. An inspection is recorded against the version in
 * force on the day of the visit, so one dated earlier (back-filled from paper) still answers version 1.
 */
export const SECOND_RELEASE_FROM = '2026-12-06';

/**
 * A later version's items: the earlier version's with the items named in `replaced` swapped, in place, for the items
 * given (none: the item is dropped), then `appended`. In place, so that a section's items stay together.
 */
export function revise(
  items: readonly ChecklistEntry[],
  replaced: Readonly<Record<string, ChecklistEntry[]>>,
  appended: ChecklistEntry[] = [],
): ChecklistEntry[] {
  for (const code of Object.keys(replaced)) {
    if (!items.some((i) => i.code === code)) throw new RangeError(`revise: no item ${code} to replace`);
  }
  return [...items.flatMap((i) => replaced[i.code] ?? [i]), ...appended];
}
