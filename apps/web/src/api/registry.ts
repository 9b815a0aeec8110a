// The registry's endpoints and types (docs/api.md "Facilities (registry and filing)", "Classes (places)
// and staff"). Every call sends the session's token; facilities and classes come with their ETag.
import { apiRequest, type ApiResult, type RequestOptions } from './client';
import { queryString } from './query';
import type {
  AffordableRecognitionView,
  ClassView,
  ComplianceCheckView,
  ComplianceView,
  CreateClassDto,
  CreateFacilityDto,
  CreateStaffDto,
  FacilityView,
  FilingDocumentDto,
  HistoryEntryView,
  LocationDto,
  PlacementPlanView,
  PlacementView,
  QualificationDto,
  QueryOf,
  StaffView,
} from './contract.gen';

// The vocabularies (and their labels) are defined once, in libs/standards.
export {
  AGE_GROUP_NAMES as AGE_GROUPS,
  DOCUMENT_TYPES,
  EDUCATION_LEVELS,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  OWNERSHIPS,
  QUALIFICATION_TYPES,
  RATINGS,
  SERVICE_TYPES,
  STAFF_ROLES,
  TENURES,
} from '@lib/standards';
export type {
  AgeGroupName as AgeGroup,
  DocumentType,
  EducationLevel,
  FacilityKind,
  FacilityStatus,
  Ownership,
  QualificationType,
  Rating,
  ServiceType,
  StaffRole,
  Tenure,
} from '@lib/standards';
import type { FacilityStatus } from '@lib/standards';

export { AFFORDABLE_STATUSES, type AffordableStatus } from '@lib/standards';
/** 普惠 recognition by the health regulator (null on a facility: never applied for). */
export type AffordableRecognition = AffordableRecognitionView;

/** A position (WGS84 degrees). */
export type LatLng = LocationDto;

/** A filing document; the optional fields belong to one type each. Dates are `YYYY-MM-DD`. */
export type FilingDocument = FilingDocumentDto;

/** The fields an operator writes (POST, PATCH). */
export type FacilityInput = CreateFacilityDto;

/** Every writable field, in form order: what a body may carry (read-only ones answer 400 `unknown_property`). */
export const FACILITY_WRITABLE_FIELDS = [
  'name',
  'creditCode',
  'kind',
  'ownership',
  'affordable',
  'medicalIntegrated',
  'servesMeals',
  'serviceTypes',
  'address',
  'location',
  'floors',
  'indoorAreaM2',
  'outdoorAreaM2',
  'monthlyFee',
  'phone',
  'openingHours',
  'exitCount',
  'surveillance',
  'documents',
] as const satisfies readonly (keyof FacilityInput)[];

/** A facility; the answer to `close` carries the placement plan stored at closure. */
export type Facility = Omit<FacilityView, 'placementPlan'> & { placementPlan?: PlacementPlan };

/** A page of a collection (`nextCursor` null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A resource with the ETag to send back as `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

export type FacilityClass = ClassView;
export type ClassInput = CreateClassDto;
export type Qualification = QualificationDto;
export type StaffInput = CreateStaffDto;
/** `idNumber` is always masked: `2201**********1234`. */
export type StaffMember = StaffView;
export type ComplianceCheck = ComplianceCheckView;
export type Compliance = ComplianceView;
export type Placement = PlacementView;
export type PlacementPlan = PlacementPlanView;
export type HistoryEntry = HistoryEntryView;

/** The console's list filter (`status: ''` for any). */
export type FacilityQuery = Omit<QueryOf<'GET /api/v1/facilities'>, 'status' | 'cursor'> & {
  status?: FacilityStatus | '';
  cursor?: string | null;
};

const id = encodeURIComponent;
const versioned = <T>(result: ApiResult<T>): Versioned<T> => ({ data: result.data, etag: result.etag });

/** The `If-Match` value for a resource known by its `version` field. */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}

// Facilities ---------------------------------------------------------------------------------

export async function listFacilities(filter: FacilityQuery, options?: RequestOptions): Promise<Page<Facility>> {
  const path = `/facilities${queryString({ status: filter.status, regionCode: filter.regionCode, q: filter.q, cursor: filter.cursor, limit: filter.limit })}`;
  return (await apiRequest<Page<Facility>>('GET', path, options)).data;
}

export async function getFacility(facilityId: string, options?: RequestOptions): Promise<Versioned<Facility>> {
  return versioned(await apiRequest<Facility>('GET', `/facilities/${id(facilityId)}`, options));
}

export async function createFacility(input: Partial<FacilityInput>, options?: RequestOptions): Promise<Versioned<Facility>> {
  return versioned(await apiRequest<Facility>('POST', '/facilities', { ...options, body: input }));
}

export async function updateFacility(
  facilityId: string,
  changes: Partial<FacilityInput>,
  etag: string,
  options?: RequestOptions,
): Promise<Versioned<Facility>> {
  return versioned(await apiRequest<Facility>('PATCH', `/facilities/${id(facilityId)}`, { ...options, body: changes, ifMatch: etag }));
}

export type FacilityAction = 'submit' | 'approve' | 'reject' | 'suspend' | 'reinstate' | 'close';

/** A lifecycle action; `body` is `{ reason }` for reject, suspend and close, `{ note? }` for approve. */
export async function facilityAction(
  facilityId: string,
  action: FacilityAction,
  body?: { reason?: string; note?: string },
  options?: RequestOptions,
): Promise<Versioned<Facility>> {
  return versioned(await apiRequest<Facility>('POST', `/facilities/${id(facilityId)}/${action}`, { ...options, body: body ?? {} }));
}

export async function getCompliance(facilityId: string, options?: RequestOptions): Promise<Compliance> {
  return (await apiRequest<Compliance>('GET', `/facilities/${id(facilityId)}/compliance`, options)).data;
}

export async function getHistory(facilityId: string, cursor?: string | null, options?: RequestOptions): Promise<Page<HistoryEntry>> {
  const result = await apiRequest<Page<HistoryEntry>>(
    'GET',
    `/facilities/${id(facilityId)}/history${queryString({ cursor, limit: 100 })}`,
    options,
  );
  return { items: result.data.items, nextCursor: result.data.nextCursor ?? null };
}

export async function getPlacementPlan(facilityId: string, options?: RequestOptions): Promise<PlacementPlan> {
  return (await apiRequest<PlacementPlan>('GET', `/facilities/${id(facilityId)}/placement-plan`, options)).data;
}

// Classes ------------------------------------------------------------------------------------

export async function listClasses(facilityId: string, options?: RequestOptions): Promise<FacilityClass[]> {
  return (await apiRequest<{ items: FacilityClass[] }>('GET', `/facilities/${id(facilityId)}/classes`, options)).data.items;
}

export async function createClass(facilityId: string, input: ClassInput, options?: RequestOptions): Promise<Versioned<FacilityClass>> {
  return versioned(await apiRequest<FacilityClass>('POST', `/facilities/${id(facilityId)}/classes`, { ...options, body: input }));
}

export async function updateClass(
  classId: string,
  changes: Partial<Omit<ClassInput, 'ageGroup'>>,
  etag: string,
  options?: RequestOptions,
): Promise<Versioned<FacilityClass>> {
  return versioned(await apiRequest<FacilityClass>('PATCH', `/classes/${id(classId)}`, { ...options, body: changes, ifMatch: etag }));
}

export async function deleteClass(classId: string, options?: RequestOptions): Promise<void> {
  await apiRequest<void>('DELETE', `/classes/${id(classId)}`, options);
}

// Staff --------------------------------------------------------------------------------------

export async function listStaff(facilityId: string, cursor?: string | null, options?: RequestOptions): Promise<Page<StaffMember>> {
  const result = await apiRequest<Page<StaffMember>>(
    'GET',
    `/facilities/${id(facilityId)}/staff${queryString({ cursor, limit: 100 })}`,
    options,
  );
  return { items: result.data.items, nextCursor: result.data.nextCursor ?? null };
}

export async function createStaff(facilityId: string, input: StaffInput, options?: RequestOptions): Promise<StaffMember> {
  return (await apiRequest<StaffMember>('POST', `/facilities/${id(facilityId)}/staff`, { ...options, body: input })).data;
}

/** A health regulator settles a multi-listing by ending this record, with a reason for the audit trail. */
export async function endStaffListing(staffId: string, reason: string, options?: RequestOptions): Promise<StaffMember> {
  return (await apiRequest<StaffMember>('POST', `/staff/${id(staffId)}/end-listing`, { ...options, body: { reason } })).data;
}

/** Ends employment (sets `endedOn`; the record is kept). */
export async function endStaff(staffId: string, options?: RequestOptions): Promise<void> {
  await apiRequest<void>('DELETE', `/staff/${id(staffId)}`, options);
}
