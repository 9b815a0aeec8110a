import { planRank } from './plan-items.js';

describe('the plan rank (risk descending, then due first, as one ascending number)', () => {
  it('orders as the plan sorted in memory: a higher score first, and at one score the due item first', () => {
    const items = [
      { score: 35, due: false },
      { score: 35, due: true },
      { score: 100, due: false },
      { score: 0, due: true },
      { score: 36, due: false },
      { score: 0, due: false },
    ];
    const byRank = [...items].sort((a, b) => planRank(a.score, a.due) - planRank(b.score, b.due));
    const inMemory = [...items].sort((a, b) => b.score - a.score || Number(b.due) - Number(a.due));
    expect(byRank).toEqual(inMemory);
    expect(new Set(items.map((i) => planRank(i.score, i.due))).size).toBe(items.length);
  });
  it('stays within 0..201 (the column is a smallint)', () => {
    expect(planRank(100, true)).toBe(0);
    expect(planRank(0, false)).toBe(201);
  });
});
