import {
  ageGroupLabel,
  caregiversCounted,
  carersRequired,
  classViolations,
  facilityPlaceLimit,
  homeBasedCarersRequired,
} from './classes.js';
import { addYears, isCalendarDate } from './dates.js';
import type {
  ClassFacts,
  DocumentType,
  EducationLevel,
  FacilityFacts,
  FacilityKind,
  FilingDocument,
  ProfileField,
  Qualification,
  QualificationType,
  RuleCheck,
  StaffFacts,
  StaffRole,
} from './registry-types.js';
import { DOCUMENT_TYPE_LABELS, PROFILE_FIELD_LABELS, type Label } from './labels.js';
import { EDUCATION_LEVELS, missingProfileFields } from './registry-types.js';
import type { StandardsConfig } from './standards-config.js';
import { DEFAULT_STANDARDS_CONFIG, STAFF_STANDARD } from './standards-config.js';
import { kindRules } from './kind-rules.js';

/**
 * The compliance check against the national standard, as a table: every rule, in the order the check lists them,
 * and whether a failure refuses a filing (docs/api.md: "Storey, exit, area and home-based limits refuse a submission
 * (422), not a draft", and the filing requirements of docs/domain.md). The rest is shown to regulators and drives alerts.
 *
 * Sources: 托育机构设置标准（试行）(2019) (classes, premises, staff), 托育机构管理规范（试行）(2019) (filing, safety,
 * surveillance, staff checks), 家庭托育点管理办法（试行）(2023) (home-based points), 托儿所幼儿园卫生保健管理办法
 * (health workers, staff health certificates).
 */
export const COMPLIANCE_RULES = [
  { code: 'profile_complete', blocksFiling: true },
  { code: 'has_class', blocksFiling: true },
  { code: 'class_size', blocksFiling: true },
  { code: 'over_capacity', blocksFiling: true },
  { code: 'missing_role', blocksFiling: true },
  { code: 'missing_document', blocksFiling: true },
  { code: 'legal_entity_scope', blocksFiling: true },
  { code: 'premises_tenure', blocksFiling: true },
  { code: 'health_evaluation_rating', blocksFiling: true },
  { code: 'document_expired', blocksFiling: true },
  { code: 'storey', blocksFiling: true },
  { code: 'exit_count', blocksFiling: true },
  { code: 'indoor_area', blocksFiling: true },
  { code: 'outdoor_area', blocksFiling: true },
  { code: 'home_based_limit', blocksFiling: true },
  { code: 'surveillance', blocksFiling: true },
  { code: 'staff_certificates', blocksFiling: true },
  { code: 'carer_ratio', blocksFiling: false },
  { code: 'director_qualified', blocksFiling: false },
  { code: 'caregiver_qualified', blocksFiling: false },
  { code: 'health_worker', blocksFiling: false },
  { code: 'security_guard_certified', blocksFiling: false },
  { code: 'health_certificates', blocksFiling: false },
  { code: 'background_checks', blocksFiling: false },
  { code: 'qualifications_valid', blocksFiling: false },
  { code: 'staff_multi_listed', blocksFiling: false },
] as const;

export type ComplianceCode = (typeof COMPLIANCE_RULES)[number]['code'];
export const COMPLIANCE_CODES: readonly ComplianceCode[] = COMPLIANCE_RULES.map((r) => r.code);

/** A verdict of the compliance check, with its code narrowed to the table above. */
export interface ComplianceCheck extends RuleCheck {
  code: ComplianceCode;
}

export interface ComplianceInput {
  facility: FacilityFacts;
  classes: ClassFacts[];
  /** Active staff only (employment not ended). */
  staff: StaffFacts[];
  /** The day of the check, YYYY-MM-DD in Asia/Shanghai (the filing date on submission). */
  today: string;
  config?: StandardsConfig;
}

type Verdict = Pick<RuleCheck, 'ok' | 'detail' | 'detailEn'>;

/** The facts of a complete profile: what every rule but `profile_complete` reads. */
type CompleteFacts = FacilityFacts & {
  kind: FacilityKind;
  floors: number[];
  indoorAreaM2: number;
  outdoorAreaM2: number;
  exitCount: number;
};

interface Context {
  facility: CompleteFacts;
  /** The profile fields a draft left empty (none for any other facility). */
  missing: readonly ProfileField[];
  classes: ClassFacts[];
  staff: StaffFacts[];
  today: string;
  config: StandardsConfig;
  totalPlaces: number;
  totalEnrolled: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels

const ROLE_LABELS: Record<StaffRole, { zh: string; en: string }> = {
  director: { zh: '负责人', en: 'director' },
  caregiver: { zh: '保育人员', en: 'caregiver' },
  health: { zh: '保健人员', en: 'health worker' },
  nutritionist: { zh: '营养师', en: 'nutritionist' },
  cook: { zh: '炊事人员', en: 'cook' },
  security: { zh: '保安人员', en: 'security guard' },
  other: { zh: '其他人员', en: 'other staff' },
};

/** Document names within a sentence: the labels, English in lower case. */
const DOCUMENT_LABELS: Record<DocumentType, { zh: string; en: string }> = Object.fromEntries(
  Object.entries<Label>(DOCUMENT_TYPE_LABELS).map(([type, { zh, en }]) => [type, { zh, en: en.charAt(0).toLowerCase() + en.slice(1) }]),
) as Record<DocumentType, Label>;

const QUALIFICATION_LABELS: Record<QualificationType, { zh: string; en: string }> = {
  nursery_teacher: { zh: '保育师证书', en: 'nursery teacher certificate' },
  childcare_worker: { zh: '育婴员证书', en: 'childcare worker certificate' },
  early_development_guide: { zh: '婴幼儿发展引导员证书', en: 'early development guide certificate' },
  teacher: { zh: '教师资格证', en: "teacher's certificate" },
  health_training: { zh: '保健人员培训合格证明', en: 'health worker training certificate' },
  medical: { zh: '医师或护士执业证书', en: 'medical licence' },
  nutritionist: { zh: '营养师证书', en: 'nutritionist certificate' },
  security_guard: { zh: '保安员证', en: 'security guard certificate' },
  director_training: { zh: '负责人培训证明', en: 'director training certificate' },
};

const KIND_LABELS: Record<FacilityKind, { zh: string; en: string }> = {
  centre: { zh: '托育机构', en: 'childcare centre' },
  kindergarten_class: { zh: '幼儿园托班', en: 'kindergarten nursery class' },
  family: { zh: '家庭托育点', en: 'home-based point' },
  employer: { zh: '用人单位办托', en: 'employer-run facility' },
  community: { zh: '社区托育', en: 'community facility' },
};

/**
 * The facts each rule reads beyond the staff, classes and documents: with one of them left empty in a draft, the rule
 * is not yet checked (it fails, naming what to fill in; `profile_complete` names every empty field).
 */
const NEEDS: Partial<Record<ComplianceCode, readonly ProfileField[]>> = {
  class_size: ['kind'],
  missing_role: ['kind'],
  missing_document: ['kind'],
  health_evaluation_rating: ['kind'],
  storey: ['kind', 'floors'],
  exit_count: ['kind', 'exitCount'],
  indoor_area: ['kind', 'indoorAreaM2'],
  outdoor_area: ['kind', 'outdoorAreaM2'],
  home_based_limit: ['kind'],
  staff_certificates: ['kind'],
  carer_ratio: ['kind'],
  director_qualified: ['kind'],
  health_worker: ['kind'],
  security_guard_certified: ['kind'],
};

/** Whether a check waits for profile fields a draft left empty (it is checked once they are given). */
export function awaitsProfile(code: string, missing: readonly ProfileField[]): boolean {
  return (NEEDS[code as ComplianceCode] ?? []).some((f) => missing.includes(f));
}

const zhList = (items: readonly string[]) => items.join('、');
const enList = (items: readonly string[]) => items.join(', ');
const zhName = (name: string) => `「${name}」`;
const enName = (name: string) => `"${name}"`;
const num = (n: number) => String(Math.round(n * 100) / 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const an = (label: string) => (/^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`);
const NO_STAFF: Verdict = { ok: true, detail: '尚无在岗人员', detailEn: 'No active staff listed' };

function notApplicable(zh: string, en: string): Verdict {
  return { ok: true, detail: `不适用：${zh}`, detailEn: `Not applicable: ${en}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A qualification is valid on `today` when issued on or before it and not expired (valid through its expiry day). */
function qualificationValid(q: Qualification, today: string): boolean {
  return q.issuedOn <= today && (q.expiresOn == null || q.expiresOn >= today);
}

function holdsValid(s: StaffFacts, types: readonly QualificationType[], today: string): boolean {
  return s.qualifications.some((q) => types.includes(q.type) && qualificationValid(q, today));
}

function documentsOf(facility: FacilityFacts, type: DocumentType): FilingDocument[] {
  return facility.documents.filter((d) => d.type === type);
}

function educationAtLeast(level: EducationLevel | null | undefined, min: EducationLevel): boolean {
  return level != null && EDUCATION_LEVELS.indexOf(level) >= EDUCATION_LEVELS.indexOf(min);
}

const EDUCATION_LABELS: Record<EducationLevel, { zh: string; en: string }> = {
  secondary: { zh: '中专', en: 'secondary vocational' },
  high_school: { zh: '高中', en: 'high school' },
  junior_college: { zh: '大专', en: 'junior college' },
  bachelor: { zh: '本科', en: "bachelor's degree" },
  master: { zh: '研究生', en: "master's degree" },
};

// ---------------------------------------------------------------------------------------------------------------
// The rules, one function each

const RULES: Record<ComplianceCode, (x: Context) => Verdict> = {
  profile_complete({ missing }) {
    if (missing.length > 0) {
      return {
        ok: false,
        detail: `基本信息未填写完整：${zhList(missing.map((f) => PROFILE_FIELD_LABELS[f].zh))}`,
        detailEn: `The profile is incomplete: ${enList(missing.map((f) => PROFILE_FIELD_LABELS[f].en))} not filled in`,
      };
    }
    return { ok: true, detail: '基本信息已填写完整', detailEn: 'The profile is complete' };
  },

  has_class({ classes, totalPlaces }) {
    if (classes.length === 0) return { ok: false, detail: '尚未设置任何班级', detailEn: 'No class has been set up' };
    return {
      ok: true,
      detail: `已设置${classes.length}个班级，共${totalPlaces}个托位`,
      detailEn: `${plural(classes.length, 'class', 'classes')} with ${plural(totalPlaces, 'place')} in all`,
    };
  },

  // 托育机构设置标准（试行）(2019) class sizes; 家庭托育点管理办法（试行）(2023) for home-based points.
  class_size({ facility, classes }) {
    const zh: string[] = [];
    const en: string[] = [];
    for (const c of classes) {
      for (const v of classViolations(facility.kind, c)) {
        if (v.code === 'over_capacity') continue;
        zh.push(`${zhName(c.name)}：${v.detail}`);
        en.push(`${enName(c.name)}: ${v.detailEn}`);
      }
    }
    if (zh.length > 0) return { ok: false, detail: zhList(zh), detailEn: en.join('; ') };
    return {
      ok: true,
      detail: `${classes.length}个班级均未超过${KIND_LABELS[facility.kind].zh}的班额`,
      detailEn: `All ${plural(classes.length, 'class', 'classes')} within the class-size limits of ${an(KIND_LABELS[facility.kind].en)}`,
    };
  },

  over_capacity({ classes, totalEnrolled, totalPlaces }) {
    const over = classes.filter((c) => c.enrolled > c.places);
    if (over.length > 0) {
      return {
        ok: false,
        detail: zhList(over.map((c) => `${zhName(c.name)}在托${c.enrolled}人，超过托位${c.places}个`)),
        detailEn: over.map((c) => `${enName(c.name)} has ${c.enrolled} children enrolled for ${plural(c.places, 'place')}`).join('; '),
      };
    }
    return {
      ok: true,
      detail: `在托${totalEnrolled}人，未超过托位${totalPlaces}个`,
      detailEn: `${totalEnrolled} enrolled, within the ${plural(totalPlaces, 'place')} of every class`,
    };
  },

  // Roles: 托育机构设置标准（试行）(2019) for facilities; a home-based point: its person in charge and a caregiver.
  missing_role({ facility, staff }) {
    const required = STAFF_STANDARD.requiredRoles[facility.kind];
    const missing = required.filter((r) => !staff.some((s) => s.role === r));
    if (missing.length > 0) {
      return {
        ok: false,
        detail: `在岗人员中缺少${zhList(missing.map((r) => ROLE_LABELS[r].zh))}`,
        detailEn: `No active ${enList(missing.map((r) => ROLE_LABELS[r].en))} on the staff roster`,
      };
    }
    return {
      ok: true,
      detail: `在岗人员包括${zhList(required.map((r) => ROLE_LABELS[r].zh))}`,
      detailEn: `The active staff include: ${enList(required.map((r) => ROLE_LABELS[r].en))}`,
    };
  },

  // Documents per kind (kind-rules.ts): a home-based point files the owners' consent (家庭托育点管理办法（试行）第三条).
  missing_document({ facility, config }) {
    const docs = kindRules(facility.kind, config).documents;
    const required = [...docs.always, ...(facility.servesMeals ? docs.whenServingMeals : [])];
    const missing = required.filter((t) => documentsOf(facility, t).length === 0);
    if (missing.length > 0) {
      return {
        ok: false,
        detail: `未申报${zhList(missing.map((t) => DOCUMENT_LABELS[t].zh))}`,
        detailEn: `Missing: ${enList(missing.map((t) => DOCUMENT_LABELS[t].en))}`,
      };
    }
    return {
      ok: true,
      detail: `已申报${zhList(required.map((t) => DOCUMENT_LABELS[t].zh))}`,
      detailEn: `Declared: ${enList(required.map((t) => DOCUMENT_LABELS[t].en))}`,
    };
  },

  legal_entity_scope({ facility }) {
    const docs = documentsOf(facility, 'legal_entity');
    if (docs.length === 0) {
      return {
        ok: false,
        detail: '未申报法人登记证书，无法确认经营范围',
        detailEn: 'No legal entity registration declared to show its scope',
      };
    }
    const inScope = docs.find((d) => d.scopeIncludesChildcare === true);
    if (inScope) {
      return {
        ok: true,
        detail: `法人登记证书（${inScope.number}）经营（业务）范围包含托育服务`,
        detailEn: `The legal entity registration (${inScope.number}) includes childcare services in its scope`,
      };
    }
    return {
      ok: false,
      detail: `法人登记证书（${zhList(docs.map((d) => d.number))}）经营（业务）范围未包含托育服务`,
      detailEn: `The legal entity registration (${enList(docs.map((d) => d.number))}) does not include childcare services in its scope`,
    };
  },

  premises_tenure({ facility, today, config }) {
    const docs = documentsOf(facility, 'premises');
    if (docs.length === 0) return { ok: false, detail: '未申报场地证明', detailEn: 'No proof of premises declared' };
    const years = config.leaseYearsRequired;
    const until = addYears(today, years);
    const owned = docs.find((d) => d.tenure === 'owned');
    if (owned) return { ok: true, detail: `场地为自有产权（${owned.number}）`, detailEn: `The premises are owned (${owned.number})` };
    const leases = docs
      .filter((d) => d.tenure === 'leased' && d.leaseEndsOn != null && isCalendarDate(d.leaseEndsOn))
      .sort((a, b) => (a.leaseEndsOn! < b.leaseEndsOn! ? 1 : -1));
    const longest = leases[0];
    if (longest && longest.leaseEndsOn! >= until) {
      return {
        ok: true,
        detail: `场地租赁至${longest.leaseEndsOn}，不短于${years}年（${until}）`,
        detailEn: `The premises are leased until ${longest.leaseEndsOn}, at least ${years} years (${until})`,
      };
    }
    if (longest) {
      return {
        ok: false,
        detail: `场地租赁至${longest.leaseEndsOn}，剩余租期不足${years}年（须至少至${until}）`,
        detailEn: `The lease ends on ${longest.leaseEndsOn}, less than ${years} years ahead (it must run to ${until} at least)`,
      };
    }
    if (docs.some((d) => d.tenure === 'leased')) {
      return { ok: false, detail: '租赁场地未填写有效的租赁到期日', detailEn: 'The lease of the premises has no valid end date' };
    }
    return { ok: false, detail: '场地证明未说明自有或租赁', detailEn: 'The proof of premises states neither ownership nor lease' };
  },

  health_evaluation_rating({ facility, config }) {
    const docs = documentsOf(facility, 'health_evaluation');
    if (docs.length === 0 && !kindRules(facility.kind, config).documents.always.includes('health_evaluation')) {
      const k = KIND_LABELS[facility.kind];
      return notApplicable(`${k.zh}的备案材料不含卫生评价报告`, `${an(k.en)} files no health evaluation report`);
    }
    if (docs.length === 0) return { ok: false, detail: '未申报卫生评价报告', detailEn: 'No health evaluation report declared' };
    const qualified = docs.find((d) => d.rating === 'qualified');
    if (qualified) {
      return {
        ok: true,
        detail: `卫生评价报告（${qualified.number}）结论为合格`,
        detailEn: `The health evaluation report (${qualified.number}) is rated qualified`,
      };
    }
    const unqualified = docs.some((d) => d.rating === 'unqualified');
    return {
      ok: false,
      detail: unqualified ? '卫生评价报告结论为不合格' : '卫生评价报告未填写评价结论',
      detailEn: unqualified ? 'The health evaluation report is rated unqualified' : 'The health evaluation report has no rating',
    };
  },

  document_expired({ facility, today }) {
    const expired = facility.documents.filter((d) => d.expiresOn != null && d.expiresOn < today);
    if (expired.length > 0) {
      return {
        ok: false,
        detail: zhList(expired.map((d) => `${DOCUMENT_LABELS[d.type].zh}（${d.number}）已于${d.expiresOn}过期`)),
        detailEn: expired.map((d) => `The ${DOCUMENT_LABELS[d.type].en} (${d.number}) expired on ${d.expiresOn}`).join('; '),
      };
    }
    return {
      ok: true,
      detail: `${facility.documents.length}份申报材料均在有效期内`,
      detailEn: `None of the ${plural(facility.documents.length, 'declared document')} has expired`,
    };
  },

  // Centres: children's rooms on storeys 1–3 (GB 50016 §5.4.4, fire-resistance grade I/II; configuration), never in
  // a basement. Home-based points: no storey limit (家庭托育点管理办法（试行）), but no basement either.
  storey({ facility, config }) {
    const floors = facility.floors;
    const max = kindRules(facility.kind, config).maxStorey;
    if (floors.length === 0)
      return { ok: false, detail: '未填写儿童用房所在楼层', detailEn: "The storeys of the children's rooms are not declared" };
    const bad = floors.filter((f) => f < 1 || (max != null && f > max));
    const zhFloor = (f: number) => (f < 1 ? `地下室（${f}层）` : `${f}层`);
    const enFloor = (f: number) => (f < 1 ? `basement storey ${f}` : `storey ${f}`);
    const allowedZh = max == null ? '不得设在地下室' : `只能设在1至${max}层`;
    const allowedEn = max == null ? 'they may not be in a basement' : `they may only be on storeys 1 to ${max}`;
    if (bad.length > 0) {
      return {
        ok: false,
        detail: `儿童用房设在${zhList(bad.map(zhFloor))}，${allowedZh}`,
        detailEn: `Children's rooms at ${enList(bad.map(enFloor))}; ${allowedEn}`,
      };
    }
    return {
      ok: true,
      detail: `儿童用房设在${zhList(floors.map(zhFloor))}，${max == null ? '不在地下室（家庭托育点不限楼层）' : `在1至${max}层之内`}`,
      detailEn: `Children's rooms at ${enList(floors.map(enFloor))}, ${max == null ? 'not in a basement (no storey limit for a home-based point)' : `within storeys 1 to ${max}`}`,
    };
  },

  exit_count({ facility, config }) {
    const n = facility.exitCount;
    const min = kindRules(facility.kind, config).minExits;
    if (min == null) {
      return notApplicable('家庭托育点不适用托育机构两个安全出口的要求', "a centre's two-exit rule does not apply to a home-based point");
    }
    return n >= min
      ? { ok: true, detail: `儿童活动区域有${n}个安全出口，不少于${min}个`, detailEn: `${plural(n, 'safety exit')}, at least ${min}` }
      : {
          ok: false,
          detail: `儿童活动区域只有${n}个安全出口，至少需要${min}个`,
          detailEn: `Only ${plural(n, 'safety exit')} from the children's area; at least ${min} are required`,
        };
  },

  indoor_area({ facility, config, totalPlaces }) {
    const per = kindRules(facility.kind, config).indoorAreaPerChildM2;
    const need = per * totalPlaces;
    const have = facility.indoorAreaM2;
    return have >= need
      ? {
          ok: true,
          detail: `室内面积${num(have)}㎡，满足${totalPlaces}个托位每人${num(per)}㎡的${num(need)}㎡`,
          detailEn: `Indoor area ${num(have)} m², enough for ${plural(totalPlaces, 'place')} at ${num(per)} m² each (${num(need)} m²)`,
        }
      : {
          ok: false,
          detail: `室内面积${num(have)}㎡，不足${totalPlaces}个托位每人${num(per)}㎡所需的${num(need)}㎡`,
          detailEn: `Indoor area ${num(have)} m² is less than the ${num(need)} m² that ${plural(totalPlaces, 'place')} at ${num(per)} m² each need`,
        };
  },

  outdoor_area({ facility, config, totalPlaces }) {
    if (!kindRules(facility.kind, config).outdoorArea) {
      const k = KIND_LABELS[facility.kind];
      return notApplicable(`${k.zh}不适用室外活动场地面积要求`, `${an(k.en)} is exempt from the outdoor-area figure`);
    }
    const per = config.outdoorAreaPerChildM2;
    const need = per * totalPlaces;
    const have = facility.outdoorAreaM2;
    return have >= need
      ? {
          ok: true,
          detail: `室外活动场地${num(have)}㎡，满足${totalPlaces}个托位每人${num(per)}㎡的${num(need)}㎡`,
          detailEn: `Outdoor area ${num(have)} m², enough for ${plural(totalPlaces, 'place')} at ${num(per)} m² each (${num(need)} m²)`,
        }
      : {
          ok: false,
          detail: `室外活动场地${num(have)}㎡，不足${totalPlaces}个托位每人${num(per)}㎡所需的${num(need)}㎡`,
          detailEn: `Outdoor area ${num(have)} m² is less than the ${num(need)} m² that ${plural(totalPlaces, 'place')} at ${num(per)} m² each need`,
        };
  },

  // 家庭托育点管理办法（试行）(2023): at most 5 children in all.
  home_based_limit({ facility, totalPlaces }) {
    const limit = facilityPlaceLimit(facility.kind);
    if (limit == null) return notApplicable('仅适用于家庭托育点', 'applies to home-based points only');
    return totalPlaces <= limit
      ? {
          ok: true,
          detail: `家庭托育点共${totalPlaces}个托位，不超过${limit}个`,
          detailEn: `${plural(totalPlaces, 'place')} in all, at most ${limit}`,
        }
      : {
          ok: false,
          detail: `家庭托育点共${totalPlaces}个托位，超过${limit}人的上限`,
          detailEn: `A home-based point takes at most ${limit} children; this one has ${totalPlaces} places`,
        };
  },

  // 托育机构登记和备案办法（试行）(2019) lists staff qualification and health certificates among the filing
  // materials: the director (post training), the health worker (training) and every caregiver (a childcare
  // certificate: local policy) hold valid certificates, and every one of them a valid health certificate.
  staff_certificates({ facility, staff, today }) {
    const required = STAFF_STANDARD.requiredRoles[facility.kind];
    const gaps: { zh: string; en: string }[] = [];
    const needs: Partial<Record<StaffRole, readonly QualificationType[]>> =
      facility.kind === 'family'
        ? { caregiver: STAFF_STANDARD.caregiverQualifications }
        : {
            director: STAFF_STANDARD.directorQualifications,
            health: STAFF_STANDARD.healthWorkerQualifications,
            caregiver: STAFF_STANDARD.caregiverQualifications,
          };
    for (const role of ['director', 'health', 'caregiver'] as const) {
      if (!required.includes(role)) continue;
      const people = staff.filter((s) => s.role === role);
      const label = ROLE_LABELS[role];
      if (people.length === 0) {
        gaps.push({ zh: `没有在岗${label.zh}`, en: `no active ${label.en}` });
        continue;
      }
      const types = needs[role];
      const valid = people.filter((s) => s.healthCertificate.expiresOn >= today && (!types || holdsValid(s, types, today)));
      // Every caregiver must hold them; one director and one health worker suffice.
      const missing = role === 'caregiver' ? people.filter((s) => !valid.includes(s)) : valid.length === 0 ? people : [];
      if (missing.length > 0) {
        gaps.push({
          zh: `${label.zh}${zhList(missing.map((s) => s.name))}没有有效的${types ? '资格证书或' : ''}健康证`,
          en: `${label.en} ${enList(missing.map((s) => s.name))} without a valid ${types ? 'certificate or ' : ''}health certificate`,
        });
      }
    }
    if (gaps.length > 0) {
      return {
        ok: false,
        detail: `备案材料不全：${zhList(gaps.map((g) => g.zh))}`,
        detailEn: `Filing materials: ${gaps.map((g) => g.en).join('; ')}`,
      };
    }
    return {
      ok: true,
      detail: '负责人、保健人员和保育人员的资格证书与健康证均在有效期内',
      detailEn: 'The director, health worker and caregivers hold valid certificates and health certificates',
    };
  },

  surveillance({ facility }) {
    return facility.surveillance
      ? {
          ok: true,
          detail: '已声明儿童活动区域24小时视频监控，录像保存90日',
          detailEn: "24-hour video surveillance of the children's areas declared, footage kept 90 days",
        }
      : {
          ok: false,
          detail: '未声明儿童活动区域24小时视频监控（录像保存90日）',
          detailEn: "24-hour video surveillance of the children's areas (footage kept 90 days) not declared",
        };
  },

  carer_ratio({ facility, classes, staff, config, totalEnrolled }) {
    const caregivers = staff.filter((s) => s.role === 'caregiver');
    if (facility.kind === 'family') {
      const need = homeBasedCarersRequired(totalEnrolled);
      return caregivers.length >= need
        ? {
            ok: true,
            detail: `在托${totalEnrolled}人，需保育人员${need}名，现有${caregivers.length}名`,
            detailEn: `${totalEnrolled} enrolled need ${plural(need, 'caregiver')}; there are ${caregivers.length}`,
          }
        : {
            ok: false,
            detail: `在托${totalEnrolled}人，按每3人至少1名需保育人员${need}名，现有${caregivers.length}名`,
            detailEn: `${totalEnrolled} enrolled need ${plural(need, 'caregiver')} (1 per 3 children); there are ${caregivers.length}`,
          };
    }
    const short: { zh: string; en: string }[] = [];
    const counted = caregiversCounted(
      caregivers,
      classes.map((c) => c.id),
    );
    for (const c of classes) {
      const need = carersRequired(c.ageGroup, c.enrolled, config);
      const have = counted.get(c.id)!;
      if (have < need) {
        short.push({
          zh: `${zhName(c.name)}（${ageGroupLabel(c.ageGroup).zh}）在托${c.enrolled}人需保育人员${need}名，现有${have}名`,
          en: `${enName(c.name)} (${ageGroupLabel(c.ageGroup).en}) has ${c.enrolled} enrolled and needs ${plural(need, 'caregiver')}; ${have} assigned`,
        });
      }
    }
    if (short.length > 0) return { ok: false, detail: zhList(short.map((s) => s.zh)), detailEn: short.map((s) => s.en).join('; ') };
    return {
      ok: true,
      detail: `${classes.length}个班级的保育人员配备均达到师幼比（同时负责几个班级的保育人员在各班按比例计）`,
      detailEn: `Every class (${classes.length}) has the caregivers its ratio requires (one assigned to several classes is shared between them)`,
    };
  },

  // 托育机构设置标准（试行）(2019): education, experience and the director's post training (director_training).
  director_qualified({ facility, staff, today }) {
    if (facility.kind === 'family') {
      return notApplicable(
        '家庭托育点负责人不适用托育机构负责人的学历和经历要求',
        "the education and experience required of a centre's director do not apply to a home-based point",
      );
    }
    const { minEducation, minExperienceYears } = STAFF_STANDARD.director;
    const directors = staff.filter((s) => s.role === 'director');
    if (directors.length === 0) return { ok: false, detail: '没有在岗负责人', detailEn: 'No active director' };
    const trained = (d: StaffFacts) => holdsValid(d, STAFF_STANDARD.directorQualifications, today);
    const qualified = directors.find(
      (d) => educationAtLeast(d.education, minEducation) && (d.experienceYears ?? 0) >= minExperienceYears && trained(d),
    );
    if (qualified) {
      return {
        ok: true,
        detail: `负责人${qualified.name}学历为${EDUCATION_LABELS[qualified.education!].zh}，相关工作经历${qualified.experienceYears}年`,
        detailEn: `Director ${qualified.name}: ${EDUCATION_LABELS[qualified.education!].en}, ${plural(qualified.experienceYears!, 'year')} of relevant experience`,
      };
    }
    const zh = directors.map((d) => {
      const gaps: string[] = [];
      if (!educationAtLeast(d.education, minEducation)) gaps.push(d.education ? `学历为${EDUCATION_LABELS[d.education].zh}` : '未填写学历');
      if ((d.experienceYears ?? 0) < minExperienceYears) gaps.push(`相关工作经历${d.experienceYears ?? 0}年`);
      if (!trained(d)) gaps.push('没有有效的岗位培训证明');
      return `负责人${d.name}${gaps.join('，')}`;
    });
    const en = directors.map((d) => {
      const gaps: string[] = [];
      if (!educationAtLeast(d.education, minEducation))
        gaps.push(d.education ? `education ${EDUCATION_LABELS[d.education].en}` : 'no education given');
      if ((d.experienceYears ?? 0) < minExperienceYears) gaps.push(`${plural(d.experienceYears ?? 0, 'year')} of experience`);
      if (!trained(d)) gaps.push('no valid post training');
      return `Director ${d.name}: ${gaps.join(', ')}`;
    });
    return {
      ok: false,
      detail: `${zhList(zh)}；须大专及以上学历、${minExperienceYears}年以上相关工作经历并经岗位培训`,
      detailEn: `${en.join('; ')}; junior college or above, ${minExperienceYears}+ years of relevant experience and post training are required`,
    };
  },

  caregiver_qualified({ staff, today }) {
    const caregivers = staff.filter((s) => s.role === 'caregiver');
    if (caregivers.length === 0) return { ok: false, detail: '没有在岗保育人员', detailEn: 'No active caregivers' };
    const types = STAFF_STANDARD.caregiverQualifications;
    const without = caregivers.filter((s) => !holdsValid(s, types, today));
    if (without.length > 0) {
      return {
        ok: false,
        detail: `保育人员${zhList(without.map((s) => s.name))}没有有效的保育师、育婴员、婴幼儿发展引导员证书或教师资格证（地方政策要求）`,
        detailEn: `Caregivers without a valid nursery teacher, childcare worker, early development guide or teacher's certificate (a local policy): ${enList(without.map((s) => s.name))}`,
      };
    }
    return {
      ok: true,
      detail: `${caregivers.length}名保育人员均持有有效的保育资格证书`,
      detailEn: `All ${plural(caregivers.length, 'caregiver')} hold a valid childcare qualification`,
    };
  },

  // 托儿所幼儿园卫生保健管理办法 and 托育机构设置标准（试行）(2019): a trained health worker, full-time from 150 children.
  health_worker({ facility, staff, today, config, totalEnrolled }) {
    if (facility.kind === 'family') {
      return notApplicable('家庭托育点不单独配备保健人员', 'a home-based point has no separate health worker post');
    }
    const health = staff.filter((s) => s.role === 'health');
    if (health.length === 0) return { ok: false, detail: '没有在岗保健人员', detailEn: 'No active health worker' };
    const trained = health.filter((s) => holdsValid(s, STAFF_STANDARD.healthWorkerQualifications, today));
    if (trained.length === 0) {
      return {
        ok: false,
        detail: `保健人员${zhList(health.map((s) => s.name))}没有有效的妇幼保健机构培训合格证明或医护执业资格`,
        detailEn: `Health worker ${enList(health.map((s) => s.name))} holds no valid health training or medical qualification`,
      };
    }
    // 托儿所幼儿园卫生保健管理办法: one full-time health worker per 150 children (2 for 151–300), a full- or
    // part-time one below 150.
    const per = config.fullTimeHealthWorkerFromEnrolled;
    if (totalEnrolled >= per) {
      const need = Math.ceil(totalEnrolled / per);
      const fullTime = trained.filter((s) => s.fullTime);
      if (fullTime.length < need) {
        return {
          ok: false,
          detail: `在托${totalEnrolled}人，按每${per}名儿童1名须配备专职保健人员${need}名，现有${fullTime.length}名`,
          detailEn: `${totalEnrolled} children enrolled need ${plural(need, 'full-time health worker')} (1 per ${per}); there are ${fullTime.length}`,
        };
      }
      return {
        ok: true,
        detail: `在托${totalEnrolled}人，配有专职保健人员${zhList(fullTime.map((s) => s.name))}`,
        detailEn: `${totalEnrolled} enrolled, with full-time health workers ${enList(fullTime.map((s) => s.name))}`,
      };
    }
    const first = trained[0]!;
    return {
      ok: true,
      detail: `保健人员${first.name}（${first.fullTime ? '专职' : '兼职'}）经培训合格`,
      detailEn: `Health worker ${first.name} (${first.fullTime ? 'full-time' : 'part-time'}) is trained`,
    };
  },

  security_guard_certified({ facility, staff, today }) {
    if (facility.kind === 'family')
      return notApplicable('家庭托育点不单独配备保安人员', 'a home-based point has no separate security guard post');
    const guards = staff.filter((s) => s.role === 'security');
    if (guards.length === 0) return { ok: false, detail: '没有在岗保安人员', detailEn: 'No active security guard' };
    const certified = guards.find((s) => holdsValid(s, STAFF_STANDARD.securityQualifications, today));
    // docs/domain.md corrections: guards come from a licensed security company, named on the guard's record.
    const noEmployer = guards.filter((s) => !s.employer);
    if (certified && noEmployer.length > 0) {
      return {
        ok: false,
        detail: `保安人员${zhList(noEmployer.map((s) => s.name))}未登记所属保安服务公司`,
        detailEn: `No security company recorded for security guard ${enList(noEmployer.map((s) => s.name))}`,
      };
    }
    if (certified) {
      return {
        ok: true,
        detail: `保安人员${certified.name}持有有效保安员证`,
        detailEn: `Security guard ${certified.name} holds a valid guard certificate`,
      };
    }
    return {
      ok: false,
      detail: `保安人员${zhList(guards.map((s) => s.name))}没有有效的保安员证`,
      detailEn: `Security guard ${enList(guards.map((s) => s.name))} holds no valid guard certificate`,
    };
  },

  // 托儿所幼儿园卫生保健管理办法: staff work only with a valid health certificate, renewed yearly.
  health_certificates({ staff, today }) {
    if (staff.length === 0) return NO_STAFF;
    const invalid = staff.filter((s) => !(s.healthCertificate.expiresOn >= today));
    if (invalid.length > 0) {
      return {
        ok: false,
        detail: zhList(invalid.map((s) => `${s.name}的健康证已于${s.healthCertificate.expiresOn}过期`)),
        detailEn: invalid.map((s) => `${s.name}'s health certificate expired on ${s.healthCertificate.expiresOn}`).join('; '),
      };
    }
    return {
      ok: true,
      detail: `${staff.length}名在岗人员的健康证均在有效期内`,
      detailEn: `All ${plural(staff.length, 'active staff member')} hold a valid health certificate`,
    };
  },

  // 托育机构管理规范（试行）: background checks at hiring; docs/domain.md corrections: dated, re-done every year.
  background_checks({ staff, today }) {
    if (staff.length === 0) return NO_STAFF;
    const unchecked = staff.filter((s) => !s.backgroundChecked);
    const due = staff.filter((s) => s.backgroundChecked && backgroundRecheckDue(s.backgroundCheckedOn, today));
    if (unchecked.length > 0 || due.length > 0) {
      return {
        ok: false,
        detail: zhList([
          ...(unchecked.length > 0 ? [`${zhList(unchecked.map((s) => s.name))}未经背景审查`] : []),
          ...due.map((s) => `${s.name}的背景审查（${s.backgroundCheckedOn ?? '未注明日期'}）已超过一年，须重新审查`),
        ]),
        detailEn: [
          ...(unchecked.length > 0 ? [`No background check for ${enList(unchecked.map((s) => s.name))}`] : []),
          ...due.map((s) => `${s.name}'s background check (${s.backgroundCheckedOn ?? 'undated'}) is more than a year old: re-check due`),
        ].join('; '),
      };
    }
    return {
      ok: true,
      detail: `${staff.length}名在岗人员均已通过背景审查，且在一年以内`,
      detailEn: `All ${plural(staff.length, 'active staff member')} have been background-checked within the year`,
    };
  },

  qualifications_valid({ staff, today }) {
    if (staff.length === 0) return NO_STAFF;
    const expired = staff.flatMap((s) => s.qualifications.filter((q) => q.expiresOn != null && q.expiresOn < today).map((q) => ({ s, q })));
    if (expired.length > 0) {
      return {
        ok: false,
        detail: zhList(expired.map(({ s, q }) => `${s.name}的${QUALIFICATION_LABELS[q.type].zh}（${q.number}）已于${q.expiresOn}过期`)),
        detailEn: expired
          .map(({ s, q }) => `${s.name}'s ${QUALIFICATION_LABELS[q.type].en} (${q.number}) expired on ${q.expiresOn}`)
          .join('; '),
      };
    }
    const count = staff.reduce((n, s) => n + s.qualifications.length, 0);
    return {
      ok: true,
      detail: `在岗人员的${count}份资格证书均未过期`,
      detailEn: `None of the ${plural(count, 'qualification')} of the active staff has expired`,
    };
  },

  staff_multi_listed({ staff }) {
    const listed = staff.filter((s) => s.multiListed);
    if (listed.length > 0) {
      return {
        ok: false,
        detail: `${zhList(listed.map((s) => s.name))}同时登记在其他机构，监管部门将核查`,
        detailEn: `Also listed at another facility (the regulator will review it): ${enList(listed.map((s) => s.name))}`,
      };
    }
    return { ok: true, detail: '在岗人员均未在其他机构同时在岗', detailEn: 'No active staff member is also active at another facility' };
  },
};

/**
 * Every check of the national standard for one facility, in the order of `COMPLIANCE_RULES`, each present exactly
 * once with `ok` true or false, so the list is stable. `staff` is the active staff only; `today` is YYYY-MM-DD.
 */
export function complianceChecks(input: ComplianceInput): ComplianceCheck[] {
  if (!isCalendarDate(input.today)) throw new RangeError(`today is not a YYYY-MM-DD date: ${input.today}`);
  const missing = missingProfileFields(input.facility);
  const ctx: Context = {
    // Read only by the rules whose facts are all given (NEEDS), the ones run below.
    facility: input.facility as CompleteFacts,
    missing,
    classes: input.classes,
    staff: input.staff,
    today: input.today,
    config: input.config ?? DEFAULT_STANDARDS_CONFIG,
    totalPlaces: input.classes.reduce((n, c) => n + c.places, 0),
    totalEnrolled: input.classes.reduce((n, c) => n + c.enrolled, 0),
  };
  return COMPLIANCE_RULES.map(({ code, blocksFiling }) => {
    const empty = (NEEDS[code] ?? []).filter((f) => missing.includes(f));
    if (empty.length > 0) {
      return {
        code,
        ok: false,
        detail: `待填写${zhList(empty.map((f) => PROFILE_FIELD_LABELS[f].zh))}后检查`,
        detailEn: `Checked once the ${enList(empty.map((f) => PROFILE_FIELD_LABELS[f].en))} ${empty.length === 1 ? 'is' : 'are'} filled in`,
        blocksFiling,
      };
    }
    return { code, ...RULES[code](ctx), blocksFiling };
  });
}

/** The failed checks that refuse a filing (422, one error per code). */
/**
 * Whether a background check of `checkedOn` is due again on `today`: more than a year old, or undated (docs/domain.md
 * corrections: "re-done yearly").
 */
export function backgroundRecheckDue(checkedOn: string | null | undefined, today: string): boolean {
  if (!checkedOn) return true;
  return checkedOn < addYears(today, -1);
}

export function filingViolations<T extends RuleCheck>(checks: readonly T[]): T[] {
  return checks.filter((c) => c.blocksFiling && !c.ok);
}
