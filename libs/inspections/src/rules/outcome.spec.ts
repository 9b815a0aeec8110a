import type { Checklist, ItemAnswer, ItemResult } from '../inspection-rules.types.js';
import { currentChecklist } from '../checklists/index.js';
import { DEFAULT_INSPECTION_CONFIG as config, inspectionConfig } from './inspection-config.js';
import {
  amendmentOrderChanges,
  answersValid,
  applyAmendments,
  dueOn,
  evaluate,
  reopenDueOn,
  validateAnswers,
  validateCorrections,
} from './outcome.js';

/** A small checklist: two critical, three major and four minor items. */
const checklist: Checklist = {
  domain: 'fire',
  version: 1,
  effectiveFrom: '2025-01-01',
  items: [
    ...['C1', 'C2'].map((c) => ({ code: `FIRE-T-${c}`, severity: 'critical' as const })),
    ...['M1', 'M2', 'M3'].map((c) => ({ code: `FIRE-T-${c}`, severity: 'major' as const })),
    ...['N1', 'N2', 'N3', 'N4'].map((c) => ({ code: `FIRE-T-${c}`, severity: 'minor' as const })),
  ].map((i) => ({ ...i, section: '测试', sectionEn: 'Test', text: i.code, textEn: i.code, rule: 'GB 50016 建筑设计防火规范' })),
};

/** Every item passes except the given ones. */
function answers(results: Record<string, ItemResult> = {}): ItemAnswer[] {
  return checklist.items.map((i) => ({ code: i.code, result: results[`${i.code.slice(7)}`] ?? 'pass' }));
}

describe('validateAnswers: every item of the checklist answered exactly once', () => {
  it('accepts a complete set of answers', () => {
    const problems = validateAnswers(checklist, answers());
    expect(problems).toEqual({ missing: [], unknown: [], duplicate: [] });
    expect(answersValid(problems)).toBe(true);
  });

  it('names the items left unanswered, in checklist order', () => {
    const given = answers().filter((a) => !['FIRE-T-M2', 'FIRE-T-C1'].includes(a.code));
    expect(validateAnswers(checklist, given).missing).toEqual(['FIRE-T-C1', 'FIRE-T-M2']);
  });

  it('names codes that are not on the checklist, once each', () => {
    const given = [...answers(), { code: 'FIRE-X-99', result: 'pass' as const }, { code: 'FIRE-X-99', result: 'fail' as const }];
    const problems = validateAnswers(checklist, given);
    expect(problems.unknown).toEqual(['FIRE-X-99']);
    expect(answersValid(problems)).toBe(false);
  });

  it('names items answered twice, once each, even when both answers agree', () => {
    const given = [...answers(), { code: 'FIRE-T-N1', result: 'pass' as const }, { code: 'FIRE-T-N1', result: 'pass' as const }];
    expect(validateAnswers(checklist, given).duplicate).toEqual(['FIRE-T-N1']);
  });

  it('rejects an empty form as missing every item', () => {
    expect(validateAnswers(checklist, []).missing).toHaveLength(checklist.items.length);
  });
});

describe('validateCorrections: an amendment names known items, each once, and need not name them all', () => {
  it('accepts a single corrected item', () => {
    expect(validateCorrections(checklist, [{ code: 'FIRE-T-M1', result: 'pass' }])).toEqual({ unknown: [], duplicate: [] });
  });

  it('names unknown and repeated codes', () => {
    const problems = validateCorrections(checklist, [
      { code: 'FIRE-T-M1', result: 'pass' },
      { code: 'FIRE-T-M1', result: 'fail' },
      { code: 'FOOD-LIC-01', result: 'pass' },
    ]);
    expect(problems).toEqual({ unknown: ['FOOD-LIC-01'], duplicate: ['FIRE-T-M1'] });
  });
});

describe('evaluate: outcome and score', () => {
  it('passes an inspection where every item passes, with score 100', () => {
    expect(evaluate(checklist, answers(), config)).toEqual({ outcome: 'pass', score: 100, failed: [] });
  });

  it('a failed critical item fails the inspection', () => {
    expect(evaluate(checklist, answers({ C2: 'fail' }), config).outcome).toBe('fail');
  });

  it('a failed critical item fails the inspection even when every other item passes or others fail too', () => {
    expect(evaluate(checklist, answers({ C1: 'fail', M1: 'fail', N1: 'fail' }), config).outcome).toBe('fail');
  });

  it('a failed major item asks for rectification', () => {
    expect(evaluate(checklist, answers({ M3: 'fail' }), config).outcome).toBe('rectify');
  });

  it('a failed minor item asks for rectification', () => {
    expect(evaluate(checklist, answers({ N4: 'fail' }), config).outcome).toBe('rectify');
  });

  it('takes 25 off per failed critical item, 10 per major and 3 per minor', () => {
    expect(evaluate(checklist, answers({ C1: 'fail' }), config).score).toBe(75);
    expect(evaluate(checklist, answers({ M1: 'fail' }), config).score).toBe(90);
    expect(evaluate(checklist, answers({ N1: 'fail' }), config).score).toBe(97);
    expect(evaluate(checklist, answers({ C1: 'fail', M1: 'fail', M2: 'fail', N1: 'fail', N2: 'fail' }), config).score).toBe(
      100 - 25 - 20 - 6,
    );
  });

  it('score never goes below 0', () => {
    const all = Object.fromEntries(checklist.items.map((i) => [i.code.slice(7), 'fail' as const]));
    // 2 × 25 + 3 × 10 + 4 × 3 = 92: with penalties doubled it would be −84
    const harsh = inspectionConfig({ penalties: { critical: 50, major: 20, minor: 6 } });
    expect(evaluate(checklist, answers(all), config).score).toBe(8);
    expect(evaluate(checklist, answers(all), harsh).score).toBe(0);
  });

  it('a not-applicable item neither passes nor fails', () => {
    const result = evaluate(checklist, answers({ C1: 'na', M1: 'na', N1: 'na' }), config);
    expect(result).toEqual({ outcome: 'pass', score: 100, failed: [] });
  });

  it('lists the failed items with the checklist severity, in checklist order', () => {
    const result = evaluate(checklist, answers({ N2: 'fail', C2: 'fail', M1: 'fail' }), config);
    expect(result.failed).toEqual([
      { code: 'FIRE-T-C2', severity: 'critical' },
      { code: 'FIRE-T-M1', severity: 'major' },
      { code: 'FIRE-T-N2', severity: 'minor' },
    ]);
  });

  it('reads penalties from the configuration', () => {
    const lenient = inspectionConfig({ penalties: { major: 5 } });
    expect(evaluate(checklist, answers({ M1: 'fail', C1: 'fail' }), lenient).score).toBe(70);
  });

  it('refuses answers that do not fit the checklist', () => {
    expect(() => evaluate(checklist, answers().slice(1), config)).toThrow(RangeError);
  });

  it('evaluates a real checklist: a blocked exit fails the fire inspection', () => {
    const fire = currentChecklist('fire', '2026-01-01');
    const given = fire.items.map((i) => ({ code: i.code, result: i.code === 'FIRE-EXIT-01' ? ('fail' as const) : ('pass' as const) }));
    expect(evaluate(fire, given, config)).toEqual({ outcome: 'fail', score: 75, failed: [{ code: 'FIRE-EXIT-01', severity: 'critical' }] });
  });
});

describe('applyAmendments: inspections are amended, never edited', () => {
  const original: ItemAnswer[] = [
    { code: 'A', result: 'pass' },
    { code: 'B', result: 'fail', note: '灭火器过期' },
    { code: 'C', result: 'na' },
  ];

  it('without amendments the original answers stand', () => {
    expect(applyAmendments(original, [])).toEqual(original);
  });

  it('a corrected item replaces the original answer, note included; the others stand', () => {
    expect(applyAmendments(original, [{ items: [{ code: 'B', result: 'pass' }] }])).toEqual([
      { code: 'A', result: 'pass' },
      { code: 'B', result: 'pass' },
      { code: 'C', result: 'na' },
    ]);
  });

  it('a later amendment overrides an earlier one item by item', () => {
    const effective = applyAmendments(original, [
      {
        items: [
          { code: 'B', result: 'pass' },
          { code: 'C', result: 'fail' },
        ],
      },
      { items: [{ code: 'B', result: 'fail', note: '复核仍不合格' }] },
    ]);
    expect(effective).toEqual([
      { code: 'A', result: 'pass' },
      { code: 'B', result: 'fail', note: '复核仍不合格' },
      { code: 'C', result: 'fail' },
    ]);
  });

  it('leaves the original answers untouched', () => {
    const copy = structuredClone(original);
    const effective = applyAmendments(original, [{ items: [{ code: 'A', result: 'fail' }] }]);
    effective[1]!.result = 'na';
    expect(original).toEqual(copy);
  });

  it('re-evaluated, an amendment can turn a fail into a pass', () => {
    const failed = answers({ C1: 'fail' });
    const effective = applyAmendments(failed, [{ items: [{ code: 'FIRE-T-C1', result: 'pass' }] }]);
    expect(evaluate(checklist, failed, config).outcome).toBe('fail');
    expect(evaluate(checklist, effective, config)).toEqual({ outcome: 'pass', score: 100, failed: [] });
  });
});

describe('amendmentOrderChanges', () => {
  it('items that now fail get orders and orders of items that no longer fail are resolved; items failing throughout keep theirs', () => {
    const before = [
      { code: 'A', severity: 'major' as const },
      { code: 'B', severity: 'minor' as const },
    ];
    const after = [
      { code: 'B', severity: 'minor' as const },
      { code: 'C', severity: 'critical' as const },
    ];
    expect(amendmentOrderChanges(before, after)).toEqual({ open: [{ code: 'C', severity: 'critical' }], resolve: ['A'] });
  });
});

describe('due dates of rectification orders', () => {
  it('gives a critical item 3 days, a major 14 and a minor 30 from the inspection date', () => {
    expect(dueOn('2026-03-02', 'critical', config)).toBe('2026-03-05');
    expect(dueOn('2026-03-02', 'major', config)).toBe('2026-03-16');
    expect(dueOn('2026-03-02', 'minor', config)).toBe('2026-04-01');
  });

  it('counts across month and year ends in calendar days', () => {
    expect(dueOn('2026-12-30', 'critical', config)).toBe('2027-01-02');
    expect(dueOn('2028-02-27', 'critical', config)).toBe('2028-03-01');
  });

  it('gives a reopened order the same days again from today', () => {
    expect(reopenDueOn('2026-11-28', 'critical', config)).toBe('2026-12-01');
    expect(reopenDueOn('2026-11-28', 'major', config)).toBe('2026-12-12');
    expect(reopenDueOn('2026-11-28', 'minor', config)).toBe('2026-12-28');
  });

  it('reads the days from the configuration', () => {
    expect(dueOn('2026-03-02', 'critical', inspectionConfig({ dueDays: { critical: 1 } }))).toBe('2026-03-03');
  });
});
