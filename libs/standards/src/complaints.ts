/**
 * Complaints and reports (投诉举报), administrative penalties (行政处罚) and operator credit (信用): the enums and
 * their labels, defined once (API.md "v1 additions": Complaints; Penalties and credit).
 */
export const COMPLAINT_CATEGORIES = ['safety', 'hygiene', 'food', 'abuse', 'fees', 'staff', 'unregistered', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_STATUSES = ['received', 'investigating', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_FINDINGS = ['substantiated', 'unsubstantiated', 'withdrawn'] as const;
export type ComplaintFinding = (typeof COMPLAINT_FINDINGS)[number];

export const PENALTY_KINDS = ['warning', 'fine', 'confiscation', 'order_to_stop', 'revocation'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];

type Label = { zh: string; en: string };

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, Label> = {
  safety: { zh: '安全隐患', en: 'Safety' },
  hygiene: { zh: '卫生', en: 'Hygiene' },
  food: { zh: '餐饮食品', en: 'Food' },
  abuse: { zh: '虐待或伤害儿童', en: 'Abuse of children' },
  fees: { zh: '收费', en: 'Fees' },
  staff: { zh: '工作人员', en: 'Staff' },
  unregistered: { zh: '未备案的托育服务', en: 'Unregistered childcare' },
  other: { zh: '其他', en: 'Other' },
};
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, Label> = {
  received: { zh: '已受理', en: 'Received' },
  investigating: { zh: '调查中', en: 'Under investigation' },
  closed: { zh: '已办结', en: 'Closed' },
};
export const COMPLAINT_FINDING_LABELS: Record<ComplaintFinding, Label> = {
  substantiated: { zh: '情况属实', en: 'Substantiated' },
  unsubstantiated: { zh: '情况不属实', en: 'Not substantiated' },
  withdrawn: { zh: '投诉人撤回', en: 'Withdrawn' },
};
export const PENALTY_KIND_LABELS: Record<PenaltyKind, Label> = {
  warning: { zh: '警告', en: 'Warning' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收违法所得', en: 'Confiscation of illegal gains' },
  order_to_stop: { zh: '责令停业', en: 'Order to stop operating' },
  revocation: { zh: '吊销许可或撤销备案', en: 'Revocation' },
};
export const CREDIT_LEVEL_LABELS: Record<CreditLevel, Label> = {
  A: { zh: 'A 级（守信）', en: 'A (good standing)' },
  B: { zh: 'B 级（基本守信）', en: 'B (minor issues)' },
  C: { zh: 'C 级（失信）', en: 'C (serious issues)' },
  D: { zh: 'D 级（严重失信）', en: 'D (barred)' },
};
