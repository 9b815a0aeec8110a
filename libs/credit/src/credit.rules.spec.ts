import { creditLevel, DEFAULT_CREDIT_RULES, monthsBefore, type CreditFact } from './credit.rules.js';

const today = '2026-12-06';
const fine = (on: string): CreditFact => ({ fact: 'penalty', kind: 'fine', on });

describe('credit levels (rules as data)', () => {
  it('are A with nothing recorded', () => {
    expect(creditLevel([], today)).toEqual({ level: 'A', reasons: [] });
  });
  it('are B after a rectify outcome or a substantiated complaint within 12 months, and A again after that', () => {
    expect(creditLevel([{ fact: 'inspection', outcome: 'rectify', on: '2026-03-01' }], today).level).toBe('B');
    expect(creditLevel([{ fact: 'complaint', category: 'fees', finding: 'substantiated', on: '2026-01-01' }], today).level).toBe('B');
    expect(creditLevel([{ fact: 'complaint', category: 'fees', finding: 'unsubstantiated', on: '2026-01-01' }], today).level).toBe('A');
    expect(creditLevel([{ fact: 'inspection', outcome: 'rectify', on: '2025-12-05' }], today).level).toBe('A');
  });
  it('are C after a fine, a substantiated serious incident or a failed inspection within 12 months', () => {
    expect(creditLevel([fine('2026-06-01')], today).level).toBe('C');
    expect(creditLevel([{ fact: 'inspection', outcome: 'fail', on: '2026-06-01' }], today).level).toBe('C');
    expect(
      creditLevel([{ fact: 'incident', kind: 'injury', severity: 'serious', finding: 'substantiated', on: '2026-06-01' }], today).level,
    ).toBe('C');
    expect(
      creditLevel([{ fact: 'incident', kind: 'injury', severity: 'minor', finding: 'substantiated', on: '2026-06-01' }], today).level,
    ).toBe('A');
  });
  it('are D after a revocation (at any time), a substantiated abuse allegation, or two fines within 24 months', () => {
    expect(creditLevel([{ fact: 'penalty', kind: 'revocation', on: '2019-01-01' }], today).level).toBe('D');
    expect(
      creditLevel([{ fact: 'incident', kind: 'abuse_allegation', severity: 'minor', finding: 'substantiated', on: '2020-01-01' }], today)
        .level,
    ).toBe('D');
    expect(creditLevel([fine('2025-01-10'), fine('2026-11-01')], today).level).toBe('D');
    // 25 months apart: one fine within 12 months (C), not two within 24.
    expect(creditLevel([fine('2024-11-01'), fine('2026-11-01')], today).level).toBe('C');
  });
  it('list every rule that applies, worst first', () => {
    const out = creditLevel([fine('2026-11-01'), { fact: 'inspection', outcome: 'rectify', on: '2026-10-01' }], today);
    expect(out.reasons.map((r) => r.code)).toEqual(['fine', 'rectify_inspection']);
    expect(out.reasons[0]).toMatchObject({ level: 'C', zh: expect.any(String), en: expect.any(String) });
  });
  it('are configuration: another rule list gives other levels', () => {
    const strict = DEFAULT_CREDIT_RULES.map((r) => (r.code === 'fine' ? { ...r, level: 'D' as const } : r));
    expect(creditLevel([fine('2026-11-01')], today, strict).level).toBe('D');
  });
  it('count months back in the calendar', () => {
    expect(monthsBefore('2026-12-06', 12)).toBe('2025-12-06');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 24)).toBe('2024-01-15');
  });
});
