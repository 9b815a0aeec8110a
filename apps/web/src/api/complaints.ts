// Complaints, penalties and credit (docs/api.md "Complaints (投诉举报)", "Penalties (行政处罚) and credit (信用)"):
// the public intake and status by receipt code, the regulators' inbox and actions, the unregistered-provider
// layer, and credit levels. The types are the OpenAPI document's (contract.gen.ts).
import type { Lang } from '../i18n/language';
import { apiRequest, getJson, type RequestOptions } from './client';
import { queryString } from './query';
import type { Page } from './registry';
import type {
  ComplaintReceiptView,
  ComplaintView,
  CreateComplaintDto,
  CreatePenaltyDto,
  CreditView,
  PenaltyView,
  PublicComplaintView,
  QueryOf,
  UnregisteredFeatureView,
  UnregisteredView,
} from './contract.gen';
import type { Agency, ComplaintFinding } from '@lib/standards';

// The vocabularies (and their labels) are defined once, in libs/standards.
export { AGENCIES, COMPLAINT_CATEGORIES, COMPLAINT_FINDINGS, COMPLAINT_STATUSES } from '@lib/standards';
export type { Agency, ComplaintCategory, ComplaintFinding, ComplaintStatus, CreditLevel } from '@lib/standards';
export type { Page } from './registry';

export type NewComplaint = CreateComplaintDto;
export type ComplaintReceipt = ComplaintReceiptView;
export type PublicComplaint = PublicComplaintView;
export type Complaint = ComplaintView;
export type UnregisteredFeature = UnregisteredFeatureView;
export type Credit = CreditView;

type ComplaintParameters = QueryOf<'GET /api/v1/complaints'>;
type CreditParameters = QueryOf<'GET /api/v1/credit'>;

export async function submitComplaint(body: NewComplaint, lang: Lang): Promise<ComplaintReceipt> {
  return (await apiRequest<ComplaintReceipt>('POST', '/public/complaints', { body, lang, auth: false })).data;
}

export function fetchPublicComplaint(receiptCode: string, options: RequestOptions = {}): Promise<PublicComplaint> {
  return getJson<PublicComplaint>(`/public/complaints/${encodeURIComponent(receiptCode)}`, options);
}

export async function listComplaints(
  query: {
    status?: ComplaintParameters['status'] | undefined;
    category?: ComplaintParameters['category'] | undefined;
    limit?: number;
    cursor?: string | null;
  },
  options: RequestOptions = {},
): Promise<Page<Complaint>> {
  const path = `/complaints${queryString({ status: query.status, category: query.category, limit: query.limit ?? 50, cursor: query.cursor })}`;
  return (await apiRequest<Page<Complaint>>('GET', path, options)).data;
}

export async function investigateComplaint(id: string, agency: Agency, note: string, lang: Lang): Promise<Complaint> {
  return (await apiRequest<Complaint>('POST', `/complaints/${id}/investigate`, { body: { agency, ...(note ? { note } : {}) }, lang })).data;
}

export async function closeComplaint(id: string, finding: ComplaintFinding, reply: string, lang: Lang): Promise<Complaint> {
  return (await apiRequest<Complaint>('POST', `/complaints/${id}/close`, { body: { finding, reply }, lang })).data;
}

export async function unregisteredLayer(options: RequestOptions = {}): Promise<UnregisteredView> {
  return (await apiRequest<UnregisteredView>('GET', '/complaints/unregistered.geojson', options)).data;
}

export async function listCredit(
  query: { level?: CreditParameters['level'] | undefined; cursor?: string | null },
  options: RequestOptions = {},
): Promise<Page<Credit>> {
  return (await apiRequest<Page<Credit>>('GET', `/credit${queryString({ limit: 50, level: query.level, cursor: query.cursor })}`, options))
    .data;
}

export async function fetchCredit(creditCode: string, options: RequestOptions = {}): Promise<Credit> {
  return (await apiRequest<Credit>('GET', `/credit/${encodeURIComponent(creditCode)}`, options)).data;
}

/** Administrative penalties (行政处罚) of one facility, revoked ones included (they say so). Types from the contract. */
export type Penalty = PenaltyView;
export type PenaltyInput = CreatePenaltyDto;
export const PENALTY_KINDS = [
  'warning',
  'fine',
  'confiscation',
  'order_to_stop',
  'revocation',
] as const satisfies readonly Penalty['kind'][];

export async function listPenalties(facilityId: string, options: RequestOptions = {}): Promise<Penalty[]> {
  return (await apiRequest<{ items: Penalty[] }>('GET', `/facilities/${encodeURIComponent(facilityId)}/penalties`, options)).data.items;
}

export async function recordPenalty(facilityId: string, body: PenaltyInput, options: RequestOptions = {}): Promise<Penalty> {
  return (await apiRequest<Penalty>('POST', `/facilities/${encodeURIComponent(facilityId)}/penalties`, { ...options, body })).data;
}

/** A revocation on appeal (same agency only); the penalty itself is never edited. */
export async function revokePenalty(penaltyId: string, reason: string, options: RequestOptions = {}): Promise<Penalty> {
  return (await apiRequest<Penalty>('POST', `/penalties/${encodeURIComponent(penaltyId)}/revoke`, { ...options, body: { reason } })).data;
}
