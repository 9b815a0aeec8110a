import { expiryStage } from './alert.service.js';

describe('expiry milestones of alerts', () => {
  it('are 30 days ahead, 7 days ahead, and expired', () => {
    expect(expiryStage('2026-12-20', '2026-11-28')).toBe('within_30_days');
    expect(expiryStage('2026-12-05', '2026-11-28')).toBe('within_7_days');
    expect(expiryStage('2026-11-28', '2026-11-28')).toBe('within_7_days');
    expect(expiryStage('2026-11-27', '2026-11-28')).toBe('expired');
  });
});
