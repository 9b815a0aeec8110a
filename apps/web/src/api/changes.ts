// Change filings (变更备案) of registered facilities and 普惠 recognition (docs/api.md "v1 additions": "Change
// filings (变更备案) and what counts", "Affordable (普惠) recognition"). Every call sends the session's token.
import { apiRequest, type RequestOptions } from './client';
import { queryString } from './query';
import type { Facility, Page, Versioned } from './registry';
import type {
  AffordableDecisionDto,
  ChangeCheckDto,
  ChangeCheckView,
  ChangeFacilityDto,
  ChangeFilingView,
  ClassBeforeView,
  ClassChangeDto,
  CreateChangeFilingDto,
  QueryOf,
} from './contract.gen';
import type { ChangeFilingStatus } from '@lib/standards';

// The vocabularies (and their labels) and the material fields are defined once, in libs/standards.
export {
  CHANGE_FILING_STATUSES,
  MATERIAL_FACILITY_FIELDS as MATERIAL_FIELDS,
  type ChangeFilingStatus,
  type MaterialFacilityField as MaterialField,
} from '@lib/standards';

/** The material fields as proposed (only those that differ), or as they were when filed. */
export type MaterialChange = ChangeFacilityDto;
export type ClassChange = ClassChangeDto;
export type ClassBefore = ClassBeforeView;
export type ChangeFiling = ChangeFilingView;
export type ChangeInput = CreateChangeFilingDto;
/** The filing requirements against the facility as it would be after the change; nothing is filed. */
export type ChangeCheck = ChangeCheckView;

/** The review queue's filter, as the pages hold it (`status: ''`: every status). */
export type ChangeFilingQuery = Omit<QueryOf<'GET /api/v1/change-filings'>, 'status' | 'cursor'> & {
  status?: ChangeFilingStatus | '';
  cursor?: string | null;
};

const id = encodeURIComponent;

export async function listFacilityChanges(facilityId: string, options?: RequestOptions): Promise<ChangeFiling[]> {
  return (await apiRequest<{ items: ChangeFiling[] }>('GET', `/facilities/${id(facilityId)}/changes`, options)).data.items;
}

export async function createChange(facilityId: string, input: ChangeInput, options?: RequestOptions): Promise<ChangeFiling> {
  return (await apiRequest<ChangeFiling>('POST', `/facilities/${id(facilityId)}/changes`, { ...options, body: input })).data;
}

export async function checkChange(facilityId: string, input: ChangeCheckDto, options?: RequestOptions): Promise<ChangeCheck> {
  return (await apiRequest<ChangeCheck>('POST', `/facilities/${id(facilityId)}/changes/check`, { ...options, body: input })).data;
}

/** The review queue: change filings of the facilities in the regulator's reach, oldest first. */
export async function listChangeFilings(filter: ChangeFilingQuery, options?: RequestOptions): Promise<Page<ChangeFiling>> {
  const path = `/change-filings${queryString({ status: filter.status, regionCode: filter.regionCode, cursor: filter.cursor, limit: filter.limit })}`;
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

export type AffordableDecisionInput = AffordableDecisionDto;
export type AffordableDecision = AffordableDecisionInput['decision'];

/** The health regulator's decision on a facility's 普惠 application; answers the facility. */
export async function decideAffordable(
  facilityId: string,
  input: AffordableDecisionInput,
  options?: RequestOptions,
): Promise<Versioned<Facility>> {
  const result = await apiRequest<Facility>('POST', `/facilities/${id(facilityId)}/affordable-recognition`, { ...options, body: input });
  return { data: result.data, etag: result.etag };
}
