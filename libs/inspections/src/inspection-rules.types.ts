/**
 * The vocabulary of inspections (docs/api.md "Inspections and rectification orders", docs/domain.md
 * "Inspection checklists" and "Risk score"), shared by the rules and the storage.
 */
export const DOMAINS = ['fire', 'food', 'building', 'hygiene'] as const;
export type Domain = (typeof DOMAINS)[number];
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ITEM_RESULTS = ['pass', 'fail', 'na'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const OUTCOMES = ['pass', 'rectify', 'fail'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Which agency records which domain (docs/api.md "Roles and reach"). */
export const DOMAIN_AGENCY = { fire: 'fire', food: 'market', building: 'housing', hygiene: 'health' } as const;

export interface ChecklistItem {
  /** Stable across versions, e.g. FIRE-EXIT-02. */
  code: string;
  /** Grouping on the form, e.g. exits, alarms, electrical. */
  section: string;
  sectionEn: string;
  text: string;
  textEn: string;
  severity: Severity;
  /** The document (and article only where certain) the item checks. */
  rule: string;
  /** Short wording of a failure for public summaries (e.g. 安全出口上锁 / Exit locked). */
  finding?: string;
  findingEn?: string;
}

export interface Checklist {
  domain: Domain;
  version: number;
  /** YYYY-MM-DD from which this version applies. */
  effectiveFrom: string;
  items: ChecklistItem[];
}

export interface ItemAnswer {
  code: string;
  result: ItemResult;
  note?: string;
}
