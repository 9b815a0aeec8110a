/**
 * The registry's vocabulary (docs/api.md "Facilities", "Classes (places) and staff"): used by the rules here
 * and by the libraries that store facilities, classes and staff.
 */
export const FACILITY_KINDS = ['centre', 'kindergarten_class', 'family', 'employer', 'community'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const OWNERSHIPS = ['public', 'private', 'public_private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const SERVICE_TYPES = ['full_day', 'half_day', 'hourly', 'temporary'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const FACILITY_STATUSES = ['draft', 'submitted', 'registered', 'suspended', 'closed'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/**
 * `owners_consent`: the unanimous consent of the other owners of the building (or courtyard) a home-based point is in,
 * 家庭托育点管理办法（试行）(国卫人口发〔2023〕28号) 第三条.
 */
export const DOCUMENT_TYPES = ['legal_entity', 'premises', 'fire_safety', 'health_evaluation', 'food_licence', 'owners_consent'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const TENURES = ['owned', 'leased'] as const;
export type Tenure = (typeof TENURES)[number];
export const RATINGS = ['qualified', 'unqualified'] as const;
export type Rating = (typeof RATINGS)[number];

/** A filing document as declared (dates are YYYY-MM-DD in Asia/Shanghai). */
export interface FilingDocument {
  type: DocumentType;
  number: string;
  issuedOn: string;
  expiresOn?: string | null;
  scopeIncludesChildcare?: boolean | null;
  tenure?: Tenure | null;
  leaseEndsOn?: string | null;
  rating?: Rating | null;
}

export const AGE_GROUP_NAMES = ['infant', 'toddler', 'preschool', 'mixed'] as const;
export type AgeGroupName = (typeof AGE_GROUP_NAMES)[number];

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

export interface Qualification {
  type: QualificationType;
  number: string;
  issuedOn: string;
  expiresOn?: string | null;
}

/**
 * The profile fields a draft may leave empty (null: not filled in yet; docs/registry.md "Drafts"): everything but the
 * name, the location (which places the facility in its unit), the flags (unticked: false) and the documents. The
 * filing checks at submission name each one still empty (`profile_complete`).
 */
export const PROFILE_FIELDS = [
  'creditCode',
  'kind',
  'ownership',
  'serviceTypes',
  'address',
  'floors',
  'indoorAreaM2',
  'outdoorAreaM2',
  'monthlyFee',
  'phone',
  'openingHours',
  'exitCount',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * What the rules need to know of a facility. A draft's may be incomplete (null); the other profile fields, when
 * given, are checked for presence only (`profile_complete`); absent (undefined) they are not checked.
 */
export interface FacilityFacts {
  kind: FacilityKind | null;
  servesMeals: boolean;
  floors: number[] | null;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  exitCount: number | null;
  surveillance: boolean;
  documents: FilingDocument[];
  creditCode?: string | null;
  ownership?: string | null;
  serviceTypes?: readonly string[] | null;
  address?: string | null;
  monthlyFee?: number | null;
  phone?: string | null;
  openingHours?: string | null;
}

/** The profile fields a facility's facts leave empty (null, or an empty list of service types), in PROFILE_FIELDS order. */
export function missingProfileFields(facts: Partial<Record<ProfileField, unknown>>): ProfileField[] {
  return PROFILE_FIELDS.filter((f) => facts[f] === null || (f === 'serviceTypes' && Array.isArray(facts[f]) && facts[f].length === 0));
}

export interface ClassFacts {
  id: string;
  name: string;
  ageGroup: AgeGroupName;
  places: number;
  enrolled: number;
}

/** Active staff only (employment not ended). `multiListed`: also active at another facility (blind index). */
export interface StaffFacts {
  id: string;
  name: string;
  role: StaffRole;
  fullTime: boolean;
  education?: EducationLevel | null;
  experienceYears?: number | null;
  classIds: string[];
  healthCertificate: { number: string; expiresOn: string };
  qualifications: Qualification[];
  backgroundChecked: boolean;
  /** When the background check was done (re-done yearly). */
  backgroundCheckedOn?: string | null;
  /** A security guard's employer: the licensed security company. */
  employer?: string | null;
  multiListed: boolean;
}

/** One verdict of the compliance check. `blocksFiling`: a failure refuses submission (422 with `code`). */
export interface RuleCheck {
  code: string;
  ok: boolean;
  detail: string;
  detailEn: string;
  blocksFiling: boolean;
}

/**
 * Fields of a facility that, once it has been registered, change only through an approved change filing
 * (docs/api.md "Change filings (变更备案) and what counts"): what the register, the figures and the public answers rest on. `affordable` is the
 * operator's application for 普惠 status and is material on a registered facility as well.
 */
export const MATERIAL_FACILITY_FIELDS = [
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
] as const;
export type MaterialFacilityField = (typeof MATERIAL_FACILITY_FIELDS)[number];

/** Statuses a facility has been registered in, where material changes need a change filing. */
export const CHANGE_FILING_STATUSES_OF_FACILITY = ['registered', 'suspended'] as const satisfies readonly FacilityStatus[];

export const CHANGE_FILING_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeFilingStatus = (typeof CHANGE_FILING_STATUSES)[number];
export const CLASS_CHANGE_OPS = ['add', 'update', 'remove'] as const;
export type ClassChangeOp = (typeof CLASS_CHANGE_OPS)[number];

/** 普惠 recognition (docs/api.md "Affordable (普惠) recognition"). */
export const AFFORDABLE_STATUSES = ['applied', 'recognized', 'rejected', 'revoked', 'expired'] as const;
export type AffordableStatus = (typeof AFFORDABLE_STATUSES)[number];
export const AFFORDABLE_DECISIONS = ['recognize', 'reject', 'revoke'] as const;
export type AffordableDecision = (typeof AFFORDABLE_DECISIONS)[number];
