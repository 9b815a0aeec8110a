import { addDays, addYears, daysBetween, dueForRenewal, expiringSoon, isCalendarDate, isExpired, todayInShanghai } from './dates.js';

describe('registry dates (YYYY-MM-DD, Asia/Shanghai)', () => {
  it('accept only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
  it('add days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-06-01', 30)).toBe('2025-07-01');
  });
  it('add years, moving 29 February to 28 February in a common year', () => {
    expect(addYears('2025-06-01', 3)).toBe('2028-06-01');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('count whole days between two dates', () => {
    expect(daysBetween('2025-06-01', '2025-07-01')).toBe(30);
    expect(daysBetween('2025-07-01', '2025-06-01')).toBe(-30);
  });
  it('take today in Shanghai, which is already tomorrow after 16:00 UTC', () => {
    expect(todayInShanghai(new Date('2025-06-01T15:59:59Z'))).toBe('2025-06-01');
    expect(todayInShanghai(new Date('2025-06-01T16:00:00Z'))).toBe('2025-06-02');
  });
  it('refuse to compute with something that is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('expiry', () => {
  const today = '2025-06-01';
  it('counts a document as valid through its expiry date', () => {
    expect(isExpired('2025-06-01', today)).toBe(false);
    expect(isExpired('2025-05-31', today)).toBe(true);
  });
  it('calls a date expiring soon from today to 30 days ahead, not after, and not once past', () => {
    expect(expiringSoon('2025-06-01', today, 30)).toBe(true);
    expect(expiringSoon('2025-07-01', today, 30)).toBe(true);
    expect(expiringSoon('2025-07-02', today, 30)).toBe(false);
    expect(expiringSoon('2025-05-31', today, 30)).toBe(false);
  });
  it('calls a date due for renewal when expiring soon or already past', () => {
    expect(dueForRenewal('2025-05-31', today, 30)).toBe(true);
    expect(dueForRenewal('2025-07-01', today, 30)).toBe(true);
    expect(dueForRenewal('2025-07-02', today, 30)).toBe(false);
  });
});
