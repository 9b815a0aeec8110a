// Change filings (变更备案) of registered facilities and 普惠 recognition (docs/api.md "v1 additions": "Change
// filings (变更备案) and what counts", "Affordable (普惠) recognition"). Every call sends the session's token.
import { apiRequest, type RequestOptions } from './client';
import type { AgeGroup, ComplianceCheck, Facility, FacilityInput, Page, Versioned } from './registry';

export const CHANGE_FILING_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeFilingStatus = (typeof CHANGE_FILING_STATUSES)[number];

/** The material fields: once a facility has been registered they change only through a change filing. */
export const MATERIAL_FIELDS = [
  'name',
  'kind',
  'ownership',
  'creditCode',
  'address',
  'location',
  'floors',
  'indoorAreaM2',
  'outdoorAreaM2',
  'exitCount',
  'servesMeals',
  'documents',
  'affordable',
] as const satisfies readonly (keyof FacilityInput)[];
export type MaterialField = (typeof MATERIAL_FIELDS)[number];
export type MaterialChange = Partial<Pick<FacilityInput, MaterialField>>;

export interface ClassChange {
  op: 'add' | 'update' | 'remove';
  /** update, remove: the class. */
  classId?: string;
  name?: string;
  ageGroup?: AgeGroup;
  places?: number;
  enrolled?: number;
}

export interface ClassBefore {
  id: string;
  name: string;
  ageGroup: AgeGroup;
  places: number;
  enrolled: number;
}

export interface ChangeFiling {
  id: string;
  facilityId: string;
  facilityName: string;
  regionCode: string;
  status: ChangeFilingStatus;
  reason: string;
  /** The material fields as proposed (only those that differ). */
  facility: MaterialChange;
  classes: ClassChange[];
  /** The same fields and every class as they were when filed. */
  before: { facility?: MaterialChange; classes?: ClassBefore[] };
  submittedAt: string;
  decidedAt: string | null;
  decision: { note?: string; reason?: string } | null;
  /** Pending for longer than the review deadline (working days). */
  overdue: boolean;
}

export interface ChangeInput {
  reason: string;
  facility?: MaterialChange;
  classes?: ClassChange[];
}

/** The filing requirements against the facility as it would be after the change; nothing is filed. */
export interface ChangeCheck {
  /** The change filing would be accepted: no rule that refuses a filing is broken. */
  acceptable: boolean;
  checks: (ComplianceCheck & { blocksFiling: boolean })[];
}

export interface ChangeFilingQuery {
  status?: ChangeFilingStatus | '';
  regionCode?: string;
  cursor?: string | null;
  limit?: number;
}

const id = encodeURIComponent;

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function listFacilityChanges(facilityId: string, options?: RequestOptions): Promise<ChangeFiling[]> {
  return (await apiRequest<{ items: ChangeFiling[] }>('GET', `/facilities/${id(facilityId)}/changes`, options)).data.items;
}

export async function createChange(facilityId: string, input: ChangeInput, options?: RequestOptions): Promise<ChangeFiling> {
  return (await apiRequest<ChangeFiling>('POST', `/facilities/${id(facilityId)}/changes`, { ...options, body: input })).data;
}

export async function checkChange(facilityId: string, input: Omit<ChangeInput, 'reason'>, options?: RequestOptions): Promise<ChangeCheck> {
  return (await apiRequest<ChangeCheck>('POST', `/facilities/${id(facilityId)}/changes/check`, { ...options, body: input })).data;
}

/** The review queue: change filings of the facilities in the regulator's reach, oldest first. */
export async function listChangeFilings(filter: ChangeFilingQuery, options?: RequestOptions): Promise<Page<ChangeFiling>> {
  const path = `/change-filings${query({ status: filter.status, regionCode: filter.regionCode, cursor: filter.cursor, limit: filter.limit })}`;
  const result = await apiRequest<Page<ChangeFiling>>('GET', path, options);
  return { items: result.data.items, nextCursor: result.data.nextCursor ?? null };
}

export async function getChangeFiling(changeId: string, options?: RequestOptions): Promise<ChangeFiling> {
  return (await apiRequest<ChangeFiling>('GET', `/change-filings/${id(changeId)}`, options)).data;
}

/** approve `{ note? }` and reject `{ reason }` (health regulator in reach); withdraw (the owner). */
export async function decideChange(
  changeId: string,
  action: 'approve' | 'reject' | 'withdraw',
  body: { note?: string; reason?: string },
  options?: RequestOptions,
): Promise<ChangeFiling> {
  return (await apiRequest<ChangeFiling>('POST', `/change-filings/${id(changeId)}/${action}`, { ...options, body })).data;
}

// 普惠 recognition ---------------------------------------------------------------------------------

export type AffordableDecision = 'recognize' | 'reject' | 'revoke';

export interface AffordableDecisionInput {
  decision: AffordableDecision;
  maxMonthlyFee?: number;
  validUntil?: string;
  reason?: string;
}

/** The health regulator's decision on a facility's 普惠 application; answers the facility. */
export async function decideAffordable(
  facilityId: string,
  input: AffordableDecisionInput,
  options?: RequestOptions,
): Promise<Versioned<Facility>> {
  const result = await apiRequest<Facility>('POST', `/facilities/${id(facilityId)}/affordable-recognition`, { ...options, body: input });
  return { data: result.data, etag: result.etag };
}
