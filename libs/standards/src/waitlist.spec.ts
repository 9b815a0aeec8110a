import {
  ageInMonths,
  ageInRange,
  classTakesAge,
  compareInQueue,
  isYearMonth,
  labelProblem,
  monthInShanghai,
  queueGroupOf,
  QUEUE_ORDER,
  type QueueEntry,
} from './waitlist.js';

describe('the waitlist rules', () => {
  it('counts a child’s age in completed months from the birth month to the start month', () => {
    expect(ageInMonths('2025-05', '2025-11')).toBe(6);
    expect(ageInMonths('2024-12', '2026-01')).toBe(13);
    expect(ageInMonths('2026-03', '2026-01')).toBe(-2);
  });

  it('takes children of 6..36 months in the start month, and no others', () => {
    expect(ageInRange(5)).toBe(false);
    expect(ageInRange(6)).toBe(true);
    expect(ageInRange(36)).toBe(true);
    expect(ageInRange(37)).toBe(false);
  });

  it('queues a child in its single-age group (the national standard’s 6–11, 12–23, 24–36 months)', () => {
    expect(queueGroupOf(6)).toBe('infant');
    expect(queueGroupOf(11)).toBe('infant');
    expect(queueGroupOf(12)).toBe('toddler');
    expect(queueGroupOf(23)).toBe('toddler');
    expect(queueGroupOf(24)).toBe('preschool');
    expect(queueGroupOf(36)).toBe('preschool');
    expect(queueGroupOf(37)).toBeNull();
  });

  it('lets a mixed class take 18..36 months, a toddler class 12..23', () => {
    expect(classTakesAge('mixed', 18)).toBe(true);
    expect(classTakesAge('mixed', 17)).toBe(false);
    expect(classTakesAge('toddler', 24)).toBe(false);
    expect(classTakesAge('toddler', 12)).toBe(true);
  });

  it('orders the queue by start month, then by time of application, then by id', () => {
    const e = (id: string, startMonth: string, appliedAt: string): QueueEntry => ({ id, startMonth, appliedAt });
    const entries = [
      e('d', '2027-03', '2026-01-01T00:00:00.000Z'),
      e('c', '2027-01', '2026-02-01T00:00:00.000Z'),
      e('b', '2027-01', '2026-01-15T00:00:00.000Z'),
      e('a', '2027-01', '2026-01-15T00:00:00.000Z'),
    ];
    expect([...entries].sort((x, y) => compareInQueue(x, y)).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    // The order is data: time of application alone puts d first.
    expect([...entries].sort((x, y) => compareInQueue(x, y, [{ key: 'appliedAt', direction: 'asc' }])).map((x) => x.id)[0]).toBe('d');
    expect(QUEUE_ORDER.map((r) => r.key)).toEqual(['startMonth', 'appliedAt']);
  });

  it('accepts a nickname but never an ID or phone number as the child’s label', () => {
    expect(labelProblem('小明')).toBeNull();
    expect(labelProblem('Mimi')).toBeNull();
    expect(labelProblem(' ')).toBe('required');
    expect(labelProblem('一二三四五六七八九十一二三四五六七八九十一')).toBe('too_long');
    expect(labelProblem('220102201801011234')).toBe('identifying');
    expect(labelProblem('138 0000 0000')).toBe('identifying');
  });

  it('reads months as YYYY-MM and knows the month in Shanghai', () => {
    expect(isYearMonth('2026-12')).toBe(true);
    expect(isYearMonth('2026-13')).toBe(false);
    expect(isYearMonth('2026-1')).toBe(false);
    expect(monthInShanghai(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
  });
});
