import type { ComplianceCheck, ComplianceCode, ComplianceInput } from './compliance.js';
import {
  awaitsProfile,
  backgroundRecheckDue,
  COMPLIANCE_CODES,
  COMPLIANCE_RULES,
  complianceChecks,
  filingViolations,
} from './compliance.js';
import {
  missingProfileFields,
  PROFILE_FIELDS,
  type ClassFacts,
  type FacilityFacts,
  type FilingDocument,
  type StaffFacts,
} from './registry-types.js';
import { DEFAULT_STANDARDS_CONFIG } from './standards-config.js';

const TODAY = '2025-06-01';

function staff(over: Partial<StaffFacts> & Pick<StaffFacts, 'id' | 'name' | 'role'>): StaffFacts {
  return {
    fullTime: true,
    education: 'high_school',
    experienceYears: 1,
    classIds: [],
    healthCertificate: { number: `HC-${over.id}`, expiresOn: '2026-03-01' },
    qualifications: [],
    backgroundChecked: true,
    backgroundCheckedOn: '2025-03-01',
    multiListed: false,
    ...over,
  };
}

const caregiverQual = (n: string) => [{ type: 'childcare_worker' as const, number: `YY-${n}`, issuedOn: '2022-01-10', expiresOn: null }];

/** A compliant centre: one toddler class of 15 places with 12 children, 3 assigned caregivers, all roles and documents. */
function baseline(): ComplianceInput & { facility: FacilityFacts; classes: ClassFacts[]; staff: StaffFacts[] } {
  const documents: FilingDocument[] = [
    { type: 'legal_entity', number: '91220102MA17XK0PQ1', issuedOn: '2024-01-05', scopeIncludesChildcare: true },
    { type: 'premises', number: 'LEASE-2024-001', issuedOn: '2024-01-10', tenure: 'leased', leaseEndsOn: '2030-01-09' },
    { type: 'fire_safety', number: 'XF-2024-88', issuedOn: '2024-03-01' },
    { type: 'health_evaluation', number: 'WS-2024-12', issuedOn: '2024-03-15', rating: 'qualified' },
    { type: 'food_licence', number: 'JY12201020012345', issuedOn: '2024-02-01', expiresOn: '2029-01-31' },
  ];
  return {
    today: TODAY,
    facility: {
      kind: 'centre',
      servesMeals: true,
      floors: [1, 2],
      indoorAreaM2: 60,
      outdoorAreaM2: 40,
      exitCount: 2,
      surveillance: true,
      documents,
    },
    classes: [{ id: 'c1', name: '小一班', ageGroup: 'toddler', places: 15, enrolled: 12 }],
    staff: [
      staff({
        id: 'd',
        name: '王园长',
        role: 'director',
        education: 'bachelor',
        experienceYears: 5,
        qualifications: [{ type: 'director_training', number: 'PX-1', issuedOn: '2023-01-01', expiresOn: null }],
      }),
      staff({ id: 'g1', name: '李保育', role: 'caregiver', classIds: ['c1'], qualifications: caregiverQual('1') }),
      staff({ id: 'g2', name: '张保育', role: 'caregiver', classIds: ['c1'], qualifications: caregiverQual('2') }),
      staff({ id: 'g3', name: '赵保育', role: 'caregiver', classIds: ['c1'], qualifications: caregiverQual('3') }),
      staff({
        id: 'h',
        name: '刘保健',
        role: 'health',
        fullTime: false,
        qualifications: [{ type: 'health_training', number: 'FY-77', issuedOn: '2023-05-01', expiresOn: '2026-05-01' }],
      }),
      staff({
        id: 's',
        name: '陈保安',
        role: 'security',
        employer: '长春市保安服务有限公司',
        qualifications: [{ type: 'security_guard', number: 'BA-2201-9', issuedOn: '2021-08-01' }],
      }),
    ],
  };
}

function check(input: ComplianceInput, code: ComplianceCode): ComplianceCheck {
  const found = complianceChecks(input).find((c) => c.code === code);
  if (!found) throw new Error(`no check ${code}`);
  return found;
}

function failed(input: ComplianceInput): ComplianceCode[] {
  return complianceChecks(input)
    .filter((c) => !c.ok)
    .map((c) => c.code);
}

function withDocument(input: ReturnType<typeof baseline>, type: FilingDocument['type'], change: Partial<FilingDocument>) {
  input.facility.documents = input.facility.documents.map((d) => (d.type === type ? { ...d, ...change } : d));
  return input;
}

describe('the compliance check', () => {
  it('passes every rule for a compliant centre', () => {
    const checks = complianceChecks(baseline());
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(filingViolations(checks)).toEqual([]);
  });

  it('always lists every rule once, in the same order, whatever fails', () => {
    const empty: ComplianceInput = {
      today: TODAY,
      facility: {
        kind: 'centre',
        servesMeals: false,
        floors: [],
        indoorAreaM2: 0,
        outdoorAreaM2: 0,
        exitCount: 0,
        surveillance: false,
        documents: [],
      },
      classes: [],
      staff: [],
    };
    for (const input of [baseline(), empty]) {
      expect(complianceChecks(input).map((c) => c.code)).toEqual(COMPLIANCE_CODES);
    }
    expect(new Set(COMPLIANCE_CODES).size).toBe(COMPLIANCE_CODES.length);
  });

  it('writes every verdict in Chinese and English', () => {
    for (const c of complianceChecks(baseline())) {
      expect(c.detail).toMatch(/[\u4e00-\u9fff]/);
      // English apart from the names of people and classes, which stay as written
      expect(c.detailEn.replace(/[「」"]?[\u4e00-\u9fff]+[「」"]?/g, 'X')).toMatch(/^[\x20-\x7e²]+$/);
    }
  });

  it('blocks filing on the premises, document, class and role rules and the staff certificates, and only reports the rest', () => {
    const blocking = COMPLIANCE_RULES.filter((r) => r.blocksFiling).map((r) => r.code);
    expect(blocking).toEqual([
      'profile_complete',
      'has_class',
      'class_size',
      'over_capacity',
      'missing_role',
      'missing_document',
      'legal_entity_scope',
      'premises_tenure',
      'health_evaluation_rating',
      'document_expired',
      'storey',
      'exit_count',
      'indoor_area',
      'outdoor_area',
      'home_based_limit',
      'surveillance',
      'staff_certificates',
    ]);
  });

  it('refuses a bad date of the check', () => {
    expect(() => complianceChecks({ ...baseline(), today: '2025-6-1' })).toThrow(RangeError);
  });
});

describe('a draft saved incomplete (issue #18, item 5)', () => {
  /** A draft with its name and location only: every other profile field null, no flags, no documents. */
  function bare(): ComplianceInput {
    return {
      today: TODAY,
      facility: {
        kind: null,
        servesMeals: false,
        floors: null,
        indoorAreaM2: null,
        outdoorAreaM2: null,
        exitCount: null,
        surveillance: false,
        documents: [],
        creditCode: null,
        ownership: null,
        serviceTypes: null,
        address: null,
        monthlyFee: null,
        phone: null,
        openingHours: null,
      },
      classes: [],
      staff: [],
    };
  }

  it('names every empty profile field, in the form’s order, and refuses the filing', () => {
    expect(missingProfileFields(bare().facility)).toEqual([...PROFILE_FIELDS]);
    const c = check(bare(), 'profile_complete');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toBe(
      '基本信息未填写完整：统一社会信用代码、机构类型、举办性质、服务类型、地址、所在楼层、室内面积、室外活动场地面积、月收费、联系电话、服务时间、安全出口数量',
    );
    expect(c.detailEn).toMatch(
      /^The profile is incomplete: unified social credit code, kind of facility, .*number of exits not filled in$/,
    );
    expect(filingViolations(complianceChecks(bare())).map((v) => v.code)).toEqual(
      expect.arrayContaining(['profile_complete', 'has_class']),
    );
  });

  it('checks a rule once the facts it reads are given, and names them until then', () => {
    const input = bare();
    expect(check(input, 'storey')).toMatchObject({ ok: false, detail: '待填写机构类型、所在楼层后检查' });
    expect(check(input, 'storey').detailEn).toBe('Checked once the kind of facility, storeys are filled in');
    expect(awaitsProfile('storey', missingProfileFields(input.facility))).toBe(true);
    // Rules on documents, classes and staff need no profile field: checked as always.
    expect(awaitsProfile('has_class', missingProfileFields(input.facility))).toBe(false);
    expect(check(input, 'has_class').detail).not.toMatch(/待填写/);
    // With the kind and storeys given, the storey rule is checked; the areas still wait.
    input.facility = { ...input.facility, kind: 'centre', floors: [4] };
    expect(check(input, 'storey')).toMatchObject({ ok: false, blocksFiling: true });
    expect(check(input, 'storey').detail).not.toMatch(/待填写/);
    expect(check(input, 'indoor_area').detail).toBe('待填写室内面积后检查');
    expect(awaitsProfile('storey', missingProfileFields(input.facility))).toBe(false);
  });

  it('an empty list of service types is empty; a complete profile passes profile_complete', () => {
    expect(missingProfileFields({ serviceTypes: [] })).toEqual(['serviceTypes']);
    expect(missingProfileFields({ serviceTypes: ['full_day'], kind: 'centre' })).toEqual([]);
    expect(check(baseline(), 'profile_complete')).toMatchObject({ ok: true, detail: '基本信息已填写完整' });
  });
});

describe('classes (托育机构设置标准（试行）)', () => {
  it('a facility with no class cannot file', () => {
    const input = { ...baseline(), classes: [] };
    expect(filingViolations(complianceChecks(input)).map((c) => c.code)).toContain('has_class');
  });

  it('a class of 16 toddlers exceeds the 15 of 托小班 and refuses the filing', () => {
    const input = baseline();
    input.classes[0]!.places = 16;
    const c = check(input, 'class_size');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('小一班');
    expect(c.detail).toContain('15');
    expect(c.detailEn).toContain('16 places');
  });

  it('a kindergarten nursery class may not run a toddler class', () => {
    const input = baseline();
    input.facility.kind = 'kindergarten_class';
    const c = check(input, 'class_size');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('托大班');
  });

  it('13 children enrolled in 12 places is over capacity', () => {
    const input = baseline();
    input.classes[0]!.places = 12;
    input.classes[0]!.enrolled = 13;
    const c = check(input, 'over_capacity');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('在托13人，超过托位12个');
  });
});

describe('staff roles', () => {
  it('a centre without a health worker and a security guard cannot file', () => {
    const input = baseline();
    input.staff = input.staff.filter((s) => s.role !== 'health' && s.role !== 'security');
    const c = check(input, 'missing_role');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toBe('在岗人员中缺少保健人员、保安人员');
    expect(c.detailEn).toContain('health worker, security guard');
  });

  it('a centre without a director cannot file', () => {
    const input = baseline();
    input.staff = input.staff.filter((s) => s.role !== 'director');
    expect(check(input, 'missing_role').ok).toBe(false);
  });

  it('a home-based point needs its person in charge and a caregiver, not a health worker or a guard', () => {
    const input = homeBased();
    expect(check(input, 'missing_role').ok).toBe(true);
    input.staff = input.staff.filter((s) => s.role !== 'director');
    expect(check(input, 'missing_role')).toMatchObject({ ok: false, detail: '在岗人员中缺少负责人' });
  });
});

describe('filing documents (托育机构管理规范（试行）)', () => {
  it('a missing fire-safety pass refuses the filing', () => {
    const input = baseline();
    input.facility.documents = input.facility.documents.filter((d) => d.type !== 'fire_safety');
    const c = check(input, 'missing_document');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('消防安全检查合格证明');
    expect(c.detailEn).toBe('Missing: fire-safety pass');
  });

  it('a food business licence is needed only when the facility serves meals', () => {
    const input = baseline();
    input.facility.documents = input.facility.documents.filter((d) => d.type !== 'food_licence');
    expect(check(input, 'missing_document').ok).toBe(false);
    input.facility.servesMeals = false;
    expect(check(input, 'missing_document').ok).toBe(true);
  });

  it('every missing document is named', () => {
    const input = baseline();
    input.facility.documents = [];
    expect(check(input, 'missing_document').detailEn).toBe(
      'Missing: legal entity registration, proof of premises, fire-safety pass, health evaluation report, food business licence',
    );
  });

  it('a legal entity whose scope does not include 托育服务 cannot file', () => {
    const input = withDocument(baseline(), 'legal_entity', { scopeIncludesChildcare: false });
    expect(check(input, 'legal_entity_scope')).toMatchObject({ ok: false, blocksFiling: true });
  });

  it('owned premises prove premises', () => {
    const input = withDocument(baseline(), 'premises', { tenure: 'owned', leaseEndsOn: null });
    expect(check(input, 'premises_tenure').ok).toBe(true);
  });

  it('a lease ending in 2 years does not prove premises', () => {
    const input = withDocument(baseline(), 'premises', { leaseEndsOn: '2027-06-01' });
    const c = check(input, 'premises_tenure');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('2028-06-01');
  });

  it('a lease ending exactly 3 years after filing proves premises, a day less does not', () => {
    expect(check(withDocument(baseline(), 'premises', { leaseEndsOn: '2028-06-01' }), 'premises_tenure').ok).toBe(true);
    expect(check(withDocument(baseline(), 'premises', { leaseEndsOn: '2028-05-31' }), 'premises_tenure').ok).toBe(false);
  });

  it('a lease without an end date, or premises of unstated tenure, do not prove premises', () => {
    expect(check(withDocument(baseline(), 'premises', { leaseEndsOn: null }), 'premises_tenure').ok).toBe(false);
    expect(check(withDocument(baseline(), 'premises', { tenure: null }), 'premises_tenure').ok).toBe(false);
  });

  it('the lease period required is configuration', () => {
    const input = withDocument(baseline(), 'premises', { leaseEndsOn: '2027-06-01' });
    expect(check({ ...input, config: { ...DEFAULT_STANDARDS_CONFIG, leaseYearsRequired: 2 } }, 'premises_tenure').ok).toBe(true);
  });

  it('a health evaluation rated unqualified refuses the filing', () => {
    const input = withDocument(baseline(), 'health_evaluation', { rating: 'unqualified' });
    expect(check(input, 'health_evaluation_rating')).toMatchObject({ ok: false, blocksFiling: true });
    expect(check(withDocument(baseline(), 'health_evaluation', { rating: null }), 'health_evaluation_rating').ok).toBe(false);
  });

  it('an expired food licence refuses the filing; one expiring today is still valid', () => {
    const expired = withDocument(baseline(), 'food_licence', { expiresOn: '2025-05-31' });
    const c = check(expired, 'document_expired');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('JY12201020012345');
    expect(c.detail).toContain('2025-05-31');
    expect(check(withDocument(baseline(), 'food_licence', { expiresOn: TODAY }), 'document_expired').ok).toBe(true);
  });
});

describe('premises (托育机构设置标准（试行）)', () => {
  it("children's rooms on the 4th storey refuse the filing", () => {
    const input = baseline();
    input.facility.floors = [3, 4];
    const c = check(input, 'storey');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toBe('儿童用房设在4层，只能设在1至3层');
  });

  it("children's rooms in a basement refuse the filing", () => {
    const input = baseline();
    input.facility.floors = [0, 1];
    expect(check(input, 'storey').detailEn).toContain('basement storey 0');
    input.facility.floors = [-1];
    expect(check(input, 'storey').ok).toBe(false);
  });

  it('storeys must be declared', () => {
    const input = baseline();
    input.facility.floors = [];
    expect(check(input, 'storey').ok).toBe(false);
  });

  it('one safety exit refuses the filing', () => {
    const input = baseline();
    input.facility.exitCount = 1;
    const c = check(input, 'exit_count');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('至少需要2个');
  });

  it('15 places need 45 m² indoors: 44 m² refuses the filing', () => {
    const input = baseline();
    input.facility.indoorAreaM2 = 45;
    expect(check(input, 'indoor_area').ok).toBe(true);
    input.facility.indoorAreaM2 = 44;
    const c = check(input, 'indoor_area');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('45㎡');
  });

  it('15 places need 30 m² outdoors: 29.5 m² refuses the filing', () => {
    const input = baseline();
    input.facility.outdoorAreaM2 = 29.5;
    const c = check(input, 'outdoor_area');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detailEn).toContain('29.5 m²');
  });

  it('a home-based point and a kindergarten nursery class are exempt from the outdoor figure', () => {
    const family = homeBased();
    family.facility.outdoorAreaM2 = 0;
    expect(check(family, 'outdoor_area')).toMatchObject({ ok: true });
    const kindergarten = baseline();
    kindergarten.facility.kind = 'kindergarten_class';
    kindergarten.facility.outdoorAreaM2 = 0;
    expect(check(kindergarten, 'outdoor_area').ok).toBe(true);
  });

  it('the per-child areas are configuration', () => {
    const input = baseline();
    expect(check({ ...input, config: { ...DEFAULT_STANDARDS_CONFIG, indoorAreaPerChildM2: 5 } }, 'indoor_area').ok).toBe(false);
  });

  it('undeclared video surveillance refuses the filing', () => {
    const input = baseline();
    input.facility.surveillance = false;
    expect(check(input, 'surveillance')).toMatchObject({ ok: false, blocksFiling: true });
  });
});

function homeBased(): ReturnType<typeof baseline> {
  const input = baseline();
  // A flat on the 7th storey with one door: 45 m² for 5 children (9 m² each), the other owners' consent filed.
  input.facility = { ...input.facility, kind: 'family', floors: [7], exitCount: 1, indoorAreaM2: 45, outdoorAreaM2: 0, servesMeals: false };
  input.facility.documents = [
    ...input.facility.documents.filter((d) => d.type !== 'food_licence'),
    { type: 'owners_consent', number: 'YZ-2026-01', issuedOn: '2026-01-05' },
  ];
  input.classes = [{ id: 'f1', name: '家庭班', ageGroup: 'mixed', places: 5, enrolled: 5 }];
  input.staff = [
    staff({ id: 'p', name: '孙女士', role: 'director' }),
    staff({ id: 'f1c1', name: '孙保育', role: 'caregiver', qualifications: caregiverQual('f1') }),
    staff({ id: 'f1c2', name: '周保育', role: 'caregiver', qualifications: caregiverQual('f2') }),
  ];
  return input;
}

describe('home-based points (家庭托育点管理办法（试行）)', () => {
  it('a home-based point with 5 places and 2 caregivers is compliant', () => {
    expect(failed(homeBased())).toEqual([]);
  });

  it('a home-based point with 6 places refuses the filing', () => {
    const input = homeBased();
    input.facility.indoorAreaM2 = 60;
    input.classes = [
      { id: 'f1', name: '家庭班', ageGroup: 'mixed', places: 4, enrolled: 4 },
      { id: 'f2', name: '乳儿组', ageGroup: 'infant', places: 2, enrolled: 1 },
    ];
    const c = check(input, 'home_based_limit');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('6');
    expect(filingViolations(complianceChecks(input)).map((v) => v.code)).toEqual(['home_based_limit']);
  });

  it('a home-based point has no storey limit and no two-exit rule, but no basement', () => {
    expect(check(homeBased(), 'storey').ok).toBe(true);
    expect(check(homeBased(), 'exit_count').detailEn).toMatch(/^Not applicable/);
    const basement = homeBased();
    basement.facility = { ...basement.facility, floors: [-1] };
    expect(check(basement, 'storey')).toMatchObject({ ok: false, blocksFiling: true });
  });

  it('a home-based point needs the other owners’ consent and 9 m² a child (configuration, unverified)', () => {
    const input = homeBased();
    input.facility.documents = input.facility.documents.filter((d) => d.type !== 'owners_consent');
    input.facility.indoorAreaM2 = 44;
    expect(filingViolations(complianceChecks(input)).map((v) => v.code)).toEqual(['missing_document', 'indoor_area']);
    expect(check(input, 'missing_document').detailEn).toContain('consent of the other owners');
  });

  it('a centre on storey 4 or with one exit refuses the filing (GB 50016 §5.4.4 grade I/II)', () => {
    const input = baseline();
    input.facility = { ...input.facility, floors: [4], exitCount: 1 };
    expect(filingViolations(complianceChecks(input)).map((v) => v.code)).toEqual(['storey', 'exit_count']);
  });

  it('the home-based limit does not apply to a centre', () => {
    expect(check(baseline(), 'home_based_limit').detailEn).toMatch(/^Not applicable/);
  });

  it('5 children need 2 carers at 1 : 3 counted over the whole point', () => {
    const input = homeBased();
    input.staff = input.staff.filter((s) => s.id !== 'f1c2');
    const c = check(input, 'carer_ratio');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toContain('需保育人员2名，现有1名');
  });
});

describe('carer ratio (托育机构设置标准（试行）)', () => {
  it('12 toddlers with 2 assigned caregivers fall short of 1 : 5, without blocking the filing', () => {
    const input = baseline();
    input.staff = input.staff.map((s) => (s.id === 'g3' ? { ...s, classIds: [] } : s));
    const c = check(input, 'carer_ratio');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toBe('「小一班」（托小班）在托12人需保育人员3名，现有2名');
    expect(filingViolations(complianceChecks(input))).toEqual([]);
  });

  it('counts only caregivers assigned to the class', () => {
    const input = baseline();
    input.classes.push({ id: 'c2', name: '大一班', ageGroup: 'preschool', places: 20, enrolled: 8 });
    input.facility.indoorAreaM2 = 200;
    input.facility.outdoorAreaM2 = 100;
    const c = check(input, 'carer_ratio');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('大一班');
    expect(c.detail).not.toContain('小一班');
  });

  it('counts a caregiver once in total: two caregivers on two classes that need two each fall short in both', () => {
    const input = baseline();
    input.classes = [
      { id: 'c1', name: '小一班', ageGroup: 'toddler', places: 10, enrolled: 10 },
      { id: 'c2', name: '小二班', ageGroup: 'toddler', places: 10, enrolled: 10 },
    ];
    input.facility.indoorAreaM2 = 200;
    input.facility.outdoorAreaM2 = 100;
    input.staff = input.staff.filter((s) => s.id !== 'g3').map((s) => (s.role === 'caregiver' ? { ...s, classIds: ['c1', 'c2'] } : s));
    const c = check(input, 'carer_ratio');
    expect(c.ok).toBe(false);
    expect(c.detail).toBe('「小一班」（托小班）在托10人需保育人员2名，现有1名、「小二班」（托小班）在托10人需保育人员2名，现有1名');
    // Two more caregivers, one in each class: each class has 1 + ½ + ½ = 2.
    input.staff.push(
      staff({ id: 'g4', name: '钱保育', role: 'caregiver', classIds: ['c1'], qualifications: caregiverQual('4') }),
      staff({ id: 'g5', name: '孙保育', role: 'caregiver', classIds: ['c2'], qualifications: caregiverQual('5') }),
    );
    expect(check(input, 'carer_ratio').ok).toBe(true);
  });

  it('a mixed class of 18 needs 4 caregivers at the default 1 : 5, 3 when configured to 1 : 6', () => {
    const input = baseline();
    input.classes = [{ id: 'c1', name: '混合班', ageGroup: 'mixed', places: 18, enrolled: 18 }];
    input.facility.indoorAreaM2 = 60;
    expect(check(input, 'carer_ratio').ok).toBe(false);
    expect(check({ ...input, config: { ...DEFAULT_STANDARDS_CONFIG, mixedChildrenPerCarer: 6 } }, 'carer_ratio').ok).toBe(true);
  });
});

describe('staff qualifications (托育机构设置标准（试行）)', () => {
  it('a director with a high-school education is not qualified', () => {
    const input = baseline();
    input.staff[0] = { ...input.staff[0]!, education: 'high_school' };
    const c = check(input, 'director_qualified');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toContain('王园长学历为高中');
  });

  it('a director with 2 years of experience is not qualified; junior college and 3 years are', () => {
    const input = baseline();
    input.staff[0] = { ...input.staff[0]!, education: 'junior_college', experienceYears: 2 };
    expect(check(input, 'director_qualified').ok).toBe(false);
    input.staff[0] = { ...input.staff[0]!, experienceYears: 3 };
    expect(check(input, 'director_qualified').ok).toBe(true);
  });

  it('a caregiver without a childcare qualification is named', () => {
    const input = baseline();
    input.staff = input.staff.map((s) => (s.id === 'g2' ? { ...s, qualifications: [] } : s));
    const c = check(input, 'caregiver_qualified');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toContain('张保育');
    expect(c.detail).not.toContain('李保育');
  });

  it("a teacher's certificate qualifies a caregiver; an expired childcare certificate does not", () => {
    const input = baseline();
    input.staff = input.staff.map((s) =>
      s.id === 'g1'
        ? { ...s, qualifications: [{ type: 'teacher' as const, number: 'JS-1', issuedOn: '2020-07-01' }] }
        : s.id === 'g2'
          ? {
              ...s,
              qualifications: [{ type: 'nursery_teacher' as const, number: 'BY-2', issuedOn: '2020-07-01', expiresOn: '2025-01-01' }],
            }
          : s,
    );
    const c = check(input, 'caregiver_qualified');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('张保育');
    expect(c.detail).not.toContain('李保育');
  });

  it('a health worker without training from a maternal and child health institution is not enough', () => {
    const input = baseline();
    input.staff = input.staff.map((s) => (s.role === 'health' ? { ...s, qualifications: [] } : s));
    expect(check(input, 'health_worker')).toMatchObject({ ok: false, blocksFiling: false });
  });

  it('150 enrolled children need a full-time health worker', () => {
    const input = baseline();
    input.classes = Array.from({ length: 10 }, (_, i) => ({
      id: `c${i + 1}`,
      name: `小${i + 1}班`,
      ageGroup: 'toddler' as const,
      places: 15,
      enrolled: 15,
    }));
    const c = check(input, 'health_worker');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('在托150人');
    input.staff = input.staff.map((s) => (s.role === 'health' ? { ...s, fullTime: true } : s));
    expect(check(input, 'health_worker').ok).toBe(true);
  });

  it('151 enrolled children need 2 full-time health workers (1 per 150)', () => {
    const input = baseline();
    input.classes = Array.from({ length: 11 }, (_, i) => ({
      id: `c${i + 1}`,
      name: `小${i + 1}班`,
      ageGroup: 'toddler' as const,
      places: 15,
      enrolled: i === 0 ? 1 : 15,
    }));
    input.staff = input.staff.map((s) => (s.role === 'health' ? { ...s, fullTime: true } : s));
    const c = check(input, 'health_worker');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('须配备专职保健人员2名，现有1名');
    input.staff.push({ ...input.staff.find((s) => s.role === 'health')!, id: 'h2', name: '周保健' });
    expect(check(input, 'health_worker').ok).toBe(true);
  });

  it('a director without post training (director_training) is not qualified', () => {
    const input = baseline();
    input.staff[0] = { ...input.staff[0]!, qualifications: [] };
    const c = check(input, 'director_qualified');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('没有有效的岗位培训证明');
  });

  it('refuses a filing whose director, health worker or caregivers lack valid certificates (filing materials)', () => {
    expect(check(baseline(), 'staff_certificates')).toMatchObject({ ok: true, blocksFiling: true });
    const input = baseline();
    input.staff[0] = { ...input.staff[0]!, qualifications: [] };
    input.staff[2] = { ...input.staff[2]!, healthCertificate: { number: 'HC-x', expiresOn: '2025-05-31' } };
    const c = check(input, 'staff_certificates');
    expect(c).toMatchObject({ ok: false, blocksFiling: true });
    expect(c.detail).toContain('王园长');
    expect(c.detail).toContain('张保育');
    expect(c.detail).not.toContain('李保育');
    expect(filingViolations(complianceChecks(input)).map((v) => v.code)).toEqual(['staff_certificates']);
  });

  it('labels the caregiver certificate a local policy', () => {
    const input = baseline();
    input.staff[1] = { ...input.staff[1]!, qualifications: [] };
    expect(check(input, 'caregiver_qualified').detail).toContain('地方政策');
  });

  it('149 enrolled children may share a part-time health worker', () => {
    const input = baseline();
    input.classes = Array.from({ length: 10 }, (_, i) => ({
      id: `c${i + 1}`,
      name: `小${i + 1}班`,
      ageGroup: 'toddler' as const,
      places: 15,
      enrolled: i === 0 ? 14 : 15,
    }));
    expect(check(input, 'health_worker').ok).toBe(true);
  });

  it('a security guard without a guard certificate is not certified', () => {
    const input = baseline();
    input.staff = input.staff.map((s) => (s.role === 'security' ? { ...s, qualifications: [] } : s));
    const c = check(input, 'security_guard_certified');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toContain('陈保安');
  });

  it('a certified guard whose record names no security company is not enough (docs/domain.md corrections)', () => {
    const input = baseline();
    expect(check(input, 'security_guard_certified').ok).toBe(true);
    input.staff = input.staff.map((s) => (s.role === 'security' ? { ...s, employer: null } : s));
    const c = check(input, 'security_guard_certified');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toBe('保安人员陈保安未登记所属保安服务公司');
  });

  it('a home-based point needs no separate health worker or guard', () => {
    const input = homeBased();
    expect(check(input, 'health_worker').ok).toBe(true);
    expect(check(input, 'security_guard_certified').ok).toBe(true);
  });
});

describe('staff records (托儿所幼儿园卫生保健管理办法, 托育机构管理规范（试行）)', () => {
  it('a staff member whose health certificate expired yesterday is named', () => {
    const input = baseline();
    input.staff[1] = { ...input.staff[1]!, healthCertificate: { number: 'HC-x', expiresOn: '2025-05-31' } };
    const c = check(input, 'health_certificates');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toBe('李保育的健康证已于2025-05-31过期');
  });

  it('a health certificate expiring today is still valid', () => {
    const input = baseline();
    input.staff[1] = { ...input.staff[1]!, healthCertificate: { number: 'HC-x', expiresOn: TODAY } };
    expect(check(input, 'health_certificates').ok).toBe(true);
  });

  it('a staff member without a background check is named', () => {
    const input = baseline();
    input.staff[5] = { ...input.staff[5]!, backgroundChecked: false };
    const c = check(input, 'background_checks');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detailEn).toBe('No background check for 陈保安');
  });

  it('a background check older than a year (or undated) is due again; a year to the day is still current', () => {
    const input = baseline();
    expect(check(input, 'background_checks').ok).toBe(true);
    input.staff[5] = { ...input.staff[5]!, backgroundCheckedOn: '2024-06-01' };
    expect(check(input, 'background_checks').ok).toBe(true);
    input.staff[5] = { ...input.staff[5]!, backgroundCheckedOn: '2024-05-31' };
    input.staff[1] = { ...input.staff[1]!, backgroundCheckedOn: null };
    const c = check(input, 'background_checks');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toBe('李保育的背景审查（未注明日期）已超过一年，须重新审查、陈保安的背景审查（2024-05-31）已超过一年，须重新审查');
    expect(backgroundRecheckDue('2024-05-31', TODAY)).toBe(true);
    expect(backgroundRecheckDue('2024-06-01', TODAY)).toBe(false);
    expect(backgroundRecheckDue(undefined, TODAY)).toBe(true);
  });

  it('an expired qualification is reported even when another one is valid', () => {
    const input = baseline();
    input.staff[4] = {
      ...input.staff[4]!,
      qualifications: [
        ...input.staff[4]!.qualifications,
        { type: 'medical', number: 'HS-3', issuedOn: '2015-01-01', expiresOn: '2020-12-31' },
      ],
    };
    const c = check(input, 'qualifications_valid');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toContain('刘保健');
    expect(c.detail).toContain('HS-3');
    expect(check(input, 'health_worker').ok).toBe(true);
  });

  it('staff also active at another facility are named, and the filing is not blocked', () => {
    const input = baseline();
    input.staff[2] = { ...input.staff[2]!, multiListed: true };
    input.staff[3] = { ...input.staff[3]!, multiListed: true };
    const c = check(input, 'staff_multi_listed');
    expect(c).toMatchObject({ ok: false, blocksFiling: false });
    expect(c.detail).toBe('张保育、赵保育同时登记在其他机构，监管部门将核查');
    expect(filingViolations(complianceChecks(input))).toEqual([]);
  });
});

describe('filing violations', () => {
  it('are the failed blocking checks only', () => {
    const input = baseline();
    input.facility.floors = [4];
    input.facility.exitCount = 1;
    input.staff[1] = { ...input.staff[1]!, backgroundChecked: false };
    expect(filingViolations(complianceChecks(input)).map((c) => c.code)).toEqual(['storey', 'exit_count']);
  });
});
