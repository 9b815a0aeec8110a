/**
 * Complaints and reports (投诉举报), administrative penalties (行政处罚) and operator credit (信用): the enums,
 * defined once (docs/api.md "Complaints (投诉举报)", "Penalties (行政处罚) and credit (信用)"); their words are in labels.ts.
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
