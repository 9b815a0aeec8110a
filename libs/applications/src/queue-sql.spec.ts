import { queueAhead, queueOrderBy } from './queue-sql.js';

describe('the queue SQL built from the order rules', () => {
  it('orders by start month, then time of application, then application id', () => {
    expect(queueOrderBy('c')).toBe('c.start_month ASC, c.applied_at ASC, c.application_id ASC');
  });
  it('compares two choices as one row comparison when every key ascends', () => {
    expect(queueAhead('o', 'c')).toBe('(o.start_month, o.applied_at, o.application_id) < (c.start_month, c.applied_at, c.application_id)');
  });
  it('expands the comparison key by key when a rule descends', () => {
    expect(queueAhead('o', 'c', [{ key: 'appliedAt', direction: 'desc' }])).toBe(
      '((o.applied_at > c.applied_at) OR (o.applied_at = c.applied_at AND o.application_id < c.application_id))',
    );
  });
});
