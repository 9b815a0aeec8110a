// Inspections, rectification orders and the inspection plan (docs/api.md "Inspections and rectification
// orders"; docs/inspections.md). Every call sends the session's token.
import type { Agency } from './types';
import { apiRequest, type RequestOptions } from './client';
import { queryString } from './query';
import type { Page } from './registry';
import type {
  AmendmentView,
  ChecklistItemView,
  ChecklistView,
  CreateInspectionDto,
  InspectionView,
  ItemAnswerDto,
  OrderBriefView,
  OrderView,
  PlanItemView,
  QueryOf,
} from './contract.gen';

import { DOMAINS, DOMAIN_AGENCY, type Domain } from '@lib/standards';

// The vocabularies, their labels and which agency records which domain are defined once, in libs/standards.
export { DOMAINS, DOMAIN_AGENCY, ITEM_RESULTS, ORDER_STATUSES, SEVERITIES } from '@lib/standards';
export type { Domain, ItemResult, OrderStatus, Outcome, Severity } from '@lib/standards';
/** The inbox's filters: a status, or `overdue` (not resolved and past `dueOn`). */
export const ORDER_FILTERS = ['open', 'responded', 'overdue', 'resolved'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

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

export type ChecklistItem = ChecklistItemView;
export type Checklist = ChecklistView;
export type ItemAnswer = ItemAnswerDto;
export type OrderBrief = OrderBriefView;
export type Amendment = AmendmentView;
/** `outcome`, `score`: effective, after amendments; `items`: as recorded. */
export type Inspection = InspectionView;
export type InspectionInput = CreateInspectionDto;
export type RectificationOrder = OrderView;
export type PlanItem = PlanItemView;

type OrderParameters = QueryOf<'GET /api/v1/rectification-orders'>;
type PlanParameters = QueryOf<'GET /api/v1/inspection-plan'>;

/** The inbox's filter, as the pages hold it (undefined: off). */
export interface OrderQuery {
  status?: OrderParameters['status'] | undefined;
  facilityId?: OrderParameters['facilityId'] | undefined;
  cursor?: string | null | undefined;
  limit?: OrderParameters['limit'];
}

/** The plan's filter, as the page holds it (`domain: ''`: every domain; `dueOnly` as a boolean). */
export interface PlanQuery {
  domain?: PlanParameters['domain'] | '' | undefined;
  regionCode?: PlanParameters['regionCode'] | undefined;
  dueOnly?: boolean | undefined;
  cursor?: string | null | undefined;
  limit?: PlanParameters['limit'];
}

const id = encodeURIComponent;
const page = <T>(data: Page<T>): Page<T> => ({ items: data.items, nextCursor: data.nextCursor ?? null });

/** Each domain's checklist in force on `on` (YYYY-MM-DD, a visit's day in Asia/Shanghai), today's without it. */
export async function getChecklists(options?: RequestOptions, on?: string): Promise<Checklist[]> {
  return (await apiRequest<{ items: Checklist[] }>('GET', `/inspection-checklists${queryString({ on })}`, options)).data.items;
}

export async function recordInspection(facilityId: string, input: InspectionInput, options?: RequestOptions): Promise<Inspection> {
  return (await apiRequest<Inspection>('POST', `/facilities/${id(facilityId)}/inspections`, { ...options, body: input })).data;
}

export async function listInspections(facilityId: string, cursor?: string | null, options?: RequestOptions): Promise<Page<Inspection>> {
  return page(
    (await apiRequest<Page<Inspection>>('GET', `/facilities/${id(facilityId)}/inspections${queryString({ cursor, limit: 100 })}`, options))
      .data,
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
  const path = `/rectification-orders${queryString({ status: filter.status, facilityId: filter.facilityId, cursor: filter.cursor, limit: filter.limit })}`;
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
  const path = `/inspection-plan${queryString({
    domain: filter.domain,
    regionCode: filter.regionCode,
    dueOnly: filter.dueOnly === undefined ? undefined : String(filter.dueOnly),
    cursor: filter.cursor,
    limit: filter.limit,
  })}`;
  return page((await apiRequest<Page<PlanItem>>('GET', path, options)).data);
}
