import { DOMAINS, SEVERITIES, type Checklist, type Domain } from '../inspection-rules.types.js';
import {
  BUILDING_CHECKLISTS,
  CHECKLISTS,
  FIRE_CHECKLISTS,
  FOOD_CHECKLISTS,
  HYGIENE_CHECKLISTS,
  checklistVersion,
  currentChecklist,
  currentChecklists,
  versionInForce,
} from './index.js';
import { RULE_DOCUMENTS, type ChecklistEntry } from './documents.js';

const PREFIX: Record<Domain, string> = { fire: 'FIRE', food: 'FOOD', building: 'BUILDING', hygiene: 'HYGIENE' };
const CODE = /^(FIRE|FOOD|BUILDING|HYGIENE)-[A-Z]+-\d{2}$/;
const HAS_CHINESE = /[\u4e00-\u9fff]/;
const documents = Object.values(RULE_DOCUMENTS) as string[];

const item = (code: string) => CHECKLISTS.flatMap((c) => c.items).find((i) => i.code === code);

describe('checklists', () => {
  it('has at least one version of each domain, and nothing else', () => {
    expect(new Set(CHECKLISTS.map((c) => c.domain))).toEqual(new Set(DOMAINS));
    expect(FIRE_CHECKLISTS.every((c) => c.domain === 'fire')).toBe(true);
    expect(FOOD_CHECKLISTS.every((c) => c.domain === 'food')).toBe(true);
    expect(BUILDING_CHECKLISTS.every((c) => c.domain === 'building')).toBe(true);
    expect(HYGIENE_CHECKLISTS.every((c) => c.domain === 'hygiene')).toBe(true);
  });

  it('numbers the versions of a domain 1, 2, … with effective dates in the same order', () => {
    for (const domain of DOMAINS) {
      const versions = CHECKLISTS.filter((c) => c.domain === domain);
      expect(versions.map((c) => c.version)).toEqual(versions.map((_, i) => i + 1));
      const dates = versions.map((c) => c.effectiveFrom);
      expect(dates).toEqual([...dates].sort());
      dates.forEach((d) => expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/));
    }
  });

  describe.each(CHECKLISTS.map((c) => [`${c.domain} v${c.version}`, c] as [string, Checklist]))('%s', (_name, checklist) => {
    it('has 15 to 30 items', () => {
      expect(checklist.items.length).toBeGreaterThanOrEqual(15);
      expect(checklist.items.length).toBeLessThanOrEqual(30);
    });

    it('codes every item <DOMAIN>-<SECTION>-NN in uppercase ASCII, with its own domain prefix', () => {
      for (const i of checklist.items) {
        expect(i.code).toMatch(CODE);
        expect(i.code.startsWith(`${PREFIX[checklist.domain]}-`)).toBe(true);
      }
    });

    it('gives one section one code segment, and one code segment one section', () => {
      const segmentOf = (code: string) => code.split('-')[1];
      const bySection = new Map<string, Set<string>>();
      const bySegment = new Map<string, Set<string>>();
      for (const i of checklist.items) {
        bySection.set(i.section, (bySection.get(i.section) ?? new Set()).add(segmentOf(i.code)!));
        bySegment.set(segmentOf(i.code)!, (bySegment.get(segmentOf(i.code)!) ?? new Set()).add(`${i.section}|${i.sectionEn}`));
      }
      for (const segments of bySection.values()) expect(segments.size).toBe(1);
      for (const sections of bySegment.values()) expect(sections.size).toBe(1);
    });

    it('groups items in at least 4 sections, each listed together', () => {
      const order = checklist.items.map((i) => i.section).filter((s, k, all) => k === 0 || all[k - 1] !== s);
      expect(new Set(order).size).toBe(order.length);
      expect(order.length).toBeGreaterThanOrEqual(4);
    });

    it('states every item in Chinese and English, with a section in both', () => {
      for (const i of checklist.items as ChecklistEntry[]) {
        expect(i.text).toMatch(HAS_CHINESE);
        expect(i.section).toMatch(HAS_CHINESE);
        expect(i.finding).toMatch(HAS_CHINESE);
        for (const en of [i.textEn, i.sectionEn, i.findingEn]) {
          expect(en.trim().length).toBeGreaterThan(0);
          expect(en).not.toMatch(HAS_CHINESE);
        }
      }
    });

    it('gives every item a severity and a rule naming one of the documents it checks', () => {
      for (const i of checklist.items) {
        expect(SEVERITIES).toContain(i.severity);
        expect(documents.some((d) => i.rule === d || i.rule.startsWith(`${d} 第`))).toBe(true);
      }
    });

    it('mixes critical, major and minor items', () => {
      for (const s of SEVERITIES) expect(checklist.items.some((i) => i.severity === s)).toBe(true);
    });
  });

  it('never uses one code for two items in any domain', () => {
    const codes = CHECKLISTS.filter((c) => c.version === 1).flatMap((c) => c.items.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps a code on the same item in every version it appears in', () => {
    const first = new Map<string, string>();
    for (const i of CHECKLISTS.flatMap((c) => c.items)) {
      const key = `${i.section}|${i.severity}|${i.text}`;
      if (!first.has(i.code)) first.set(i.code, key);
      else expect(key).toBe(first.get(i.code));
    }
  });

  it('cannot be changed at run time', () => {
    const c = currentChecklist('fire', '2026-01-01');
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.items)).toBe(true);
    expect(Object.isFrozen(c.items[0])).toBe(true);
  });

  describe('the critical items docs/domain.md requires', () => {
    it.each([
      ['FIRE-EXIT-01', 'an evacuation route or exit blocked'],
      ['FIRE-EXIT-02', 'an exit locked'],
      ['FIRE-LAYOUT-01', "children's rooms above storey 3 or in a basement"],
      ['FIRE-ALARM-01', 'no working fire alarm'],
      ['FOOD-LIC-01', 'no food business licence while serving meals'],
      ['FOOD-SAMPLE-01', 'no food samples retained'],
      ['BUILDING-STRUCT-01', 'structural danger'],
      ['BUILDING-WINDOW-01', 'unguarded windows'],
      ['BUILDING-WINDOW-02', 'unguarded drops (balconies, terraces)'],
      ['BUILDING-STAIR-01', 'unguarded stairs'],
      ['HYGIENE-HEALTH-01', 'staff without a valid health certificate'],
      ['HYGIENE-ROOM-01', 'no health observation room'],
      ['HYGIENE-DAILY-01', 'no morning health check records'],
    ])('%s (%s) is critical', (code) => {
      expect(item(code)?.severity).toBe('critical');
    });

    it('puts the storey rule on GB 50016 article 5.4.4 and the licence on article 35 of the Food Safety Law', () => {
      expect(item('FIRE-LAYOUT-01')?.rule).toBe('GB 50016 建筑设计防火规范 第5.4.4条');
      expect(item('FOOD-LIC-01')?.rule).toBe('食品安全法 第三十五条');
    });
  });
});

describe('currentChecklist', () => {
  const v1: Checklist = checklistVersion('fire', 1);

  it('picks version 1 from its effective date', () => {
    expect(currentChecklist('fire', '2025-01-01')).toBe(v1);
    expect(currentChecklist('fire', '2026-11-28').version).toBeGreaterThanOrEqual(1);
  });

  it('gives a date before the first version the first version (back-filled inspections)', () => {
    expect(currentChecklist('fire', '2023-06-30')).toBe(v1);
  });

  it('picks the highest version in force on the date, whatever the order of the list', () => {
    const v2: Checklist = { ...v1, version: 2, effectiveFrom: '2027-03-01' };
    const v3: Checklist = { ...v1, version: 3, effectiveFrom: '2028-01-01' };
    const versions = [v3, v1, v2];
    expect(versionInForce(versions, '2027-02-28')).toBe(v1);
    expect(versionInForce(versions, '2027-03-01')).toBe(v2);
    expect(versionInForce(versions, '2027-12-31')).toBe(v2);
    expect(versionInForce(versions, '2028-01-01')).toBe(v3);
    expect(versionInForce(versions, '2024-12-31')).toBe(v1);
  });

  it('defaults to today in Asia/Shanghai', () => {
    expect(currentChecklist('hygiene').domain).toBe('hygiene');
  });

  it('lists the current checklist of every domain', () => {
    expect(currentChecklists('2026-01-01').map((c) => c.domain)).toEqual([...DOMAINS]);
  });
});

describe('checklistVersion', () => {
  it('finds a stored version', () => {
    expect(checklistVersion('food', 1).items.some((i) => i.code === 'FOOD-SAMPLE-01')).toBe(true);
  });

  it('refuses a version that does not exist', () => {
    expect(() => checklistVersion('food', 99)).toThrow(RangeError);
  });
});
