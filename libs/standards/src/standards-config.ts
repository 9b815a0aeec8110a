import { CLASS_STANDARD } from './classes.js';
import type { EducationLevel, FacilityKind, QualificationType, StaffRole } from './registry-types.js';

/**
 * Figures of the rules that are configuration: where the national figure is uncertain or left to local rules
 * (docs/domain.md "National rules to encode"), or where a deployment may tighten it. Every figure has a documented
 * default below; the class table (classes.ts) holds the figures that are not configurable.
 */
export interface StandardsConfig {
  /** Indoor floor area of the children's rooms per place, m². Default 3. */
  indoorAreaPerChildM2: number;
  /** Outdoor play area per place, m² (not applied to home-based points and kindergarten nursery classes). Default 2. */
  outdoorAreaPerChildM2: number;
  /** Children per carer in a mixed-age class (混合编班). Default 5, the figure of 托育机构设置标准（试行）(2019). */
  mixedChildrenPerCarer: number;
  /**
   * Children per full-time health worker from this many enrolled (托儿所幼儿园卫生保健管理办法: one full-time per 150,
   * so 2 for 151–300; below 150 a full- or part-time one). Default 150.
   */
  fullTimeHealthWorkerFromEnrolled: number;
  /** Years a lease must still run after the filing date to prove premises. Default 3. */
  leaseYearsRequired: number;
  /**
   * Highest storey children's rooms of a centre may be on (storeys 1..maxStorey; 0 and below is a basement).
   * Default 3: GB 50016 §5.4.4 for a building of fire-resistance grade I or II (grade III: 2, grade IV: 1).
   * Home-based points have no storey limit (kind-rules.ts).
   */
  maxStorey: number;
  /** Fewest safety exits of the children's area. Default 2. */
  minExits: number;
  /** Days before an expiry date from which it counts as expiring (alerts). Default 30. */
  expiryWarningDays: number;
  /**
   * Building area per place at a home-based point, m². Default 9: the figure of the 2023 draft of
   * 家庭托育点管理办法（试行）; the final text's figure was not found (unverified, kind-rules.ts SOURCES.homeBasedArea).
   */
  homeBasedIndoorAreaPerChildM2: number;
}

export const DEFAULT_STANDARDS_CONFIG: Readonly<StandardsConfig> = Object.freeze({
  indoorAreaPerChildM2: 3,
  outdoorAreaPerChildM2: 2,
  mixedChildrenPerCarer: CLASS_STANDARD.ageGroups.mixed.childrenPerCarer,
  fullTimeHealthWorkerFromEnrolled: 150,
  leaseYearsRequired: 3,
  maxStorey: 3,
  minExits: 2,
  expiryWarningDays: 30,
  homeBasedIndoorAreaPerChildM2: 9,
});

/** The defaults with the given figures replaced. */
export function standardsConfig(overrides: Partial<StandardsConfig> = {}): StandardsConfig {
  return { ...DEFAULT_STANDARDS_CONFIG, ...overrides };
}

/**
 * Staff and filing requirements of the national standard that the compliance check reads, as data:
 * 托育机构设置标准（试行）(2019) and 托育机构管理规范（试行）(2019) for centres; 家庭托育点管理办法（试行）(2023) for
 * home-based points; health certificates and health workers also per 托儿所幼儿园卫生保健管理办法.
 */
export const STAFF_STANDARD = {
  /** 负责人: junior college (大专) or above and 3 years or more of relevant work, and post training (设置标准). */
  director: { minEducation: 'junior_college' as EducationLevel, minExperienceYears: 3 },
  directorQualifications: ['director_training'] as readonly QualificationType[],
  /**
   * 保育人员: a childcare qualification (保育师, 育婴员, 婴幼儿发展引导员) or a teacher's certificate. A local policy, not
   * a figure of 设置标准 (which asks for training): labelled so in the check's text and docs/registry.md.
   */
  caregiverQualifications: ['nursery_teacher', 'childcare_worker', 'early_development_guide', 'teacher'] as readonly QualificationType[],
  /** 保健人员: trained by a maternal and child health institution, or medically qualified. */
  healthWorkerQualifications: ['health_training', 'medical'] as readonly QualificationType[],
  /** 保安人员: a security guard certificate (保安员证). */
  securityQualifications: ['security_guard'] as readonly QualificationType[],
  /**
   * Roles that must be on the active roster to file. A home-based point needs its person in charge (recorded as
   * `director`) and at least one caregiver; its health care and security are the family's and the community's,
   * not separate posts. A kindergarten nursery class lists the kindergarten's director, health worker and guard.
   */
  requiredRoles: {
    centre: ['director', 'caregiver', 'health', 'security'],
    kindergarten_class: ['director', 'caregiver', 'health', 'security'],
    employer: ['director', 'caregiver', 'health', 'security'],
    community: ['director', 'caregiver', 'health', 'security'],
    family: ['director', 'caregiver'],
  } as Readonly<Record<FacilityKind, readonly StaffRole[]>>,
} as const;

/** Filing documents, storeys, exits and areas per facility kind: kind-rules.ts. */
