import { DEFAULT_INSPECTION_CONFIG } from './inspection-config.js';
import { inspectionDateViolation } from './inspection-date.js';

describe('inspectionDateViolation', () => {
  const now = new Date('2026-12-06T02:00:00Z');
  const check = (at: string, on: string, registryDate = '2026-01-10') =>
    inspectionDateViolation(new Date(at), on, registryDate, now, DEFAULT_INSPECTION_CONFIG)?.code ?? null;

  it('accepts a visit between the facility’s entry and now, and a few minutes of clock drift', () => {
    expect(check('2026-12-06T01:59:00Z', '2026-12-06')).toBeNull();
    expect(check('2026-12-06T02:04:59Z', '2026-12-06')).toBeNull();
    expect(check('2026-01-10T00:00:00+08:00', '2026-01-10')).toBeNull();
  });

  it('refuses a visit beyond the tolerance in the future', () => {
    expect(check('2026-12-06T02:05:01Z', '2026-12-06')).toBe('in_future');
    expect(check('2099-01-01T10:00:00+08:00', '2099-01-01')).toBe('in_future');
  });

  it('refuses a visit before the facility was entered in the registry', () => {
    expect(check('2026-01-09T23:59:00+08:00', '2026-01-09')).toBe('before_facility');
    expect(check('1970-01-01T00:00:00Z', '1970-01-01')).toBe('before_facility');
  });

  it('takes the tolerance from configuration', () => {
    const at = new Date('2026-12-06T02:30:00Z');
    expect(inspectionDateViolation(at, '2026-12-06', '2026-01-10', now, { futureToleranceMinutes: 60 })).toBeNull();
  });
});
