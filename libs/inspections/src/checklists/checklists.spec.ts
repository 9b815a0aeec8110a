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
import { RULE_DOCUMENTS, SECOND_RELEASE_FROM, revise, type ChecklistEntry } from './documents.js';

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

  it('never uses one code for two items in any version', () => {
    for (const version of new Set(CHECKLISTS.map((c) => c.version))) {
      const codes = CHECKLISTS.filter((c) => c.version === version).flatMap((c) => c.items.map((i) => i.code));
      expect(new Set(codes).size).toBe(codes.length);
    }
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
    ])('%s (%s) is critical, and still on the current checklist', (code) => {
      expect(item(code)?.severity).toBe('critical');
      const domain = DOMAINS.find((d) => code.startsWith(`${PREFIX[d]}-`))!;
      expect(currentChecklist(domain, SECOND_RELEASE_FROM).items.map((i) => i.code)).toContain(code);
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

describe('version 2 (docs/domain.md "National rules to encode", corrections for the second release)', () => {
  const v2 = (domain: Domain) => checklistVersion(domain, 2);
  const texts = (c: Checklist) => c.items.map((i) => i.text).join('\n');
  const withText = (c: Checklist, text: RegExp) => c.items.filter((i) => text.test(i.text));
  const dayBefore = new Date(Date.parse(`${SECOND_RELEASE_FROM}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);

  it('is the version in force from its day; a visit dated the day before answers version 1', () => {
    for (const domain of DOMAINS) {
      expect(currentChecklist(domain, SECOND_RELEASE_FROM)).toBe(v2(domain));
      expect(currentChecklist(domain, dayBefore).version).toBe(1);
    }
  });

  it('gives video surveillance, access control, drinking water and cups to health, and socket height to building', () => {
    for (const topic of [/视频监控/, /门禁/, /饮用水/, /水杯/]) {
      expect(withText(v2('hygiene'), topic)).toHaveLength(1);
      for (const other of ['fire', 'food', 'building'] as const) expect(texts(v2(other))).not.toMatch(topic);
    }
    expect(withText(v2('building'), /插座/)).toHaveLength(1);
    expect(texts(v2('fire'))).not.toMatch(/插座/);
    // Where they were in version 1.
    expect(texts(checklistVersion('building', 1))).toMatch(/视频监控/);
    expect(texts(checklistVersion('food', 1))).toMatch(/水杯/);
    expect(texts(checklistVersion('fire', 1))).toMatch(/插座/);
  });

  it('makes a food handler without a health certificate and fewer than two exits at a centre critical', () => {
    expect(withText(v2('food'), /健康证明/).map((i) => i.severity)).toEqual(['critical']);
    expect(withText(v2('fire'), /不少于2个安全出口/).map((i) => i.severity)).toEqual(['critical']);
    expect(withText(v2('hygiene'), /健康合格证明/).map((i) => i.severity)).toEqual(['critical']);
    // Version 1 keeps its severities: inspections recorded against it are evaluated as they were.
    expect(withText(checklistVersion('food', 1), /健康证明/).map((i) => i.severity)).toEqual(['major']);
    expect(withText(checklistVersion('fire', 1), /不少于2个安全出口/).map((i) => i.severity)).toEqual(['major']);
  });

  it.each([
    ['safe sleep', /睡眠/],
    ['scalds', /热水/],
    ['drowning', /盛水容器/],
    ['small objects', /小物件/],
    ['the pick-up hand-over check', /接送/],
    ['an injury log', /伤害事件/],
    ['abuse prevention and reporting', /虐待/],
    ['daily outdoor time', /户外活动/],
  ])('adds %s to the health checklist', (_name, text) => {
    expect(withText(v2('hygiene'), text).length).toBeGreaterThan(0);
    expect(withText(checklistVersion('hygiene', 1), text)).toHaveLength(0);
  });

  it('adds indoor air (formaldehyde) to the building checklist', () => {
    expect(withText(v2('building'), /甲醛/)).toHaveLength(1);
  });

  it('leaves version 1 as it was', () => {
    expect(checklistVersion('fire', 1).items.map((i) => i.code)).toContain('FIRE-ELEC-03');
    expect(checklistVersion('food', 1).items.map((i) => i.code)).toEqual(expect.arrayContaining(['FOOD-WATER-01', 'FOOD-DISH-03']));
    expect(checklistVersion('building', 1).items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['BUILDING-FIT-03', 'BUILDING-GROUND-01']),
    );
    expect(DOMAINS.map((d) => checklistVersion(d, 1).items.length)).toEqual([27, 26, 24, 24]);
  });
});

describe('revise', () => {
  const a = item('FIRE-EXIT-01') as ChecklistEntry;
  const b = item('FIRE-EXIT-02') as ChecklistEntry;
  const c = item('FIRE-EXIT-04') as ChecklistEntry;

  it('swaps items in place, drops those replaced by nothing, then appends', () => {
    expect(revise([a, b], { 'FIRE-EXIT-01': [c] }, [a]).map((i) => i.code)).toEqual(['FIRE-EXIT-04', 'FIRE-EXIT-02', 'FIRE-EXIT-01']);
    expect(revise([a, b], { 'FIRE-EXIT-02': [] }).map((i) => i.code)).toEqual(['FIRE-EXIT-01']);
  });

  it('refuses to replace an item that is not there', () => {
    expect(() => revise([a], { 'FIRE-EXIT-09': [] })).toThrow(RangeError);
  });
});
