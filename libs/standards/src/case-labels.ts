/**
 * The words (zh-CN and English) of the vocabularies that only the consoles' lazily loaded pages and the complaint
 * pages show: alert kinds, change filings, 普惠 recognition, complaints, penalties and credit. They are labels.ts's kind, defined
 * once like the rest; they live apart from labels.ts only because the web app's first load takes every module the
 * entry imports whole (apps/web/vite.config.ts) and the parents' first page never shows these (its 80 KB budget).
 */
import type { Labels } from './labels.js';
import type { AlertKind } from './vocabulary.js';
import type { AffordableStatus, ChangeFilingStatus } from './registry-types.js';
import type { ComplaintCategory, ComplaintFinding, ComplaintStatus, CreditLevel, PenaltyKind } from './complaints.js';

// Registry: change filings and 普惠 recognition (docs/api.md "Change filings (变更备案) and what counts", "Affordable (普惠) recognition").
export const CHANGE_FILING_STATUS_LABELS: Labels<ChangeFilingStatus> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
export const AFFORDABLE_STATUS_LABELS: Labels<AffordableStatus> = {
  applied: { zh: '已申请，待认定', en: 'Applied, awaiting decision' },
  recognized: { zh: '已认定', en: 'Recognised' },
  rejected: { zh: '未予认定', en: 'Not recognised' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  expired: { zh: '已过期', en: 'Expired' },
};

// Complaints, penalties and credit (docs/api.md "Complaints (投诉举报)", "Penalties (行政处罚) and credit (信用)").
export const COMPLAINT_CATEGORY_LABELS: Labels<ComplaintCategory> = {
  safety: { zh: '安全隐患', en: 'Safety' },
  hygiene: { zh: '卫生', en: 'Hygiene' },
  food: { zh: '餐饮食品', en: 'Food' },
  abuse: { zh: '虐待或伤害儿童', en: 'Abuse of children' },
  fees: { zh: '收费', en: 'Fees' },
  staff: { zh: '工作人员', en: 'Staff' },
  unregistered: { zh: '未备案的托育服务', en: 'Unregistered childcare' },
  other: { zh: '其他', en: 'Other' },
};
export const COMPLAINT_STATUS_LABELS: Labels<ComplaintStatus> = {
  received: { zh: '已受理', en: 'Received' },
  investigating: { zh: '调查中', en: 'Under investigation' },
  closed: { zh: '已办结', en: 'Closed' },
};
export const COMPLAINT_FINDING_LABELS: Labels<ComplaintFinding> = {
  substantiated: { zh: '情况属实', en: 'Substantiated' },
  unsubstantiated: { zh: '情况不属实', en: 'Not substantiated' },
  withdrawn: { zh: '投诉人撤回', en: 'Withdrawn' },
};
export const PENALTY_KIND_LABELS: Labels<PenaltyKind> = {
  warning: { zh: '警告', en: 'Warning' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收违法所得', en: 'Confiscation of illegal gains' },
  order_to_stop: { zh: '责令停业', en: 'Order to stop operating' },
  revocation: { zh: '吊销许可或撤销备案', en: 'Revocation' },
};
export const CREDIT_LEVEL_LABELS: Labels<CreditLevel> = {
  A: { zh: 'A 级（守信）', en: 'A (good standing)' },
  B: { zh: 'B 级（基本守信）', en: 'B (minor issues)' },
  C: { zh: 'C 级（失信）', en: 'C (serious issues)' },
  D: { zh: 'D 级（严重失信）', en: 'D (barred)' },
};

// Alerts (docs/api.md "Alerts and reports"): the consoles' alert inboxes.
export const ALERT_KIND_LABELS: Labels<AlertKind> = {
  filing_document_expiring: { zh: '备案证照即将到期', en: 'Filing document expiring' },
  health_certificate_expiring: { zh: '健康证即将到期', en: 'Health certificate expiring' },
  qualification_expiring: { zh: '资格证书即将到期', en: 'Qualification expiring' },
  rectification_overdue: { zh: '整改逾期', en: 'Rectification overdue' },
  verification_overdue: { zh: '整改回复逾期未核查', en: 'Response awaiting verification' },
  ratio_breach: { zh: '保育人员配比不足', en: 'Carer ratio not met' },
  staff_multi_listed: { zh: '人员多处任职', en: 'Staff listed at several facilities' },
  background_check_due: { zh: '背景审查须复查', en: 'Background re-check due' },
  region_below_target: { zh: '托位低于目标', en: 'Places below the target' },
  incident_unacknowledged: { zh: '突发事件未受理', en: 'Incident not acknowledged' },
  incident_reported_late: { zh: '突发事件迟报', en: 'Incident reported late' },
  illness_cluster: { zh: '疾病聚集', en: 'Illness cluster' },
  drill_overdue: { zh: '消防演练逾期', en: 'Fire drill overdue' },
  demand_exceeds_vacancies: { zh: '排队儿童多于空余托位', en: 'More children waiting than vacancies' },
  filing_review_overdue: { zh: '审核超时', en: 'Review overdue' },
  affordable_recognition_expiring: { zh: '普惠认定即将到期', en: 'Affordable recognition expiring' },
  complaint_overdue: { zh: '投诉办理逾期', en: 'Complaint overdue' },
  unregistered_provider: { zh: '疑似无证托育', en: 'Suspected unregistered childcare' },
};
