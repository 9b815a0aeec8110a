/**
 * Every domain vocabulary and its words for people, zh-CN and English, defined once: the server (rules, alerts,
 * reports, the open register) and the web app (apps/web/src/i18n) read them from here. Pure data, importing only
 * the vocabularies' types, so that the web app's first load carries the words and not the vocabularies' modules
 * (vocabularies.ts pairs each vocabulary with its words); docs/architecture.md "The contract and the vocabulary". Words fitted into a sentence (lower case, another form)
 * stay beside the one sentence that needs them (compliance.ts, risk.ts); words that sentences of several modules use are
 * here (PROFILE_FIELD_LABELS: the compliance checks and the submission's refusal).
 */
import type {
  AgeGroupName,
  DocumentType,
  EducationLevel,
  FacilityKind,
  FacilityStatus,
  Ownership,
  ProfileField,
  QualificationType,
  Rating,
  ServiceType,
  StaffRole,
  Tenure,
} from './registry-types.js';
import type { DrillKind, IncidentFinding, IncidentKind, IncidentSeverity, IncidentStatus } from './incidents.js';
import type { ApplicationStatus, ChoiceStatus, OfferStatus } from './waitlist.js';
import type { Agency, Domain, ItemResult, OrderStatus, Outcome, RegionLevel, Severity, UserRole } from './vocabulary.js';

/** A word for people in both languages. */
export interface Label {
  zh: string;
  en: string;
}
export type Labels<K extends string> = Readonly<Record<K, Label>>;

export const FACILITY_KIND_LABELS: Labels<FacilityKind> = {
  centre: { zh: '托育中心', en: 'Childcare centre' },
  kindergarten_class: { zh: '幼儿园托班', en: 'Kindergarten nursery class' },
  family: { zh: '家庭托育点', en: 'Home-based point' },
  employer: { zh: '用人单位办托', en: 'Employer-run' },
  community: { zh: '社区托育', en: 'Community childcare' },
};
export const OWNERSHIP_LABELS: Labels<Ownership> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
  public_private: { zh: '公建民营', en: 'Publicly built, privately run' },
};
export const SERVICE_TYPE_LABELS: Labels<ServiceType> = {
  full_day: { zh: '全日托', en: 'Full day' },
  half_day: { zh: '半日托', en: 'Half day' },
  hourly: { zh: '计时托', en: 'Hourly' },
  temporary: { zh: '临时托', en: 'Temporary' },
};
export const FACILITY_STATUS_LABELS: Labels<FacilityStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  registered: { zh: '已备案', en: 'Registered' },
  suspended: { zh: '已暂停', en: 'Suspended' },
  closed: { zh: '已关闭', en: 'Closed' },
};
export const DOCUMENT_TYPE_LABELS: Labels<DocumentType> = {
  legal_entity: { zh: '法人登记证书（营业执照或事业单位法人证书）', en: 'Legal entity registration' },
  premises: { zh: '场地证明', en: 'Proof of premises' },
  fire_safety: { zh: '消防安全检查合格证明', en: 'Fire-safety pass' },
  health_evaluation: { zh: '卫生评价报告', en: 'Health evaluation report' },
  food_licence: { zh: '食品经营许可证', en: 'Food business licence' },
  owners_consent: { zh: '本栋建筑物（或同一平房院落）其他业主一致同意的证明', en: 'Consent of the other owners of the building' },
};
/** The profile fields' names inside a sentence (lower case in English): the compliance checks' and the submission's refusals. */
export const PROFILE_FIELD_LABELS: Labels<ProfileField> = {
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  kind: { zh: '机构类型', en: 'kind of facility' },
  ownership: { zh: '举办性质', en: 'ownership' },
  serviceTypes: { zh: '服务类型', en: 'types of care' },
  address: { zh: '地址', en: 'address' },
  floors: { zh: '所在楼层', en: 'storeys' },
  indoorAreaM2: { zh: '室内面积', en: 'indoor area' },
  outdoorAreaM2: { zh: '室外活动场地面积', en: 'outdoor area' },
  monthlyFee: { zh: '月收费', en: 'monthly fee' },
  phone: { zh: '联系电话', en: 'phone' },
  openingHours: { zh: '服务时间', en: 'opening hours' },
  exitCount: { zh: '安全出口数量', en: 'number of exits' },
};
export const TENURE_LABELS: Labels<Tenure> = {
  owned: { zh: '自有', en: 'Owned' },
  leased: { zh: '租赁', en: 'Leased' },
};
export const RATING_LABELS: Labels<Rating> = {
  qualified: { zh: '合格', en: 'Qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};
export const AGE_GROUP_LABELS: Labels<AgeGroupName> = {
  infant: { zh: '乳儿班（6–11 个月）', en: 'Infant (6–11 months)' },
  toddler: { zh: '托小班（12–23 个月）', en: 'Toddler (12–23 months)' },
  preschool: { zh: '托大班（24–36 个月）', en: 'Preschool (24–36 months)' },
  mixed: { zh: '混合编班（18–36 个月）', en: 'Mixed (18–36 months)' },
};
export const STAFF_ROLE_LABELS: Labels<StaffRole> = {
  director: { zh: '负责人', en: 'Director' },
  caregiver: { zh: '保育人员', en: 'Caregiver' },
  health: { zh: '保健人员', en: 'Health worker' },
  nutritionist: { zh: '营养师', en: 'Nutritionist' },
  cook: { zh: '炊事人员', en: 'Cook' },
  security: { zh: '保安', en: 'Security guard' },
  other: { zh: '其他', en: 'Other' },
};
export const EDUCATION_LEVEL_LABELS: Labels<EducationLevel> = {
  secondary: { zh: '中专及以下', en: 'Secondary or below' },
  high_school: { zh: '高中', en: 'High school' },
  junior_college: { zh: '大专', en: 'Junior college' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  master: { zh: '硕士及以上', en: 'Master or above' },
};
export const QUALIFICATION_TYPE_LABELS: Labels<QualificationType> = {
  nursery_teacher: { zh: '保育师', en: 'Nursery teacher (保育师)' },
  childcare_worker: { zh: '育婴员', en: 'Childcare worker (育婴员)' },
  early_development_guide: { zh: '婴幼儿发展引导员', en: 'Early development guide' },
  teacher: { zh: '教师资格证', en: 'Teacher’s certificate' },
  health_training: { zh: '保健人员培训合格证', en: 'Health worker training' },
  medical: { zh: '医师或护士执业证书', en: 'Doctor’s or nurse’s licence' },
  nutritionist: { zh: '营养师证书', en: 'Nutritionist' },
  security_guard: { zh: '保安员证', en: 'Security guard certificate' },
  director_training: { zh: '托育机构负责人培训证书', en: 'Director training' },
};
export const USER_ROLE_LABELS: Labels<UserRole> = {
  operator: { zh: '举办者', en: 'Operator' },
  regulator: { zh: '监管人员', en: 'Regulator' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  parent: { zh: '家长', en: 'Parent' },
};
export const AGENCY_LABELS: Labels<Agency> = {
  health: { zh: '卫生健康', en: 'Health' },
  fire: { zh: '消防', en: 'Fire' },
  market: { zh: '市场监管', en: 'Market supervision' },
  housing: { zh: '住房城乡建设', en: 'Housing and construction' },
};
export const REGION_LEVEL_LABELS: Labels<RegionLevel> = {
  district: { zh: '县（市）区', en: 'District or county' },
  zone: { zh: '开发区', en: 'Development zone' },
  city: { zh: '全市', en: 'Whole city' },
};
export const DOMAIN_LABELS: Labels<Domain> = {
  fire: { zh: '消防', en: 'Fire' },
  food: { zh: '食品', en: 'Food' },
  building: { zh: '建筑', en: 'Building' },
  hygiene: { zh: '卫生', en: 'Hygiene' },
};
export const SEVERITY_LABELS: Labels<Severity> = {
  critical: { zh: '严重', en: 'Critical' },
  major: { zh: '重要', en: 'Major' },
  minor: { zh: '轻微', en: 'Minor' },
};
export const ITEM_RESULT_LABELS: Labels<ItemResult> = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
  na: { zh: '不适用', en: 'N/A' },
};
export const OUTCOME_LABELS: Labels<Outcome> = {
  pass: { zh: '通过', en: 'Pass' },
  rectify: { zh: '限期整改', en: 'Rectify' },
  fail: { zh: '不通过', en: 'Fail' },
};
export const ORDER_STATUS_LABELS: Labels<OrderStatus> = {
  open: { zh: '待整改', en: 'Open' },
  responded: { zh: '已回复待核查', en: 'Responded, to verify' },
  resolved: { zh: '已完成', en: 'Resolved' },
};

// Incidents and drills (docs/api.md "Incidents (突发事件) and drills").
export const INCIDENT_KIND_LABELS: Labels<IncidentKind> = {
  injury: { zh: '意外伤害', en: 'Injury' },
  illness: { zh: '疾病', en: 'Illness' },
  food_poisoning: { zh: '食物中毒', en: 'Food poisoning' },
  abuse_allegation: { zh: '虐童指控', en: 'Abuse allegation' },
  missing_child: { zh: '幼儿走失', en: 'Missing child' },
  fire: { zh: '火灾', en: 'Fire' },
  death: { zh: '死亡', en: 'Death' },
  other: { zh: '其他', en: 'Other' },
};
export const INCIDENT_SEVERITY_LABELS: Labels<IncidentSeverity> = {
  minor: { zh: '一般', en: 'Minor' },
  serious: { zh: '较重', en: 'Serious' },
  critical: { zh: '严重', en: 'Critical' },
};
export const INCIDENT_STATUS_LABELS: Labels<IncidentStatus> = {
  reported: { zh: '待受理', en: 'Awaiting acknowledgement' },
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  closed: { zh: '已结案', en: 'Closed' },
};
export const INCIDENT_FINDING_LABELS: Labels<IncidentFinding> = {
  substantiated: { zh: '属实', en: 'Substantiated' },
  unsubstantiated: { zh: '不属实', en: 'Unsubstantiated' },
  no_fault: { zh: '机构无过错', en: 'No fault of the facility' },
};
export const DRILL_KIND_LABELS: Labels<DrillKind> = {
  fire_evacuation: { zh: '消防疏散演练', en: 'Fire evacuation drill' },
  injury_first_aid: { zh: '意外伤害急救演练', en: 'Injury first-aid drill' },
  other: { zh: '其他应急演练', en: 'Other emergency drill' },
};

// Applications and the waitlist (docs/api.md "Parents: applications and the waitlist").
export const APPLICATION_STATUS_LABELS: Labels<ApplicationStatus> = {
  waiting: { zh: '排队中', en: 'Waiting' },
  placed: { zh: '已入托', en: 'Placed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
export const CHOICE_STATUS_LABELS: Labels<ChoiceStatus> = {
  waiting: { zh: '排队中', en: 'Waiting' },
  offered: { zh: '已发录取通知', en: 'Place offered' },
  placed: { zh: '已入托', en: 'Placed' },
  declined: { zh: '已婉拒', en: 'Declined' },
  expired: { zh: '录取已过期', en: 'Offer expired' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
export const OFFER_STATUS_LABELS: Labels<OfferStatus> = {
  open: { zh: '待确认', en: 'Open' },
  accepted: { zh: '已接受', en: 'Accepted' },
  declined: { zh: '已婉拒', en: 'Declined' },
  expired: { zh: '已过期', en: 'Expired' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The words of every value of a vocabulary in one language: `{ centre: '托育中心', … }`. */
export function labelsIn<K extends string>(labels: Labels<K>, lang: keyof Label): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [key, label[lang]])) as Record<K, string>;
}

/** The word for a value, or the value itself when the vocabulary does not know it. */
export function labelOf(labels: Readonly<Record<string, Label>>, value: string, lang: keyof Label): string {
  return labels[value]?.[lang] ?? value;
}
