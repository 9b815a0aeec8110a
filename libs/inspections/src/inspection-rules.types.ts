/**
 * The vocabulary of inspections (docs/api.md "Inspections and rectification orders", docs/domain.md
 * "Inspection checklists" and "Risk score"), shared by the rules and the storage.
 */
import type { Domain, ItemResult, Severity } from '@lib/standards';

// The vocabularies and which agency records which domain are defined once, with their labels, in libs/standards.
export {
  DOMAINS,
  DOMAIN_AGENCY,
  ITEM_RESULTS,
  OUTCOMES,
  SEVERITIES,
  type Domain,
  type ItemResult,
  type Outcome,
  type Severity,
} from '@lib/standards';

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
