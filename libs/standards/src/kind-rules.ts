import type { DocumentType, FacilityKind } from './registry-types.js';
import type { StandardsConfig } from './standards-config.js';

/**
 * Premises and document rules per facility kind, as data, each citing where it comes from. `verified` says whether
 * the text was found and read (docs/domain.md "National rules to encode", its corrections for the second release); an unverified rule is kept as
 * configuration with its default and says so here and in docs/registry.md.
 */
export interface RuleSource {
  document: string;
  article?: string;
  verified: boolean;
  note?: string;
}

export const SOURCES = {
  /** GB 50016-2014（2018年版）建筑设计防火规范 §5.4.4: 托儿所、幼儿园的儿童用房 by fire-resistance grade. */
  storeysByFireGrade: {
    document: 'GB 50016-2014 建筑设计防火规范（2018年版）',
    article: '5.4.4',
    verified: false,
    note: 'grade I/II: storeys 1-3; grade III: 1-2; grade IV: storey 1; the text itself was not found by the search tool',
  },
  basement: {
    document: '托育机构设置标准（试行）(2019); 家庭托育点管理办法（试行）征求意见稿 (2023)',
    verified: false,
    note: 'no children’s rooms in a basement or semi-basement; the final 办法 text on basements was not found',
  },
  exits: { document: 'GB 50016-2014 建筑设计防火规范（2018年版）', verified: false, note: 'two safety exits of the children’s area' },
  homeBasedLimit: { document: '家庭托育点管理办法（试行）(国卫人口发〔2023〕28号)', article: '第二条', verified: true },
  homeBasedNoStoreyLimit: {
    document: '家庭托育点管理办法（试行）(国卫人口发〔2023〕28号)',
    verified: true,
    note: 'the 办法 sets no storey limit (国家卫生健康委 explanation of 2023-11-14: “没有限制楼层”)',
  },
  ownersConsent: { document: '家庭托育点管理办法（试行）(国卫人口发〔2023〕28号)', article: '第三条', verified: true },
  homeBasedArea: {
    document: '家庭托育点管理办法（试行）征求意见稿 (2023-03)',
    verified: false,
    note: '9 m² of building area per child in the draft; the final text’s figure was not found: configuration',
  },
  homeBasedDocuments: {
    document: '家庭托育点管理办法（试行）(国卫人口发〔2023〕28号)',
    article: '第五条',
    verified: false,
    note: 'the list of materials of 第五条 was not found in full; legal entity, premises and owners’ consent are asked',
  },
  centreArea: {
    document: 'configuration (docs/domain.md "National rules to encode")',
    verified: false,
    note: 'indoor 3 m², outdoor 2 m² per child',
  },
} as const satisfies Record<string, RuleSource>;

export interface KindRules {
  /** Highest storey of children's rooms, or null when no storey limit applies (home-based points). */
  maxStorey: number | null;
  /** A basement (storey 0 or below) is never allowed: true for every kind. */
  noBasement: true;
  /** Fewest safety exits of the children's area, or null when the rule does not apply. */
  minExits: number | null;
  /** Indoor area per place, m². */
  indoorAreaPerChildM2: number;
  /** Whether an outdoor area per place is asked for. */
  outdoorArea: boolean;
  /** Filing documents declared always, and when the facility serves meals. */
  documents: { always: readonly DocumentType[]; whenServingMeals: readonly DocumentType[] };
  sources: { storey: RuleSource; exits: RuleSource | null; area: RuleSource; documents: RuleSource };
}

const CENTRE_DOCUMENTS = {
  always: ['legal_entity', 'premises', 'fire_safety', 'health_evaluation'],
  whenServingMeals: ['food_licence'],
} as const;

/** The rules of one kind with the configured figures (storeys, exits, areas) filled in. */
export function kindRules(kind: FacilityKind, config: StandardsConfig): KindRules {
  if (kind === 'family') {
    return {
      maxStorey: null,
      noBasement: true,
      minExits: null,
      indoorAreaPerChildM2: config.homeBasedIndoorAreaPerChildM2,
      outdoorArea: false,
      documents: { always: ['legal_entity', 'premises', 'owners_consent'], whenServingMeals: ['food_licence'] },
      sources: {
        storey: SOURCES.homeBasedNoStoreyLimit,
        exits: null,
        area: SOURCES.homeBasedArea,
        documents: SOURCES.homeBasedDocuments,
      },
    };
  }
  return {
    maxStorey: config.maxStorey,
    noBasement: true,
    minExits: config.minExits,
    indoorAreaPerChildM2: config.indoorAreaPerChildM2,
    // A kindergarten nursery class shares the kindergarten's outdoor space, governed by the kindergarten's standards.
    outdoorArea: kind !== 'kindergarten_class',
    documents: CENTRE_DOCUMENTS,
    sources: {
      storey: SOURCES.storeysByFireGrade,
      exits: SOURCES.exits,
      area: SOURCES.centreArea,
      documents: { document: '托育机构登记和备案办法（试行）(2019)', verified: false },
    },
  };
}
