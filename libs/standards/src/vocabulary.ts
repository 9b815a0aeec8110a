/**
 * The vocabularies of accounts, agencies, regions, inspections and alerts: their values (the words for people are in
 * labels.ts, the other vocabularies' values beside their rules: registry-types.ts, incidents.ts, complaints.ts,
 * waitlist.ts). Kept out of labels.ts so that the web app's first load, which takes labels.ts whole, does not carry
 * the values only the consoles use (apps/web/vite.config.ts; the 80 KB budget).
 */
// Accounts (docs/api.md "Auth and users").
export const USER_ROLES = ['operator', 'regulator', 'admin', 'parent'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** Roles of the accounts the admin creates (POST /users). */
export const STAFF_ACCOUNT_ROLES = ['operator', 'regulator', 'admin'] as const satisfies readonly UserRole[];
/** Roles that register themselves (POST /auth/register `accountType`). */
export const ACCOUNT_TYPES = ['operator', 'parent'] as const satisfies readonly UserRole[];
export type AccountType = (typeof ACCOUNT_TYPES)[number];
/** The supervising agencies a regulator belongs to. */
export const AGENCIES = ['health', 'fire', 'market', 'housing'] as const;
export type Agency = (typeof AGENCIES)[number];
export const REGION_LEVELS = ['city', 'district', 'zone'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

// Inspections (docs/api.md "Inspections and rectification orders", docs/domain.md "Inspection checklists").
export const DOMAINS = ['fire', 'food', 'building', 'hygiene'] as const;
export type Domain = (typeof DOMAINS)[number];
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ITEM_RESULTS = ['pass', 'fail', 'na'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const OUTCOMES = ['pass', 'rectify', 'fail'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const ORDER_STATUSES = ['open', 'responded', 'resolved'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Which agency records (and verifies) an inspection domain; health sees every domain. */
export const DOMAIN_AGENCY: Readonly<Record<Domain, Agency>> = { fire: 'fire', food: 'market', building: 'housing', hygiene: 'health' };

// Alerts (docs/targets.md).
export const ALERT_KINDS = [
  'filing_document_expiring',
  'health_certificate_expiring',
  'qualification_expiring',
  'rectification_overdue',
  'verification_overdue',
  'ratio_breach',
  'staff_multi_listed',
  'background_check_due',
  'region_below_target',
  'incident_unacknowledged',
  'incident_reported_late',
  'illness_cluster',
  'drill_overdue',
  'demand_exceeds_vacancies',
  'filing_review_overdue',
  'affordable_recognition_expiring',
  'complaint_overdue',
  'unregistered_provider',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
