import { QUEUE_ORDER, type QueueKey, type QueueRule } from '@lib/standards';

/** The column of `application_choices` behind each queue key (libs/standards QUEUE_ORDER names the keys). */
const QUEUE_COLUMNS: Record<QueueKey, string> = { startMonth: 'start_month', appliedAt: 'applied_at' };

/** `ORDER BY` of a queue for the table alias `c` (application id last: a total order). */
export function queueOrderBy(c: string, order: readonly QueueRule[] = QUEUE_ORDER): string {
  return [...order.map((r) => `${c}.${QUEUE_COLUMNS[r.key]} ${r.direction.toUpperCase()}`), `${c}.application_id ASC`].join(', ');
}

/**
 * A predicate true when the choice `a` stands ahead of the choice `b` in the same queue. When every key runs the same
 * way it is one row comparison, which the queue index (facility, age group, start month, applied at, application)
 * serves as a range.
 */
export function queueAhead(a: string, b: string, order: readonly QueueRule[] = QUEUE_ORDER): string {
  const cols = [...order.map((r) => ({ col: QUEUE_COLUMNS[r.key], dir: r.direction })), { col: 'application_id', dir: 'asc' as const }];
  if (cols.every((c) => c.dir === 'asc')) {
    return `(${cols.map((c) => `${a}.${c.col}`).join(', ')}) < (${cols.map((c) => `${b}.${c.col}`).join(', ')})`;
  }
  const terms = cols.map((c, i) => {
    const equal = cols.slice(0, i).map((p) => `${a}.${p.col} = ${b}.${p.col}`);
    return `(${[...equal, `${a}.${c.col} ${c.dir === 'asc' ? '<' : '>'} ${b}.${c.col}`].join(' AND ')})`;
  });
  return `(${terms.join(' OR ')})`;
}
