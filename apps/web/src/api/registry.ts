// The registry's endpoints and types (API.md "Facilities (registry and filing)", "Classes (places)
// and staff"). Every call sends the session's token; facilities and classes come with their ETag.
import { apiRequest, type ApiResult, type RequestOptions } from './client';

export const FACILITY_KINDS = ['centre', 'kindergarten_class', 'family', 'employer', 'community'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const OWNERSHIPS = ['public', 'private', 'public_private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const SERVICE_TYPES = ['full_day', 'half_day', 'hourly', 'temporary'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const FACILITY_STATUSES = ['draft', 'submitted', 'registered', 'suspended', 'closed'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];
export const DOCUMENT_TYPES = ['legal_entity', 'premises', 'fire_safety', 'health_evaluation', 'food_licence', 'owners_consent'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const TENURES = ['owned', 'leased'] as const;
export type Tenure = (typeof TENURES)[number];
export const RATINGS = ['qualified', 'unqualified'] as const;
export type Rating = (typeof RATINGS)[number];
export const AGE_GROUPS = ['infant', 'toddler', 'preschool', 'mixed'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const STAFF_ROLES = ['director', 'caregiver', 'health', 'nutritionist', 'cook', 'security', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const EDUCATION_LEVELS = ['secondary', 'high_school', 'junior_college', 'bachelor', 'master'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const QUALIFICATION_TYPES = [
  'nursery_teacher',
  'childcare_worker',
  'early_development_guide',
  'teacher',
  'health_training',
  'medical',
  'nutritionist',
  'security_guard',
  'director_training',
] as const;
export type QualificationType = (typeof QUALIFICATION_TYPES)[number];

export const AFFORDABLE_STATUSES = ['applied', 'recognized', 'rejected', 'revoked', 'expired'] as const;
export type AffordableStatus = (typeof AFFORDABLE_STATUSES)[number];

export interface AffordableRecognition {
  status: AffordableStatus;
  maxMonthlyFee: number | null;
  validUntil: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** A filing document; the optional fields belong to one type each. Dates are `YYYY-MM-DD`. */
export interface FilingDocument {
  type: DocumentType;
  number: string;
  issuedOn: string;
  expiresOn?: string | null;
  /** legal_entity */
  scopeIncludesChildcare?: boolean | null;
  /** premises */
  tenure?: Tenure | null;
  /** premises, when leased */
  leaseEndsOn?: string | null;
  /** health_evaluation */
  rating?: Rating | null;
}

/** The fields an operator writes (POST, PATCH). */
export interface FacilityInput {
  name: string;
  creditCode: string;
  kind: FacilityKind;
  ownership: Ownership;
  affordable: boolean;
  medicalIntegrated: boolean;
  servesMeals: boolean;
  serviceTypes: ServiceType[];
  address: string;
  location: LatLng;
  floors: number[];
  indoorAreaM2: number;
  outdoorAreaM2: number;
  monthlyFee: number;
  phone: string;
  openingHours: string;
  exitCount: number;
  surveillance: boolean;
  documents: FilingDocument[];
}

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

export interface Facility extends Partial<FacilityInput> {
  id: string;
  name: string;
  kind: FacilityKind;
  /** Read-only: derived from `location` by the unit boundaries. */
  regionCode: string | null;
  status: FacilityStatus;
  registrationNo: string | null;
  rejectionReason: string | null;
  /** Read-only: when it was last submitted for filing. */
  submittedAt?: string | null;
  /** Read-only: submitted and waiting longer than the review deadline. */
  reviewOverdue?: boolean;
  /** Read-only: 普惠 recognition by the health regulator (null: never applied for). */
  affordableRecognition?: AffordableRecognition | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  /** On the answer to `close`. */
  placementPlan?: PlacementPlan;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A resource with the ETag to send back as `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

export interface FacilityClass {
  id: string;
  facilityId: string;
  name: string;
  ageGroup: AgeGroup;
  places: number;
  enrolled: number;
  vacancies: number;
  updatedAt: string;
  version: number;
}

export interface ClassInput {
  name: string;
  ageGroup: AgeGroup;
  places: number;
  enrolled: number;
}

export interface Qualification {
  type: QualificationType;
  number: string;
  issuedOn: string;
  expiresOn?: string | null;
}

export interface StaffInput {
  name: string;
  role: StaffRole;
  /** 18 characters, GB 11643 check digit. */
  idNumber: string;
  phone?: string;
  hiredOn: string;
  fullTime: boolean;
  education?: EducationLevel;
  experienceYears?: number;
  classIds?: string[];
  healthCertificate: { number: string; expiresOn: string };
  qualifications: Qualification[];
  backgroundChecked: boolean;
  /** When the background check was done (at hiring, then yearly); without it the API records today. */
  backgroundCheckedOn?: string;
  /** A security guard: the licensed security company that employs the guard. */
  employer?: string;
}

export interface StaffMember extends Omit<StaffInput, 'phone' | 'education' | 'experienceYears' | 'backgroundCheckedOn' | 'employer'> {
  id: string;
  facilityId?: string;
  /** Always masked: `2201**********1234`. */
  idNumber: string;
  phone?: string | null;
  education?: EducationLevel | null;
  experienceYears?: number | null;
  endedOn?: string | null;
  backgroundCheckedOn?: string | null;
  employer?: string | null;
  /** Also active at another facility: for an operator only when this record was entered later; never where. */
  multiListed?: boolean;
  /** Regulators: the other records of this person at facilities in their reach. */
  alsoListedAt?: { staffId: string; facilityId: string; facilityName: string; hiredOn: string }[];
}

export interface ComplianceCheck {
  code: string;
  ok: boolean;
  detail: string;
  detailEn: string;
}

export interface Compliance {
  ok: boolean;
  checks: ComplianceCheck[];
}

export interface Placement {
  facilityId: string;
  classId: string;
  name: string;
  distanceM: number;
  count: number;
}

export interface PlacementPlan {
  classes: { classId: string; ageGroup: AgeGroup; enrolled: number; placements: Placement[]; unplaced: number }[];
  unplacedTotal: number;
}

export interface HistoryEntry {
  at: string;
  actor: { id: string; role: string };
  action: string;
  changes?: unknown;
}

export interface FacilityQuery {
  status?: FacilityStatus | '';
  regionCode?: string;
  q?: string;
  cursor?: string | null;
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
const versioned = <T>(result: ApiResult<T>): Versioned<T> => ({ data: result.data, etag: result.etag });

/** The `If-Match` value for a resource known by its `version` field. */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}

// Facilities ---------------------------------------------------------------------------------

export async function listFacilities(filter: FacilityQuery, options?: RequestOptions): Promise<Page<Facility>> {
  const path = `/facilities${query({ status: filter.status, regionCode: filter.regionCode, q: filter.q, cursor: filter.cursor, limit: filter.limit })}`;
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
    `/facilities/${id(facilityId)}/history${query({ cursor, limit: 100 })}`,
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
  const result = await apiRequest<Page<StaffMember>>('GET', `/facilities/${id(facilityId)}/staff${query({ cursor, limit: 100 })}`, options);
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
