import { orderOverdue, verificationDueOn, verificationOverdue } from './order-deadlines.js';
import { orderOverdueSql, respondedOnSql } from '../order-deadlines-sql.js';

describe('whose delay a rectification order shows', () => {
  const due = '2026-03-10';

  it('is the operator’s while the order is open past its due date, not on the due date', () => {
    expect(orderOverdue({ status: 'open', dueOn: due, respondedOn: null }, '2026-03-10')).toBe(false);
    expect(orderOverdue({ status: 'open', dueOn: due, respondedOn: null }, '2026-03-11')).toBe(true);
  });

  it('is not the operator’s once answered by the due date, however long the verification waits', () => {
    expect(orderOverdue({ status: 'responded', dueOn: due, respondedOn: '2026-03-10' }, '2026-06-01')).toBe(false);
    expect(orderOverdue({ status: 'responded', dueOn: due, respondedOn: '2026-03-01' }, '2026-03-20')).toBe(false);
  });

  it('stays the operator’s when answered only after the due date, until verified', () => {
    expect(orderOverdue({ status: 'responded', dueOn: due, respondedOn: '2026-03-11' }, '2026-03-11')).toBe(true);
    expect(orderOverdue({ status: 'resolved', dueOn: due, respondedOn: '2026-03-11' }, '2026-03-20')).toBe(false);
  });

  it('is the regulator’s when a response waits more than 5 working days (weekends and holidays excluded)', () => {
    // Answered on Monday 2026-03-02: five working days end on Monday 2026-03-09.
    expect(verificationDueOn('2026-03-02', 5)).toBe('2026-03-09');
    const answered = { status: 'responded' as const, dueOn: due, respondedOn: '2026-03-02' };
    expect(verificationOverdue(answered, '2026-03-09', 5)).toBe(false);
    expect(verificationOverdue(answered, '2026-03-10', 5)).toBe(true);
    // 2026-09-28 (Monday) + 5 working days runs over the National Day holiday (10-01..10-07) and the make-up days.
    expect(verificationDueOn('2026-09-28', 5) > '2026-10-07').toBe(true);
    expect(verificationOverdue({ ...answered, status: 'open' }, '2026-04-01', 5)).toBe(false);
    expect(verificationOverdue({ ...answered, status: 'resolved' }, '2026-04-01', 5)).toBe(false);
  });

  it('reads the same rule in SQL: implies unresolved and past due (the partial index), the response’s day in Shanghai', () => {
    const sql = orderOverdueSql('o', '$1');
    expect(sql).toContain("o.status <> 'resolved' AND o.due_on < $1");
    expect(sql).toContain(`${respondedOnSql('o')} > o.due_on`);
    expect(respondedOnSql('x')).toBe("((x.response->>'at')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date");
  });
});
