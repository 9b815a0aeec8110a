// Inspections, rectification orders and the inspection plan (API.md "Inspections and rectification
// orders"; docs/inspections.md). Every call sends the session's token.
import type { Agency } from './types';
import { apiRequest, type RequestOptions } from './client';
import type { Page } from './registry';

export const DOMAINS = ['fire', 'food', 'building', 'hygiene'] as const;
export type Domain = (typeof DOMAINS)[number];
export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ITEM_RESULTS = ['pass', 'fail', 'na'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export type Outcome = 'pass' | 'rectify' | 'fail';
export const ORDER_STATUSES = ['open', 'responded', 'resolved'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** The inbox's filters: a status, or `overdue` (not resolved and past `dueOn`). */
export const ORDER_FILTERS = ['open', 'responded', 'overdue', 'resolved'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

/** Which agency records which domain (docs/inspections.md). */
export const DOMAIN_AGENCY: Record<Domain, Agency> = { fire: 'fire', food: 'market', building: 'housing', hygiene: 'health' };

/** The domains a user may inspect (and amend): those of a regulator's agency; none for anyone else. */
export function domainsOf(user: { role: string; agency?: Agency | null | undefined }): Domain[] {
  if (user.role !== 'regulator' || !user.agency) return [];
  return DOMAINS.filter((domain) => DOMAIN_AGENCY[domain] === user.agency);
}

/** Whether a user may verify a domain's orders: a regulator of its agency, or health. */
export function mayVerify(user: { role: string; agency?: Agency | null | undefined }, domain: Domain): boolean {
  return user.role === 'regulator' && (user.agency === 'health' || user.agency === DOMAIN_AGENCY[domain]);
}

export function isDomain(value: string | null | undefined): value is Domain {
  return (DOMAINS as readonly string[]).includes(value ?? '');
}

export interface ChecklistItem {
  code: string;
  section: string;
  sectionEn: string;
  text: string;
  textEn: string;
  severity: Severity;
  rule: string;
  finding?: string;
  findingEn?: string;
}

export interface Checklist {
  domain: Domain;
  version: number;
  items: ChecklistItem[];
}

export interface ItemAnswer {
  code: string;
  result: ItemResult;
  note?: string;
}

export interface OrderBrief {
  id: string;
  itemCode: string;
  severity: Severity;
  dueOn: string;
  status: OrderStatus;
}

export interface Amendment {
  at: string;
  reason: string;
  items: ItemAnswer[];
}

export interface Inspection {
  id: string;
  facilityId: string;
  domain: Domain;
  checklistVersion: number;
  inspectedAt: string;
  /** Effective, after amendments. */
  outcome: Outcome;
  score: number;
  originalOutcome: Outcome;
  originalScore: number;
  /** As recorded. */
  items: ItemAnswer[];
  summary: string | null;
  amendments: Amendment[];
  rectificationOrders: OrderBrief[];
}

export interface InspectionInput {
  domain: Domain;
  /** ISO 8601 with offset. */
  inspectedAt: string;
  items: ItemAnswer[];
  summary?: string;
  /** The incident this inspection follows up (from the incident page). */
  incidentId?: string;
}

export interface RectificationOrder {
  id: string;
  facilityId: string;
  inspectionId: string;
  domain: Domain;
  itemCode: string;
  severity: Severity;
  dueOn: string;
  status: OrderStatus;
  overdue: boolean;
  response?: { note: string; at: string } | null;
  verification?: { accepted: boolean; note?: string | null; at: string } | null;
}

export interface PlanItem {
  facilityId: string;
  name: string;
  regionCode: string;
  domain: Domain;
  riskScore: number;
  reasons: string[];
  reasonsEn: string[];
  lastInspectedAt: string | null;
  due: boolean;
}

export interface OrderQuery {
  status?: OrderFilter | undefined;
  facilityId?: string | undefined;
  cursor?: string | null | undefined;
  limit?: number;
}

export interface PlanQuery {
  domain?: Domain | '' | undefined;
  regionCode?: string | undefined;
  dueOnly?: boolean | undefined;
  cursor?: string | null | undefined;
  limit?: number;
}

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = encodeURIComponent;
const page = <T>(data: Page<T>): Page<T> => ({ items: data.items, nextCursor: data.nextCursor ?? null });

/** Each domain's checklist in force on `on` (YYYY-MM-DD, a visit's day in Asia/Shanghai), today's without it. */
export async function getChecklists(options?: RequestOptions, on?: string): Promise<Checklist[]> {
  return (await apiRequest<{ items: Checklist[] }>('GET', `/inspection-checklists${query({ on })}`, options)).data.items;
}

export async function recordInspection(facilityId: string, input: InspectionInput, options?: RequestOptions): Promise<Inspection> {
  return (await apiRequest<Inspection>('POST', `/facilities/${id(facilityId)}/inspections`, { ...options, body: input })).data;
}

export async function listInspections(facilityId: string, cursor?: string | null, options?: RequestOptions): Promise<Page<Inspection>> {
  return page(
    (await apiRequest<Page<Inspection>>('GET', `/facilities/${id(facilityId)}/inspections${query({ cursor, limit: 100 })}`, options)).data,
  );
}

export async function getInspection(inspectionId: string, options?: RequestOptions): Promise<Inspection> {
  return (await apiRequest<Inspection>('GET', `/inspections/${id(inspectionId)}`, options)).data;
}

export async function amendInspection(
  inspectionId: string,
  body: { reason: string; items: ItemAnswer[] },
  options?: RequestOptions,
): Promise<Inspection> {
  return (await apiRequest<Inspection>('POST', `/inspections/${id(inspectionId)}/amendments`, { ...options, body })).data;
}

export async function listOrders(filter: OrderQuery, options?: RequestOptions): Promise<Page<RectificationOrder>> {
  const path = `/rectification-orders${query({ status: filter.status, facilityId: filter.facilityId, cursor: filter.cursor, limit: filter.limit })}`;
  return page((await apiRequest<Page<RectificationOrder>>('GET', path, options)).data);
}

export async function respondToOrder(orderId: string, note: string, options?: RequestOptions): Promise<RectificationOrder> {
  return (await apiRequest<RectificationOrder>('POST', `/rectification-orders/${id(orderId)}/response`, { ...options, body: { note } }))
    .data;
}

export async function verifyOrder(
  orderId: string,
  body: { accepted: boolean; note?: string },
  options?: RequestOptions,
): Promise<RectificationOrder> {
  return (await apiRequest<RectificationOrder>('POST', `/rectification-orders/${id(orderId)}/verify`, { ...options, body })).data;
}

export async function getInspectionPlan(filter: PlanQuery, options?: RequestOptions): Promise<Page<PlanItem>> {
  const path = `/inspection-plan${query({
    domain: filter.domain,
    regionCode: filter.regionCode,
    dueOnly: filter.dueOnly === undefined ? undefined : String(filter.dueOnly),
    cursor: filter.cursor,
    limit: filter.limit,
  })}`;
  return page((await apiRequest<Page<PlanItem>>('GET', path, options)).data);
}
