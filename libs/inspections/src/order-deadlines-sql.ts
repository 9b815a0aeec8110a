/**
 * The rules of rules/order-deadlines.ts in SQL, for the lists, the plan and the alert scan that read
 * rectification_orders. `alias` names the table in the query; `today` is a parameter reference such as `$2`.
 */

/** The day of the operator's response in Asia/Shanghai (NULL while not responded). */
export function respondedOnSql(alias: string): string {
  return `((${alias}.response->>'at')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;
}

/**
 * orderOverdue: open past its due date, or answered only after it. Written so that it implies `status <> 'resolved'
 * AND due_on < today`, which the partial index IDX_rectification_orders_unresolved_due answers.
 */
export function orderOverdueSql(alias: string, today: string): string {
  return `(${alias}.status <> 'resolved' AND ${alias}.due_on < ${today}
          AND (${alias}.status = 'open' OR ${respondedOnSql(alias)} > ${alias}.due_on))`;
}
