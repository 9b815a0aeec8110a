// Complaints, penalties and credit (API.md "v1 additions"): the public intake and status by receipt
// code, the regulators' inbox and actions, the unregistered-provider layer, and credit levels.
import type { Lang } from '../i18n/language';
import { apiRequest, getJson, type RequestOptions } from './client';
import type { CreatePenaltyDto, PenaltyView } from './contract.gen';

export const COMPLAINT_CATEGORIES = ['safety', 'hygiene', 'food', 'abuse', 'fees', 'staff', 'unregistered', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_STATUSES = ['received', 'investigating', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_FINDINGS = ['substantiated', 'unsubstantiated', 'withdrawn'] as const;
export type ComplaintFinding = (typeof COMPLAINT_FINDINGS)[number];
export const AGENCIES = ['health', 'fire', 'market', 'housing'] as const;
export type Agency = (typeof AGENCIES)[number];
export type CreditLevel = 'A' | 'B' | 'C' | 'D';

export interface NewComplaint {
  facilityId?: string;
  location?: { lat: number; lng: number };
  address?: string;
  providerName?: string;
  category: ComplaintCategory;
  description: string;
  contact?: { name?: string; phone?: string };
}

export interface ComplaintReceipt {
  receiptCode: string;
  status: 'received';
  createdAt: string;
}

export interface PublicComplaint {
  receiptCode: string;
  status: ComplaintStatus;
  category: ComplaintCategory;
  createdAt: string;
  updatedAt: string;
  reply: string | null;
}

export interface Complaint {
  id: string;
  receiptCode?: string;
  facilityId: string | null;
  facilityName: string | null;
  location: { lat: number; lng: number } | null;
  address: string | null;
  providerName: string | null;
  regionCode: string;
  category: ComplaintCategory;
  description: string;
  status: ComplaintStatus;
  agency: Agency | null;
  investigationNote: string | null;
  finding: ComplaintFinding | null;
  reply: string | null;
  contact?: { name?: string; phone?: string };
  acknowledgeDueOn: string;
  closeDueOn: string;
  overdue: boolean;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UnregisteredFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; group: string; reports: number; providerName: string | null; address: string | null; status: ComplaintStatus };
}

export interface Credit {
  creditCode: string;
  level: CreditLevel;
  reasons: string[];
  facilities: string[];
  penalties: number;
  substantiatedComplaints: number;
  substantiatedIncidents: number;
  computedAt: string | null;
}

export async function submitComplaint(body: NewComplaint, lang: Lang): Promise<ComplaintReceipt> {
  return (await apiRequest<ComplaintReceipt>('POST', '/public/complaints', { body, lang, auth: false })).data;
}

export function fetchPublicComplaint(receiptCode: string, options: RequestOptions = {}): Promise<PublicComplaint> {
  return getJson<PublicComplaint>(`/public/complaints/${encodeURIComponent(receiptCode)}`, options);
}

export async function listComplaints(
  query: { status?: ComplaintStatus | undefined; category?: ComplaintCategory | undefined; limit?: number; cursor?: string | null },
  options: RequestOptions = {},
): Promise<Page<Complaint>> {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.category) params.set('category', query.category);
  params.set('limit', String(query.limit ?? 50));
  if (query.cursor) params.set('cursor', query.cursor);
  return (await apiRequest<Page<Complaint>>('GET', `/complaints?${params}`, options)).data;
}

export async function investigateComplaint(id: string, agency: Agency, note: string, lang: Lang): Promise<Complaint> {
  return (await apiRequest<Complaint>('POST', `/complaints/${id}/investigate`, { body: { agency, ...(note ? { note } : {}) }, lang })).data;
}

export async function closeComplaint(id: string, finding: ComplaintFinding, reply: string, lang: Lang): Promise<Complaint> {
  return (await apiRequest<Complaint>('POST', `/complaints/${id}/close`, { body: { finding, reply }, lang })).data;
}

export async function unregisteredLayer(options: RequestOptions = {}): Promise<{ features: UnregisteredFeature[] }> {
  return (await apiRequest<{ features: UnregisteredFeature[] }>('GET', '/complaints/unregistered.geojson', options)).data;
}

export async function listCredit(
  query: { level?: CreditLevel | undefined; cursor?: string | null },
  options: RequestOptions = {},
): Promise<Page<Credit>> {
  const params = new URLSearchParams({ limit: '50' });
  if (query.level) params.set('level', query.level);
  if (query.cursor) params.set('cursor', query.cursor);
  return (await apiRequest<Page<Credit>>('GET', `/credit?${params}`, options)).data;
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
